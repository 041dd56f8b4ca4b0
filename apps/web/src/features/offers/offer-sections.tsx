import type { TOffer } from '@reachbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/card';
import { Badge } from '../../components/status-badge';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { useTaxonomy } from '../influencers/labels';
import { Countdown } from './countdown-view';
import { useOfferWords } from './labels';
import { priceSplit } from './money';

type Deliverable = TOffer['deliverables'][number];
type DeadlineName = keyof TOffer['deadlines'];
const DEADLINES: readonly DeadlineName[] = ['accept', 'due', 'review', 'cancellation', 'completion'];

/** Price, fee and what the influencer receives: the settled figures once settled, else the split at the offer's fee. */
export function MoneySplit({ offer }: { offer: TOffer }) {
  const { t } = useTranslation();
  const { formatMoney, formatPercent } = useFormatters();
  const settled = offer.payment.fee + offer.payment.payout > 0;
  const { fee, payout } = settled ? offer.payment : priceSplit(offer.price.amount, offer.feeBps);
  const currency = offer.price.currency;
  return (
    <dl className="money-split" data-testid="money-split">
      <div>
        <dt>{t('offers.money.price')}</dt>
        <dd>{formatMoney(offer.price.amount, currency)}</dd>
      </div>
      <div>
        <dt>{t('offers.money.fee', { rate: formatPercent(offer.feeBps / 100, 2) })}</dt>
        <dd>{formatMoney(fee, currency)}</dd>
      </div>
      <div className="money-split__total">
        <dt>{t('offers.money.payout')}</dt>
        <dd>{formatMoney(payout, currency)}</dd>
      </div>
    </dl>
  );
}

/** Each running deadline with a live countdown. */
export function DeadlinesCard({ offer }: { offer: TOffer }) {
  const { t } = useTranslation();
  const running = DEADLINES.filter((name) => offer.deadlines[name] !== null);
  if (!running.length) return null;
  return (
    <Card heading={t('offers.deadlines.title')} className="offer-deadlines">
      <dl className="deadline-list">
        {running.map((name) => (
          <div key={name} data-testid={`deadline-${name}`}>
            <dt>{t(`offers.deadlines.${name}`)}</dt>
            <dd>
              <Countdown deadline={offer.deadlines[name] ?? ''} />
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

export function DeliverableList({ deliverables }: { deliverables: readonly Deliverable[] }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { formatDay, formatNumber } = useFormatters();
  return (
    <ul className="deliverable-list">
      {deliverables.map((deliverable, index) => (
        <li key={index} className="deliverable">
          <p className="deliverable__what">
            {t('offers.deliverable.what', {
              quantity: formatNumber(deliverable.quantity),
              platform: taxonomy.platform(deliverable.platform),
              type: taxonomy.deliverable(deliverable.type),
            })}
          </p>
          <p className="muted deliverable__meta">
            {deliverable.dueDate ? <span>{t('offers.deliverable.due', { date: formatDay(deliverable.dueDate) })}</span> : null}
            {deliverable.disclosureTag ? (
              <span>
                {t('offers.deliverable.tag')} <bdi dir="auto">{deliverable.disclosureTag}</bdi>
              </span>
            ) : null}
          </p>
          {deliverable.requirements ? (
            <p className="deliverable__requirements" dir="auto">
              {deliverable.requirements}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function TermsCard({ offer }: { offer: TOffer }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  return (
    <Card heading={t('offers.terms.title')} className="offer-terms">
      <DeliverableList deliverables={offer.deliverables} />
      <dl className="fact-list">
        <div>
          <dt>{t('offers.composer.usageRights')}</dt>
          <dd>
            {offer.usageRights.kind === 'none' || offer.usageRights.days === null
              ? t(`offers.usage.${offer.usageRights.kind}`)
              : t('offers.terms.usageFor', { kind: t(`offers.usage.${offer.usageRights.kind}`), days: formatNumber(offer.usageRights.days) })}
          </dd>
        </div>
        <div>
          <dt>{t('offers.terms.revisions')}</dt>
          <dd>{t('offers.terms.revisionsUsed', { used: formatNumber(offer.revisionsUsed), limit: formatNumber(offer.revisionLimit) })}</dd>
        </div>
        <div>
          <dt>{t('offers.composer.reviewWindowHours')}</dt>
          <dd>{t('offers.terms.hours', { count: offer.reviewWindowHours, value: formatNumber(offer.reviewWindowHours) })}</dd>
        </div>
      </dl>
      {offer.message ? (
        <blockquote className="offer-message" dir="auto">
          {offer.message}
        </blockquote>
      ) : null}
    </Card>
  );
}

/** The influencer's proposed terms, while the brand decides. */
export function CounterCard({ counter }: { counter: NonNullable<TOffer['counter']> }) {
  const { t } = useTranslation();
  const { formatMoney, formatDateTime } = useFormatters();
  return (
    <Card heading={t('offers.counter.title')} className="offer-counter" data-testid="counter">
      <p>
        {t('offers.counter.price')} <strong>{formatMoney(counter.price.amount, counter.price.currency)}</strong>
      </p>
      {counter.deliverables ? <DeliverableList deliverables={counter.deliverables} /> : <p className="muted">{t('offers.counter.sameDeliverables')}</p>}
      {counter.message ? (
        <blockquote className="offer-message" dir="auto">
          {counter.message}
        </blockquote>
      ) : null}
      <p className="muted">{formatDateTime(counter.at)}</p>
    </Card>
  );
}

export function CancellationNotice({ offer }: { offer: TOffer }) {
  const { t } = useTranslation();
  if (!offer.cancellation) return null;
  const byMe = offer.cancellation.requestedBy === offer.viewerRole;
  return (
    <Card heading={t('offers.cancellation.title')} className="offer-cancellation">
      <p>{byMe ? t('offers.cancellation.byYou') : t('offers.cancellation.byThem', { side: t(`offers.actors.${offer.cancellation.requestedBy}`) })}</p>
      <blockquote className="offer-message" dir="auto">
        {offer.cancellation.reason}
      </blockquote>
    </Card>
  );
}

export function DisputeCard({ dispute, currency }: { dispute: NonNullable<TOffer['dispute']>; currency: TOffer['price']['currency'] }) {
  const { t } = useTranslation();
  const { formatDateTime, formatMoney } = useFormatters();
  const evidence = (items: { url: string | null; note: string }[]) =>
    items.length ? (
      <ul className="evidence-list">
        {items.map((item, index) => (
          <li key={index}>
            {item.url ? (
              <a href={item.url} target="_blank" rel="noopener noreferrer" dir="ltr">
                {item.url}
              </a>
            ) : null}{' '}
            <span dir="auto">{item.note}</span>
          </li>
        ))}
      </ul>
    ) : null;
  return (
    <Card heading={t('offers.dispute.title')} className="offer-dispute" data-testid="dispute">
      <p>
        <Badge>{t(`offers.dispute.${dispute.status}`)}</Badge> {t('offers.dispute.openedBy', { side: t(`offers.actors.${dispute.openedBy}`), date: formatDateTime(dispute.openedAt) })}
      </p>
      <blockquote className="offer-message" dir="auto">
        {dispute.reason}
      </blockquote>
      {evidence(dispute.evidence)}
      {dispute.response ? (
        <>
          <h3 className="offer-subtitle">{t('offers.dispute.response')}</h3>
          <blockquote className="offer-message" dir="auto">
            {dispute.response.statement}
          </blockquote>
          {evidence(dispute.response.evidence)}
        </>
      ) : null}
      {dispute.outcome ? (
        <p>
          {t(`offers.dispute.outcome.${dispute.outcome}`, {
            refund: formatMoney(dispute.refundAmount ?? 0, currency),
            release: formatMoney(dispute.releaseAmount ?? 0, currency),
          })}
        </p>
      ) : null}
      {dispute.note ? (
        <p className="muted" dir="auto">
          {dispute.note}
        </p>
      ) : null}
    </Card>
  );
}

export function SubmissionsCard({ submissions }: { submissions: TOffer['submissions'] }) {
  const { t } = useTranslation();
  const { formatDateTime, formatNumber } = useFormatters();
  if (!submissions.length) return null;
  return (
    <Card heading={t('offers.submissions.title')} className="offer-submissions">
      <ol className="submission-list">
        {[...submissions].reverse().map((submission) => (
          <li key={submission.round} className="submission" data-testid="submission">
            <p className="submission__head">
              <strong>{t('offers.submissions.round', { n: formatNumber(submission.round) })}</strong>{' '}
              <span className="muted">{formatDateTime(submission.submittedAt)}</span>
            </p>
            <p>
              <a href={submission.url} target="_blank" rel="noopener noreferrer" dir="ltr" className="submission__url">
                {submission.url}
              </a>
            </p>
            {submission.notes ? (
              <p className="submission__notes" dir="auto">
                {submission.notes}
              </p>
            ) : null}
            {submission.decision ? (
              <p className={submission.decision === 'approved' ? 'submission__decision submission__decision--approved' : 'submission__decision'}>
                {t(`offers.submissions.${submission.decision}`)}
                {submission.feedback ? (
                  <>
                    {': '}
                    <span dir="auto">{submission.feedback}</span>
                  </>
                ) : null}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}

/** Where the money is: held, released, refunded, each movement, and the test-money label. */
export function PaymentCard({ offer }: { offer: TOffer }) {
  const { t } = useTranslation();
  const { formatMoney, formatDateTime } = useFormatters();
  const { payment } = offer;
  const currency = offer.price.currency;
  return (
    <Card heading={t('offers.payment.title')} className="offer-payment" data-testid="payment">
      {payment.testMoney ? (
        <p className="test-money" data-testid="test-money">
          {t('offers.payment.testMoney')}
        </p>
      ) : null}
      <p className="offer-payment__state">{t(`offers.payment.state.${paymentState(offer)}`)}</p>
      <dl className="fact-list">
        <div>
          <dt>{t('offers.payment.held')}</dt>
          <dd data-testid="payment-held">{formatMoney(payment.held, currency)}</dd>
        </div>
        <div>
          <dt>{t('offers.payment.released')}</dt>
          <dd data-testid="payment-released">{formatMoney(payment.released, currency)}</dd>
        </div>
        <div>
          <dt>{t('offers.payment.refunded')}</dt>
          <dd data-testid="payment-refunded">{formatMoney(payment.refunded, currency)}</dd>
        </div>
      </dl>
      {payment.movements.length ? (
        <>
          <h3 className="offer-subtitle">{t('offers.payment.movementsTitle')}</h3>
          <ul className="movement-list">
            {payment.movements.map((movement, index) => (
              <li key={index}>
                <span>{t(`offers.payment.movements.${movement.kind}`)}</span>
                <span className="muted">{t(`offers.payment.movementStatus.${movement.status}`)}</span>
                <span className="movement-list__amount">{formatMoney(movement.amount, currency)}</span>
                <time className="muted" dateTime={movement.at}>
                  {formatDateTime(movement.at)}
                </time>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

type PaymentState = 'awaitingCard' | 'authorised' | 'held' | 'released' | 'refunded' | 'split' | 'nothingCharged' | 'failed';

/** The one sentence about the money that matters now. */
export function paymentState(offer: TOffer): PaymentState {
  switch (offer.status) {
    case 'pending_payment':
      return 'awaitingCard';
    case 'sent':
    case 'countered':
      return 'authorised';
    case 'approved':
    case 'released':
    case 'completed':
      return 'released';
    case 'refunded':
      return 'refunded';
    case 'split_settled':
      return 'split';
    case 'declined':
    case 'withdrawn':
    case 'expired':
      return 'nothingCharged';
    case 'payment_failed':
      return 'failed';
    case 'in_progress':
    case 'submitted':
    case 'revision_requested':
    case 'cancellation_requested':
    case 'disputed':
      return 'held';
  }
}

export function TrackedLinkCard({ link }: { link: NonNullable<TOffer['trackedLink']> }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  return (
    <Card heading={t('offers.link.title')} className="offer-link" data-testid="tracked-link">
      <p className="card__lead">{t('offers.link.lead')}</p>
      <p>
        <a href={link.url} dir="ltr" className="offer-link__url">
          {link.url}
        </a>
      </p>
      <dl className="fact-list">
        <div>
          <dt>{t('offers.link.clicks')}</dt>
          <dd>{formatNumber(link.clicks)}</dd>
        </div>
        <div>
          <dt>{t('offers.link.visitors')}</dt>
          <dd>{formatNumber(link.uniqueVisitors)}</dd>
        </div>
      </dl>
    </Card>
  );
}

/** Every transition: what happened, who did it, when, from → to, and why. */
export function TimelineCard({ events }: { events: TOffer['events'] }) {
  const { t } = useTranslation();
  const words = useOfferWords();
  const { formatDateTime } = useFormatters();
  return (
    <Card heading={t('offers.timeline.title')} className="offer-timeline">
      <ol className="timeline" data-testid="timeline">
        {events.map((event, index) => (
          <li key={index} className="timeline__item">
            <p className="timeline__what">
              <strong>{words.event(event.action)}</strong>
            </p>
            <p className="timeline__meta muted">
              <span>{event.actorName ? t('offers.timeline.byNamed', { name: event.actorName, side: words.actor(event.actor) }) : words.actor(event.actor)}</span>
              <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            </p>
            <p className="timeline__change">
              {event.from ? t('offers.timeline.fromTo', { from: words.status(event.from), to: words.status(event.to) }) : words.status(event.to)}
            </p>
            {event.reason ? (
              <p className="timeline__reason" dir="auto">
                {event.reason}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
