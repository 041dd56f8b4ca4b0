import type { TBalance } from '@reachbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '../../components/status-badge';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { useBalance } from '../offers/queries';
import '../offers/offers.css';

type BalanceField = Exclude<keyof TBalance, 'currency'>;

/** What each side cares about: a brand what is held, refunded and spent; an influencer what is held, on its way and paid out. */
const FIELDS: Record<'brand' | 'influencer', readonly BalanceField[]> = {
  brand: ['held', 'refunded', 'spent'],
  influencer: ['held', 'payable', 'paidOut'],
};

/** Balances per currency, with the test-money label when payments are simulated. */
export function BalanceSummary({ variant }: { variant: 'brand' | 'influencer' }) {
  const { t } = useTranslation();
  const { formatMoney } = useFormatters();
  const balance = useBalance();
  return (
    <section className="balance-summary card" aria-labelledby="balance-title" data-testid="balance">
      <div className="card__header">
        <h2 className="card__title" id="balance-title">
          {t('payouts.balanceTitle')}
        </h2>
        {balance.data?.testMoney ? <Badge tone="brand">{t('offers.payment.testMoneyShort')}</Badge> : null}
      </div>
      {balance.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {balance.isError ? <p className="field__error">{describeError(t, balance.error)}</p> : null}
      {balance.isSuccess && balance.data.items.length === 0 ? <p className="muted">{t('payouts.noBalance')}</p> : null}
      {balance.data?.items.map((item) => (
        <dl key={item.currency} className="balance-summary__row" aria-label={item.currency}>
          {FIELDS[variant].map((field) => (
            <div key={field} data-testid={`balance-${field}`}>
              <dt>{t(`payouts.fields.${field}`)}</dt>
              <dd>{formatMoney(item[field], item.currency)}</dd>
            </div>
          ))}
        </dl>
      ))}
    </section>
  );
}
