import type { adminMoneyContracts, ContractResponse, TOffer } from '@reachbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/alert';
import { ButtonLink } from '../../components/button';
import { Card } from '../../components/card';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { OfferStatusBadge } from '../offers/labels';
import { MessageList } from '../offers/offer-messages';
import { DisputeCard, TimelineCard } from '../offers/offer-sections';
import { ResolutionForm } from './resolution-form';
import { useMoneyWords } from './use-money-words';

export type DisputeQueueItem = ContractResponse<typeof adminMoneyContracts.disputes>['items'][number];

/** One dispute: who and what, both statements, the timeline and the messages, and the decision. */
export function DisputeItem({ item, onStale }: { item: DisputeQueueItem; onStale: () => void }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const { age } = useMoneyWords();
  const [resolved, setResolved] = useState<TOffer | null>(null);
  const dispute = resolved?.dispute ?? item.dispute;
  const status = resolved?.status ?? item.offer.status;
  const headingId = `dispute-${dispute.id}`;

  return (
    <article className="card dispute-item" aria-labelledby={headingId} data-testid="dispute-item" data-offer-id={item.offer.id}>
      <header className="dispute-item__head">
        <h2 className="dispute-item__title" id={headingId}>
          {t('adminMoney.disputes.title', { brand: `\u2068${item.offer.brand.name}\u2069`, influencer: `\u2068${item.offer.influencer.displayName}\u2069` })}
        </h2>
        <p className="dispute-item__meta">
          <OfferStatusBadge status={status} />{' '}
          <span className="muted">
            {dispute.resolvedAt
              ? t('adminMoney.disputes.resolvedOn', { date: formatDateTime(dispute.resolvedAt) })
              : t('adminMoney.disputes.opened', { side: t(`offers.actors.${dispute.openedBy}`), age: age(dispute.openedAt) })}
          </span>{' '}
          <Link to={`/offers/${item.offer.id}`}>{t('adminMoney.disputes.openOffer')}</Link>
        </p>
      </header>

      <div className="dispute-item__grid">
        <OfferFacts offer={item.offer} />
        <div className="dispute-item__statements">
          <DisputeCard dispute={dispute} currency={item.offer.price.currency} />
          {dispute.response === null && dispute.status === 'open' ? <p className="muted">{t('adminMoney.disputes.noResponse')}</p> : null}
        </div>
        <TimelineCard events={item.events} />
        <MessageThread messages={item.messages} />
      </div>

      {resolved ? (
        <Alert tone="success" live="status" title={t('adminMoney.resolve.done', { status: t(`offers.status.${resolved.status}`) })}>
          <ButtonLink to={`/admin/ledger/offers/${item.offer.id}`} variant="secondary" size="sm">
            {t('adminMoney.resolve.viewLedger')}
          </ButtonLink>
        </Alert>
      ) : dispute.status === 'open' ? (
        <ResolutionForm item={item} onResolved={setResolved} onStale={onStale} />
      ) : (
        <p>
          <ButtonLink to={`/admin/ledger/offers/${item.offer.id}`} variant="secondary" size="sm">
            {t('adminMoney.resolve.viewLedger')}
          </ButtonLink>
        </p>
      )}
    </article>
  );
}

function OfferFacts({ offer }: { offer: DisputeQueueItem['offer'] }) {
  const { t } = useTranslation();
  const { formatNumber, formatPercent } = useFormatters();
  const { exact } = useMoneyWords();
  const currency = offer.price.currency;
  return (
    <Card heading={t('adminMoney.offer.title')} headingLevel={3} className="dispute-offer">
      <dl className="fact-list" data-testid="dispute-offer">
        <div>
          <dt>{t('adminMoney.offer.brand')}</dt>
          <dd>
            <bdi>{offer.brand.name}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('adminMoney.offer.influencer')}</dt>
          <dd>
            <bdi>{offer.influencer.displayName}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t('adminMoney.offer.price')}</dt>
          <dd>{exact(offer.price.amount, currency)}</dd>
        </div>
        <div>
          <dt>{t('adminMoney.offer.held')}</dt>
          <dd data-testid="dispute-held">{exact(offer.held, currency)}</dd>
        </div>
        <div>
          <dt>{t('adminMoney.offer.fee')}</dt>
          <dd>{t('adminMoney.offer.feeValue', { rate: formatPercent(offer.feeBps / 100, 2), bps: formatNumber(offer.feeBps) })}</dd>
        </div>
      </dl>
    </Card>
  );
}

/** The offer's messages, oldest first, read-only (admins do not write in the parties' thread). */
function MessageThread({ messages }: { messages: DisputeQueueItem['messages'] }) {
  const { t } = useTranslation();
  return (
    <Card heading={t('adminMoney.disputes.messagesTitle')} headingLevel={3} className="offer-messages">
      {messages.length === 0 ? <p className="muted">{t('adminMoney.disputes.noMessages')}</p> : null}
      <MessageList messages={messages} testId="dispute-messages" />
    </Card>
  );
}
