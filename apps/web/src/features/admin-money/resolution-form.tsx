import type { TOffer } from '@reachbridge/contracts';
import type { Settlement } from '@reachbridge/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { FieldError, InputField, TextAreaField } from '../../components/field';
import { isApiError } from '../../lib/api-client';
import { describeError, translateMessage } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { minorToInput, parseMoneyInput } from '../offers/money';
import type { DisputeQueueItem } from './dispute-item';
import { useResolveDispute } from './queries';
import { OUTCOMES, previewResolution, resolveBody, type Outcome, type SplitProblem } from './split';
import { useMoneyWords } from './use-money-words';

type Offer = DisputeQueueItem['offer'];

/**
 * Refund, release or split, with a live split calculator (refund R typed in major units or dragged;
 * released S = held − R; fee on S only; the influencer's payout), then a confirmation step.
 */
export function ResolutionForm({ item, onResolved, onStale }: { item: DisputeQueueItem; onResolved: (offer: TOffer) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const { offer } = item;
  const resolve = useResolveDispute();
  const [outcome, setOutcome] = useState<Outcome>('split');
  const [refundText, setRefundText] = useState('');
  const [note, setNote] = useState('');
  const [isConfirming, setIsConfirming] = useState(false);
  const preview = previewResolution({ outcome, refundText, held: offer.held, feeBps: offer.feeBps, currency: offer.price.currency });
  const name = `outcome-${item.dispute.id}`;

  function review(event: FormEvent) {
    event.preventDefault();
    if (!preview.ok) return;
    resolve.reset();
    setIsConfirming(true);
  }

  function confirm() {
    if (!preview.ok) return;
    resolve.mutate({ disputeId: item.dispute.id, body: resolveBody(outcome, preview.settlement, note) }, { onSuccess: onResolved });
  }

  return (
    <section className="resolution" aria-labelledby={`${name}-title`} data-testid="resolution">
      <h3 className="resolution__title" id={`${name}-title`}>
        {t('adminMoney.resolve.title')}
      </h3>
      <form className="resolution__form" onSubmit={review} noValidate>
        <fieldset className="segmented" disabled={isConfirming}>
          <legend className="field__label">{t('adminMoney.resolve.outcomeLegend')}</legend>
          {OUTCOMES.map((candidate) => (
            <label key={candidate} className="segmented__option">
              <input type="radio" name={name} value={candidate} checked={candidate === outcome} onChange={() => setOutcome(candidate)} />
              <span>{t(`adminMoney.resolve.outcomes.${candidate}`)}</span>
            </label>
          ))}
        </fieldset>
        {outcome === 'split' ? <SplitInputs offer={offer} refundText={refundText} onChange={setRefundText} disabled={isConfirming} /> : null}
        {preview.ok ? (
          <SettlementSummary offer={offer} settlement={preview.settlement} />
        ) : refundText !== '' || preview.problem.kind !== 'required' ? (
          <ProblemMessage problem={preview.problem} offer={offer} />
        ) : null}
        <TextAreaField label={t('adminMoney.resolve.note')} value={note} rows={2} maxLength={2000} dir="auto" disabled={isConfirming} onChange={(event) => setNote(event.target.value)} />
        {isConfirming ? null : (
          <div className="button-row">
            <Button type="submit" disabled={!preview.ok}>
              {t('adminMoney.resolve.review')}
            </Button>
          </div>
        )}
      </form>
      {isConfirming && preview.ok ? (
        <ConfirmPanel
          offer={offer}
          outcome={outcome}
          settlement={preview.settlement}
          isBusy={resolve.isPending}
          error={resolve.error}
          onConfirm={confirm}
          onBack={() => setIsConfirming(false)}
          onStale={onStale}
        />
      ) : null}
    </section>
  );
}

/** The refund in major units (typed, Persian digits welcome) and a slider over the held amount, kept in step. */
function SplitInputs({ offer, refundText, onChange, disabled }: { offer: Offer; refundText: string; onChange: (text: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const { exact } = useMoneyWords();
  const sliderId = useId();
  const currency = offer.price.currency;
  const typed = parseMoneyInput(refundText, currency);
  const sliderValue = typed.ok && typed.minor !== null ? Math.min(typed.minor, offer.held) : 0;
  return (
    <div className="split-inputs">
      <InputField
        label={t('adminMoney.resolve.refundLabel', { currency })}
        hint={t('adminMoney.resolve.refundHint', { held: exact(offer.held, currency) })}
        inputMode="decimal"
        autoComplete="off"
        dir="ltr"
        value={refundText}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      />
      {/* Amounts grow left to right, like the digits themselves, in either language (Chromium also fills a right-to-left range from the wrong end). */}
      <div className="split-slider" dir="ltr">
        <label className="visually-hidden" htmlFor={sliderId}>
          {t('adminMoney.resolve.slider')}
        </label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={offer.held}
          step={1}
          value={sliderValue}
          disabled={disabled}
          aria-valuetext={exact(sliderValue, currency)}
          onChange={(event) => onChange(minorToInput(Number(event.target.value), currency))}
        />
        <div className="split-slider__ends" aria-hidden="true">
          <span>{exact(0, currency)}</span>
          <span>{exact(offer.held, currency)}</span>
        </div>
      </div>
    </div>
  );
}

/** What moves where, updated as the admin types or drags. */
function SettlementSummary({ offer, settlement }: { offer: Offer; settlement: Settlement }) {
  const { t } = useTranslation();
  const { formatPercent } = useFormatters();
  const { exact } = useMoneyWords();
  const currency = offer.price.currency;
  const rows = [
    { key: 'refund', label: t('adminMoney.resolve.summary.refund', { brand: offer.brand.name }), amount: settlement.refund },
    { key: 'release', label: t('adminMoney.resolve.summary.release'), amount: settlement.release },
    { key: 'fee', label: t('adminMoney.resolve.summary.fee', { rate: formatPercent(offer.feeBps / 100, 2) }), amount: settlement.fee },
    { key: 'payout', label: t('adminMoney.resolve.summary.payout', { influencer: offer.influencer.displayName }), amount: settlement.payout },
  ];
  return (
    <dl className="money-split split-summary" aria-label={t('adminMoney.resolve.summaryLabel')} aria-live="polite" data-testid="split-summary">
      {rows.map((row) => (
        <div key={row.key} className={row.key === 'payout' ? 'money-split__total' : undefined} data-testid={`split-${row.key}`}>
          <dt>{row.label}</dt>
          <dd>{exact(row.amount, currency)}</dd>
        </div>
      ))}
    </dl>
  );
}

function ProblemMessage({ problem, offer }: { problem: SplitProblem; offer: Offer }) {
  const { t } = useTranslation();
  const { exact } = useMoneyWords();
  const message = problem.kind === 'input' ? translateMessage(t, problem.token) : t(`adminMoney.resolve.problems.${problem.kind}`, { held: exact(offer.held, offer.price.currency) });
  return (
    <div role="status" data-testid="split-problem">
      <FieldError message={message} />
    </div>
  );
}

interface ConfirmPanelProps {
  offer: Offer;
  outcome: Outcome;
  settlement: Settlement;
  isBusy: boolean;
  error: unknown;
  onConfirm: () => void;
  onBack: () => void;
  onStale: () => void;
}

/** The last look before money moves: the outcome in words, and what the API said if it refused. */
function ConfirmPanel({ offer, outcome, settlement, isBusy, error, onConfirm, onBack, onStale }: ConfirmPanelProps) {
  const { t } = useTranslation();
  const { exact } = useMoneyWords();
  const currency = offer.price.currency;
  const isAlreadyResolved = isApiError(error) && error.code === 'DISPUTE_ALREADY_RESOLVED';
  return (
    <div className="review-confirm" role="group" aria-label={t('adminMoney.resolve.review')} data-testid="resolution-confirm">
      <p>
        {t(`adminMoney.resolve.confirm.${outcome}`, {
          refund: exact(settlement.refund, currency),
          release: exact(settlement.release, currency),
          fee: exact(settlement.fee, currency),
          payout: exact(settlement.payout, currency),
          brand: `\u2068${offer.brand.name}\u2069`,
          influencer: `\u2068${offer.influencer.displayName}\u2069`,
        })}
      </p>
      <p className="muted">{t('adminMoney.resolve.confirm.irreversible')}</p>
      {error ? (
        <Alert tone="danger" live="alert" title={describeError(t, error)}>
          {isAlreadyResolved ? (
            <Button variant="secondary" size="sm" onClick={onStale}>
              {t('adminMoney.resolve.refreshQueue')}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <div className="button-row">
        <Button variant="danger" onClick={onConfirm} isBusy={isBusy} busyLabel={t('adminMoney.resolve.working')} disabled={isAlreadyResolved}>
          {t('adminMoney.resolve.confirmButton')}
        </Button>
        <Button variant="secondary" onClick={onBack} disabled={isBusy}>
          {t('adminMoney.resolve.back')}
        </Button>
      </div>
    </div>
  );
}
