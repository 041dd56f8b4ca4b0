import { vettingContracts } from '@reachbridge/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { TextAreaField } from '../../components/field';
import { callApi } from '../../lib/api-client';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';

const reviewKey = ['me', 'account-review'] as const;

/**
 * What vetting decided about the user's account and why (SPEC §7: the reason is shown to the user),
 * and, for influencers, a way to ask an admin to review their quality score.
 */
export function AccountReviewCard({ role }: { role: 'brand' | 'influencer' }) {
  const { t } = useTranslation();
  const { formatDate } = useFormatters();
  const review = useQuery({ queryKey: reviewKey, queryFn: ({ signal }) => callApi(vettingContracts.myReview, { signal }) });
  if (!review.data) return null;
  const { lastDecision, scoreReview } = review.data;
  if (!lastDecision && role !== 'influencer') return null;
  return (
    <Card heading={t('accountReview.title')} className="account-review" data-testid="account-review">
      {lastDecision ? (
        <Alert tone={lastDecision.decision === 'approved' || lastDecision.decision === 'reinstated' ? 'success' : 'warning'} title={t(`accountReview.decision.${lastDecision.decision}`)}>
          {lastDecision.reason ? <p dir="auto">{lastDecision.reason}</p> : null}
          <p className="muted">
            <time dateTime={lastDecision.decidedAt}>{formatDate(lastDecision.decidedAt, { dateStyle: 'long' })}</time>
          </p>
        </Alert>
      ) : null}
      {role === 'influencer' ? (
        scoreReview ? (
          <p className="muted" data-testid="score-review-requested">
            {t('accountReview.scoreRequested', { date: formatDate(scoreReview.requestedAt, { dateStyle: 'long' }) })}
          </p>
        ) : (
          <ScoreReviewForm />
        )
      ) : null}
    </Card>
  );
}

function ScoreReviewForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState('');
  const request = useMutation({
    mutationFn: (body: { message: string }) => callApi(vettingContracts.requestScoreReview, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewKey }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (message.trim()) request.mutate({ message: message.trim() });
  }
  return (
    <form onSubmit={submit} className="form">
      <p>{t('accountReview.scoreLead')}</p>
      <TextAreaField
        label={t('accountReview.scoreMessage')}
        value={message}
        rows={3}
        maxLength={2000}
        dir="auto"
        required
        error={request.isError ? describeError(t, request.error) : undefined}
        onChange={(event) => setMessage(event.target.value)}
      />
      <div className="button-row">
        <Button type="submit" variant="secondary" disabled={request.isPending || !message.trim()}>
          {t('accountReview.scoreSubmit')}
        </Button>
      </div>
    </form>
  );
}
