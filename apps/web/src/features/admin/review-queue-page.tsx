import type { TAccountReview, TReviewQueueItem } from '@reachbridge/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { TextAreaField } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { Badge, StatusBadge } from '../../components/status-badge';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { ProvenanceBadge, QualityBadge } from '../influencers/badges';
import { GrowthCard } from '../influencers/growth-card';
import { useTaxonomy } from '../influencers/labels';
import { QualityCard } from '../influencers/quality-card';
import { useDecision, useReviewQueue, useVerifySocialAccount, type DecisionAction } from './queries';
import './admin.css';

type Item = TReviewQueueItem;

/** `/admin/review-queue` — accounts waiting for vetting, oldest first, with what an admin decides on. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.reviewQueue'));
  const queue = useReviewQueue();
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('nav.reviewQueue')}
        lead={t('sections.reviewQueue')}
        actions={
          <Button variant="secondary" size="sm" onClick={() => void queue.refetch()} isBusy={queue.isRefetching} busyLabel={t('common.loading')}>
            {t('admin.queue.refresh')}
          </Button>
        }
      />
      {queue.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {queue.isError ? <Alert tone="danger" live="alert" title={describeError(t, queue.error)} /> : null}
      {queue.isSuccess && items.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('admin.queue.emptyTitle')}</p>
          <p>{t('admin.queue.emptyBody')}</p>
        </div>
      ) : null}
      {items.length ? (
        <ol className="review-queue" aria-label={t('admin.queue.listLabel')}>
          {items.map((item) => (
            <li key={item.user.id}>
              <QueueItem item={item} />
            </li>
          ))}
        </ol>
      ) : null}
      {queue.hasNextPage ? (
        <div className="load-more">
          <Button variant="secondary" onClick={() => void queue.fetchNextPage()} isBusy={queue.isFetchingNextPage} busyLabel={t('common.loading')}>
            {t('admin.queue.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

function QueueItem({ item }: { item: Item }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const [outcome, setOutcome] = useState<{ action: DecisionAction; review: TAccountReview } | null>(null);
  const status = outcome?.review.user.status ?? item.user.status;
  const name = item.influencer?.displayName ?? item.brand?.name ?? item.user.displayName;
  const headingId = `review-${item.user.id}`;

  return (
    <article className="card review-item" aria-labelledby={headingId} data-testid="review-item" data-user-id={item.user.id}>
      <header className="review-item__head">
        <div>
          <h2 className="review-item__name" id={headingId}>
            <bdi>{name}</bdi>
          </h2>
          <p className="review-item__meta">
            <Badge tone="brand">{t(`roles.${item.user.role}`)}</Badge> <StatusBadge status={status} />{' '}
            <span dir="ltr" className="review-item__email">
              {item.user.email}
            </span>
          </p>
          <p className="review-item__meta muted">
            {t('admin.queue.waitingSince', { date: formatDateTime(item.waitingSince) })}
            {item.reasons.map((reason) => (
              <span key={reason} className={`badge badge--${reason === 'score_review' ? 'warning' : 'neutral'} review-item__reason`}>
                {t(`admin.queue.reasons.${reason}`)}
              </span>
            ))}
          </p>
        </div>
        {item.influencer ? <QualityBadge score={item.influencer.qualityScore.score} size="lg" /> : null}
      </header>

      {item.scoreReview ? (
        <Alert tone="warning" title={t('admin.queue.scoreReviewTitle')}>
          <p dir="auto">{item.scoreReview.message}</p>
        </Alert>
      ) : null}
      {item.lastDecision?.reason ? (
        <p className="review-item__previous">
          {t('admin.queue.lastDecision', { decision: t(`admin.decisions.${item.lastDecision.decision}`), date: formatDateTime(item.lastDecision.decidedAt) })}{' '}
          <span dir="auto">{item.lastDecision.reason}</span>
        </p>
      ) : null}

      <Duplicates item={item} />
      {item.influencer ? <InfluencerSignals item={item} influencer={item.influencer} /> : null}
      {item.user.role === 'brand' ? <BrandSignals brand={item.brand} /> : null}

      {outcome ? (
        <Alert tone={outcome.action === 'approve' || outcome.action === 'reinstate' ? 'success' : 'warning'} live="status" title={t(`admin.actions.done.${outcome.action}`, { name })} />
      ) : null}
      <DecisionPanel item={item} name={name} status={status} onDecided={(action, review) => setOutcome({ action, review })} />
    </article>
  );
}

function Duplicates({ item }: { item: Item }) {
  const { t } = useTranslation();
  if (!item.duplicates.length) return <p className="review-item__clean muted">{t('admin.queue.noDuplicates')}</p>;
  return (
    <Alert tone="danger" title={t('admin.queue.duplicatesTitle')} className="review-item__duplicates">
      <ul>
        {item.duplicates.map((duplicate) => (
          <li key={`${duplicate.kind}:${duplicate.value}:${duplicate.account.id}`}>
            {t(duplicate.kind === 'handle' ? 'admin.queue.duplicateHandle' : 'admin.queue.duplicateDomain', {
              value: `\u2066${duplicate.value}\u2069`,
              name: `\u2068${duplicate.account.displayName}\u2069`,
              email: `\u2066${duplicate.account.email}\u2069`,
              status: t(`statuses.${duplicate.account.status}`),
            })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function InfluencerSignals({ item, influencer }: { item: Item; influencer: NonNullable<Item['influencer']> }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { formatNumber } = useFormatters();
  const verify = useVerifySocialAccount();
  const [verified, setVerified] = useState<ReadonlySet<string>>(new Set());

  return (
    <div className="review-item__signals">
      <Card heading={t('admin.queue.accountsTitle')} headingLevel={3} className="review-accounts">
        <p className="muted">
          {t(`editor.status.${influencer.reviewStatus}`)} · <Link to={`/influencers/${influencer.id}`}>{t('admin.queue.openProfile')}</Link>
        </p>
        <ul className="review-accounts__list">
          {influencer.socialAccounts.map((account) => {
            const isVerified = verified.has(account.id) || account.provenance.metrics.source === 'platform_verified';
            return (
              <li key={account.id} className="review-account" data-testid="review-account">
                <span className="review-account__handle">{taxonomy.account(account.platform, account.handle)}</span>
                <span>{t('admin.queue.followers', { value: formatNumber(account.followers) })}</span>
                <span className="review-account__provenance">
                  {t('admin.queue.metrics')}{' '}
                  <ProvenanceBadge source={isVerified ? 'platform_verified' : account.provenance.metrics.source} asOf={account.provenance.metrics.asOf} />
                </span>
                <span className="review-account__provenance">
                  {t('admin.queue.audience')} <ProvenanceBadge source={account.provenance.audience.source} asOf={account.provenance.audience.asOf} />
                </span>
                {isVerified ? null : (
                  <Button
                    variant="secondary"
                    size="sm"
                    isBusy={verify.isPending && verify.variables === account.id}
                    busyLabel={t('admin.queue.verifying')}
                    onClick={() => verify.mutate(account.id, { onSuccess: () => setVerified((previous) => new Set([...previous, account.id])) })}
                  >
                    {t('admin.queue.verify', { account: taxonomy.account(account.platform, account.handle) })}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
        {verify.isError ? <p className="field__error">{describeError(t, verify.error)}</p> : null}
        {item.influencer?.reviewNote ? (
          <p className="muted">
            {t('editor.reviewNote')} <span dir="auto">{item.influencer.reviewNote}</span>
          </p>
        ) : null}
      </Card>
      <QualityCard quality={influencer.qualityScore} />
      <GrowthCard profile={influencer} />
    </div>
  );
}

function BrandSignals({ brand }: { brand: Item['brand'] }) {
  const { t } = useTranslation();
  if (!brand) return <p className="muted">{t('admin.queue.noBrandProfile')}</p>;
  return (
    <dl className="review-brand">
      <dt>{t('admin.queue.brandName')}</dt>
      <dd>
        <bdi>{brand.name}</bdi>
      </dd>
      <dt>{t('admin.queue.website')}</dt>
      <dd dir="ltr">{brand.website ?? '—'}</dd>
      <dt>{t('admin.queue.industry')}</dt>
      <dd>{brand.industry ?? '—'}</dd>
      <dt>{t('admin.queue.country')}</dt>
      <dd>{brand.country ?? '—'}</dd>
    </dl>
  );
}

const REASON_REQUIRED: Record<DecisionAction, boolean | null> = { approve: null, reinstate: null, reject: true, requestChanges: true, suspend: false };

/** Approve, reject, request changes, suspend, reinstate — each confirmed inline, with a reason where the user is told why. */
function DecisionPanel({ item, name, status, onDecided }: { item: Item; name: string; status: Item['user']['status']; onDecided: (action: DecisionAction, review: TAccountReview) => void }) {
  const { t } = useTranslation();
  const decision = useDecision();
  const [action, setAction] = useState<DecisionAction | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const available: DecisionAction[] = status === 'suspended' ? ['reinstate'] : ['approve', 'reject', 'requestChanges', 'suspend'];

  function open(next: DecisionAction) {
    decision.reset();
    setAction(next);
    setReason('');
    setReasonError(undefined);
  }

  function confirm(event: FormEvent) {
    event.preventDefault();
    if (!action) return;
    if (REASON_REQUIRED[action] && !reason.trim()) {
      setReasonError(t('admin.actions.reasonRequired'));
      return;
    }
    decision.mutate(
      { userId: item.user.id, action, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: (review) => {
          onDecided(action, review);
          setAction(null);
        },
      },
    );
  }

  return (
    <div className="review-item__actions" role="group" aria-label={t('admin.actions.label', { name })}>
      {action ? (
        <form className="review-confirm" onSubmit={confirm} noValidate>
          <p>{t(`admin.actions.confirm.${action}`, { name })}</p>
          {REASON_REQUIRED[action] !== null ? (
            <TextAreaField
              label={REASON_REQUIRED[action] ? t('admin.actions.reason') : t('admin.actions.reasonOptional')}
              value={reason}
              rows={3}
              maxLength={2000}
              dir="auto"
              error={reasonError}
              onChange={(event) => setReason(event.target.value)}
            />
          ) : null}
          {decision.isError ? <Alert tone="danger" live="alert" title={describeError(t, decision.error)} /> : null}
          <div className="button-row">
            <Button type="submit" variant={action === 'approve' || action === 'reinstate' ? 'primary' : 'danger'} isBusy={decision.isPending} busyLabel={t('admin.actions.working')}>
              {t(`admin.actions.confirmButton.${action}`)}
            </Button>
            <Button variant="secondary" onClick={() => setAction(null)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          {available.map((candidate) => (
            <Button key={candidate} variant={candidate === 'approve' || candidate === 'reinstate' ? 'primary' : 'secondary'} size="sm" onClick={() => open(candidate)}>
              {t(`admin.actions.${candidate}`)}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
