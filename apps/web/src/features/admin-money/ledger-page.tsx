import type { adminMoneyContracts, ContractResponse } from '@reachbridge/contracts';
import type { Currency } from '@reachbridge/domain';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ButtonLink } from '../../components/button';
import { Card } from '../../components/card';
import { FullPageError, FullPageLoader } from '../../components/full-page-state';
import { PageHeader } from '../../components/page-header';
import { isApiError } from '../../lib/api-client';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { useOfferLedger } from './queries';
import { useMoneyWords } from './use-money-words';
import './admin-money.css';

type Ledger = ContractResponse<typeof adminMoneyContracts.offerLedger>;
type Transaction = Ledger['transactions'][number];

/** `/admin/ledger/offers/:id` — an offer's double-entry postings per transaction, their sums, and the balances. */
export function OfferLedgerPage() {
  const { t } = useTranslation();
  usePageTitle(t('adminMoney.ledger.title'));
  const { id = '' } = useParams();
  const ledger = useOfferLedger(id);

  const header = (
    <PageHeader
      title={t('adminMoney.ledger.title')}
      lead={t('adminMoney.ledger.lead')}
      actions={
        <>
          <ButtonLink to={`/offers/${id}`} variant="secondary" size="sm">
            {t('adminMoney.ledger.openOffer')}
          </ButtonLink>
          <ButtonLink to="/admin/disputes" variant="ghost" size="sm">
            {t('adminMoney.ledger.backToDisputes')}
          </ButtonLink>
        </>
      }
    />
  );
  if (ledger.isPending) return <FullPageLoader />;
  if (ledger.isError) {
    if (isApiError(ledger.error) && (ledger.error.status === 404 || ledger.error.code === 'VALIDATION_FAILED')) {
      return (
        <>
          {header}
          <div className="empty-state">
            <p className="empty-state__title">{t('adminMoney.ledger.notFound')}</p>
          </div>
        </>
      );
    }
    return <FullPageError error={ledger.error} onRetry={() => void ledger.refetch()} />;
  }
  return (
    <>
      {header}
      <p className="ledger-offer muted">
        <bdi dir="ltr">{ledger.data.offerId}</bdi>
      </p>
      <h2 className="section-title">{t('adminMoney.ledger.transactionsTitle')}</h2>
      {ledger.data.transactions.length === 0 ? <p className="muted">{t('adminMoney.ledger.empty')}</p> : null}
      <ol className="ledger-transactions">
        {ledger.data.transactions.map((transaction) => (
          <li key={transaction.idempotencyKey}>
            <TransactionCard transaction={transaction} />
          </li>
        ))}
      </ol>
      <BalancesCard balances={ledger.data.balances} />
    </>
  );
}

/** Sums per currency: every transaction's postings must come to zero in each. */
function sumsByCurrency(postings: Transaction['postings']): [Currency, number][] {
  const sums = new Map<Currency, number>();
  for (const posting of postings) sums.set(posting.currency, (sums.get(posting.currency) ?? 0) + posting.amount);
  return [...sums];
}

function TransactionCard({ transaction }: { transaction: Transaction }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const { exact } = useMoneyWords();
  const sums = sumsByCurrency(transaction.postings);
  return (
    <Card
      heading={<code dir="ltr">{transaction.kind}</code>}
      headingLevel={3}
      className="ledger-transaction"
      data-testid="ledger-transaction"
      data-kind={transaction.kind}
      actions={<time className="muted" dateTime={transaction.at}>{formatDateTime(transaction.at)}</time>}
    >
      <dl className="ledger-transaction__meta">
        <div>
          <dt>{t('adminMoney.ledger.key')}</dt>
          <dd>
            <bdi dir="ltr">{transaction.idempotencyKey}</bdi>
          </dd>
        </div>
        {transaction.providerRef ? (
          <div>
            <dt>{t('adminMoney.ledger.providerRef')}</dt>
            <dd>
              <bdi dir="ltr">{transaction.providerRef}</bdi>
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="ledger-table-wrap">
        <table className="data-table ledger-table">
          <thead>
            <tr>
              <th scope="col">{t('adminMoney.ledger.account')}</th>
              <th scope="col">{t('adminMoney.ledger.currency')}</th>
              <th scope="col" className="data-table__number">
                {t('adminMoney.ledger.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {transaction.postings.map((posting, index) => (
              <tr key={`${posting.account}:${index}`} data-testid="ledger-posting">
                <td className="ledger-table__account">
                  <bdi dir="ltr">{posting.account}</bdi>
                </td>
                <td>{posting.currency}</td>
                <td className="data-table__number">{exact(posting.amount, posting.currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {sums.map(([currency, sum]) => (
              <tr key={currency} data-testid="ledger-sum">
                <th scope="row">{t('adminMoney.ledger.sum')}</th>
                <td>
                  <span className={`badge badge--${sum === 0 ? 'success' : 'danger'}`}>{t(sum === 0 ? 'adminMoney.ledger.balanced' : 'adminMoney.ledger.unbalanced')}</span>
                </td>
                <td className="data-table__number">{exact(sum, currency)}</td>
              </tr>
            ))}
          </tfoot>
        </table>
      </div>
    </Card>
  );
}

function BalancesCard({ balances }: { balances: Ledger['balances'] }) {
  const { t } = useTranslation();
  const { exact } = useMoneyWords();
  return (
    <Card heading={t('adminMoney.ledger.balancesTitle')} className="ledger-balances" data-testid="ledger-balances">
      <p className="card__lead">{t('adminMoney.ledger.balancesLead')}</p>
      <div className="ledger-table-wrap">
        <table className="data-table ledger-table">
          <thead>
            <tr>
              <th scope="col">{t('adminMoney.ledger.account')}</th>
              <th scope="col">{t('adminMoney.ledger.currency')}</th>
              <th scope="col" className="data-table__number">
                {t('adminMoney.ledger.balance')}
              </th>
            </tr>
          </thead>
          <tbody>
            {balances.map((balance) => (
              <tr key={`${balance.account}:${balance.currency}`} data-testid="ledger-balance">
                <td className="ledger-table__account">
                  <bdi dir="ltr">{balance.account}</bdi>
                </td>
                <td>{balance.currency}</td>
                <td className="data-table__number">{exact(balance.balance, balance.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
