import type { TOffer } from '@reachbridge/contracts';
import type { OfferAction, OfferActor, OfferStatus } from '@reachbridge/domain';
import { useTranslation } from 'react-i18next';

type Tone = 'success' | 'warning' | 'danger' | 'brand' | 'neutral';

const STATUS_TONES: Record<OfferStatus, Tone> = {
  pending_payment: 'warning',
  sent: 'brand',
  countered: 'warning',
  in_progress: 'brand',
  submitted: 'brand',
  revision_requested: 'warning',
  approved: 'success',
  released: 'success',
  completed: 'success',
  cancellation_requested: 'warning',
  disputed: 'danger',
  declined: 'neutral',
  withdrawn: 'neutral',
  expired: 'neutral',
  payment_failed: 'danger',
  refunded: 'neutral',
  split_settled: 'neutral',
};

export function OfferStatusBadge({ status }: { status: OfferStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${STATUS_TONES[status]}`} data-testid="offer-status">
      <span className="badge__dot" aria-hidden="true" />
      {t(`offers.status.${status}`)}
    </span>
  );
}

export type Side = 'brand' | 'influencer';

/** "Your turn", "Waiting for Nova Coffee", "Payment is moving", or nothing once finished. */
export function WhoseTurn({ status, whoseTurn, viewer, counterpart }: { status: OfferStatus; whoseTurn: OfferActor | null; viewer: TOffer['viewerRole']; counterpart: string }) {
  const { t } = useTranslation();
  // Paid out: the system only makes it final after the clawback window; nobody is waiting.
  if (whoseTurn === null || status === 'released') return null;
  const mine = whoseTurn === viewer;
  const text =
    whoseTurn === 'system' ? t('offers.turn.system') : whoseTurn === 'admin' ? t('offers.turn.admin') : mine ? t('offers.turn.yours') : t('offers.turn.theirs', { name: counterpart });
  return <span className={['turn', mine ? 'turn--mine' : ''].filter(Boolean).join(' ')}>{text}</span>;
}

/** Labels for the timeline: what happened and who did it. */
export function useOfferWords() {
  const { t } = useTranslation();
  return {
    status: (status: OfferStatus) => t(`offers.status.${status}`),
    event: (action: OfferAction | 'created') => t(`offers.events.${action}`),
    actor: (actor: OfferActor) => t(`offers.actors.${actor}`),
  };
}
