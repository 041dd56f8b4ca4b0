import type { TOfferSummary } from '@reachbridge/contracts';
import type { OfferStatus, Role } from '@reachbridge/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { Countdown } from './countdown-view';
import { OfferStatusBadge, WhoseTurn } from './labels';

type DeadlineName = 'accept' | 'due' | 'review' | 'cancellation' | 'completion';

/** Which deadline `nextDeadline` is, by status (the API keeps one running per status). */
const DEADLINE_OF: Partial<Record<OfferStatus, DeadlineName>> = {
  sent: 'accept',
  countered: 'accept',
  in_progress: 'due',
  revision_requested: 'due',
  submitted: 'review',
  cancellation_requested: 'cancellation',
  released: 'completion',
};

/** One offer in a list: who with, what for, where it stands, and the next deadline ticking. */
export function OfferRow({ offer, viewer }: { offer: TOfferSummary; viewer: Role }) {
  const { t } = useTranslation();
  const { formatMoney, formatDate } = useFormatters();
  const counterpart = viewer === 'influencer' ? offer.brand.name : offer.influencer.displayName;
  return (
    <article className="offer-row card" data-testid="offer-row">
      <div className="offer-row__main">
        <h2 className="offer-row__title">
          <Link to={`/offers/${offer.id}`}>{counterpart}</Link>
        </h2>
        <p className="offer-row__meta muted">
          {offer.campaign ? <span>{offer.campaign.name}</span> : null}
          <span>{t('offers.inbox.updated', { date: formatDate(offer.updatedAt) })}</span>
        </p>
      </div>
      <p className="offer-row__price">{formatMoney(offer.price.amount, offer.price.currency)}</p>
      <div className="offer-row__state">
        <OfferStatusBadge status={offer.status} />
        <WhoseTurn status={offer.status} whoseTurn={offer.whoseTurn} viewer={viewer} counterpart={counterpart} />
        {offer.nextDeadline ? <NextDeadline status={offer.status} deadline={offer.nextDeadline} /> : null}
      </div>
    </article>
  );
}

function NextDeadline({ status, deadline }: { status: OfferStatus; deadline: string }) {
  const { t } = useTranslation();
  const name = DEADLINE_OF[status];
  return (
    <span className="offer-row__deadline">
      {name ? <span className="muted">{t(`offers.deadlines.${name}`)}: </span> : null}
      <Countdown deadline={deadline} />
    </span>
  );
}
