import { offersContracts, type TOffer } from '@reachbridge/contracts';
import type { OfferAction } from '@reachbridge/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/alert';
import { Button, type ButtonVariant } from '../../components/button';
import { Card } from '../../components/card';
import { callApi } from '../../lib/api-client';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { DisputeForm, SubmitWorkForm, TextActionForm } from './action-forms';
import { CounterForm } from './counter-form';
import { priceSplit } from './money';
import { useConnectStatus, useOfferAction, type OfferActionCall } from './queries';

/** Actions a person takes on an offer page (the system's own, like `expire`, never show). */
const PERSON_ACTIONS = [
  'accept',
  'submit',
  'approve',
  'accept_counter',
  'accept_cancel',
  'counter',
  'request_revision',
  'reject_counter',
  'reject_cancel',
  'decline',
  'withdraw',
  'request_cancel',
  'cancel_overdue',
  'open_dispute',
] as const satisfies readonly OfferAction[];
type PersonAction = (typeof PERSON_ACTIONS)[number];
/** Answering the other side's dispute is not a state change, so it is not in `availableActions`. */
type Panel = PersonAction | 'dispute_statement';

const VARIANTS: Record<PersonAction, ButtonVariant> = {
  accept: 'primary',
  submit: 'primary',
  approve: 'primary',
  accept_counter: 'primary',
  accept_cancel: 'primary',
  counter: 'secondary',
  request_revision: 'secondary',
  reject_counter: 'secondary',
  reject_cancel: 'secondary',
  decline: 'danger',
  withdraw: 'danger',
  request_cancel: 'ghost',
  cancel_overdue: 'danger',
  open_dispute: 'ghost',
};

const isPersonAction = (action: OfferAction): action is PersonAction => (PERSON_ACTIONS as readonly string[]).includes(action);

/** Answering is open to the side that did not open the dispute, once, while it is open. */
export function canAnswerDispute(offer: TOffer): boolean {
  return offer.status === 'disputed' && offer.dispute?.status === 'open' && offer.dispute.response === null && offer.viewerRole !== 'admin' && offer.dispute.openedBy !== offer.viewerRole;
}

/** The buttons for exactly what the viewer may do now (`availableActions`), each with its form. */
export function OfferActions({ offer }: { offer: TOffer }) {
  const { t } = useTranslation();
  const action = useOfferAction();
  const [panel, setPanel] = useState<Panel | null>(null);
  const actions = PERSON_ACTIONS.filter((candidate) => offer.availableActions.filter(isPersonAction).includes(candidate));
  const answer = canAnswerDispute(offer);
  const needsPayouts = offer.viewerRole === 'influencer' && offer.status === 'sent' && !offer.availableActions.includes('accept');
  const connect = useConnectStatus(needsPayouts);

  const run = (call: OfferActionCall) => action.mutateAsync({ id: offer.id, call }, { onSuccess: () => setPanel(null) });
  const fire = (call: OfferActionCall) => void run(call).catch(() => undefined);
  const formProps = { isBusy: action.isPending, error: action.error, onCancel: () => setPanel(null) };

  function open(next: Panel) {
    action.reset();
    if (next === 'accept') fire((id) => callApi(offersContracts.accept, { params: { id } }));
    else if (next === 'accept_counter') fire((id) => callApi(offersContracts.acceptCounter, { params: { id } }));
    else if (next === 'accept_cancel') fire((id) => callApi(offersContracts.acceptCancel, { params: { id } }));
    else setPanel(next);
  }

  if (!actions.length && !answer) {
    return needsPayouts && connect.data?.status !== 'ready' ? <PayoutsNeeded /> : null;
  }

  return (
    <Card heading={t('offers.actions.title')} className="offer-actions" data-testid="offer-actions">
      {needsPayouts && connect.data && connect.data.status !== 'ready' ? <PayoutsNeeded /> : null}
      <div className="offer-actions__buttons">
        {actions.map((name) => (
          <Button
            key={name}
            size="sm"
            variant={VARIANTS[name]}
            aria-expanded={name === 'accept' || name === 'accept_counter' || name === 'accept_cancel' ? undefined : panel === name}
            isBusy={action.isPending && panel === null && (name === 'accept' || name === 'accept_counter' || name === 'accept_cancel')}
            busyLabel={t('offers.actions.working')}
            onClick={() => open(name)}
          >
            {t(`offers.actions.${name}`)}
          </Button>
        ))}
        {answer ? (
          <Button size="sm" variant="secondary" aria-expanded={panel === 'dispute_statement'} onClick={() => open('dispute_statement')}>
            {t('offers.actions.dispute_statement')}
          </Button>
        ) : null}
      </div>
      {panel ? <ActionPanel panel={panel} offer={offer} run={run} formProps={formProps} /> : null}
      {action.isError && panel === null ? <Alert tone="danger" live="alert" title={describeError(t, action.error)} /> : null}
    </Card>
  );
}

function PayoutsNeeded() {
  const { t } = useTranslation();
  return (
    <Alert tone="warning" title={t('offers.actions.payoutsNeededTitle')} className="offer-actions__notice">
      <p>
        {t('offers.actions.payoutsNeededBody')} <Link to="/payouts">{t('offers.actions.payoutsNeededLink')}</Link>
      </p>
    </Alert>
  );
}

function ActionPanel({
  panel,
  offer,
  run,
  formProps,
}: {
  panel: Panel;
  offer: TOffer;
  run: (call: OfferActionCall) => Promise<TOffer>;
  formProps: { isBusy: boolean; error: unknown; onCancel: () => void };
}) {
  const { t } = useTranslation();
  const fire = (call: OfferActionCall) => void run(call).catch(() => undefined);
  const withReason = (reason: string) => (reason ? { reason } : {});
  const errorAlert = formProps.error ? <Alert tone="danger" live="alert" title={describeError(t, formProps.error)} /> : null;

  const form = (() => {
    switch (panel) {
      case 'approve':
        return <ApproveConfirm offer={offer} {...formProps} onConfirm={() => fire((id) => callApi(offersContracts.approve, { params: { id } }))} />;
      case 'decline':
      case 'withdraw':
      case 'reject_counter':
      case 'reject_cancel': {
        const contract = { decline: offersContracts.decline, withdraw: offersContracts.withdraw, reject_counter: offersContracts.rejectCounter, reject_cancel: offersContracts.rejectCancel }[panel];
        return (
          <TextActionForm
            {...formProps}
            label={t('offers.forms.reason')}
            required={false}
            field="reason"
            variant={panel === 'decline' || panel === 'withdraw' ? 'danger' : 'primary'}
            submitLabel={t(`offers.actions.${panel}`)}
            onSubmit={(reason) => fire((id) => callApi(contract, { params: { id }, body: withReason(reason) }))}
          />
        );
      }
      case 'request_cancel':
      case 'cancel_overdue':
        return (
          <TextActionForm
            {...formProps}
            label={t('offers.forms.cancelReason')}
            hint={t(panel === 'cancel_overdue' ? 'offers.forms.cancelOverdueHint' : 'offers.forms.cancelHint')}
            required
            field="reason"
            variant="danger"
            submitLabel={t(`offers.actions.${panel}`)}
            onSubmit={(reason) => fire((id) => callApi(offersContracts.cancel, { params: { id }, body: { reason } }))}
          />
        );
      case 'request_revision':
        return (
          <TextActionForm
            {...formProps}
            label={t('offers.forms.feedback')}
            hint={t('offers.forms.revisionsLeft', { count: Math.max(0, offer.revisionLimit - offer.revisionsUsed) })}
            required
            field="feedback"
            submitLabel={t('offers.actions.request_revision')}
            onSubmit={(feedback) => fire((id) => callApi(offersContracts.requestRevision, { params: { id }, body: { feedback } }))}
          />
        );
      case 'submit':
        return <SubmitWorkForm {...formProps} onSubmit={(body) => fire((id) => callApi(offersContracts.submit, { params: { id }, body }))} />;
      case 'counter':
        return <CounterForm {...formProps} offer={offer} onSubmit={(body) => run((id) => callApi(offersContracts.counter, { params: { id }, body }))} />;
      case 'open_dispute':
        return (
          <DisputeForm
            {...formProps}
            label={t('offers.forms.disputeReason')}
            submitLabel={t('offers.actions.open_dispute')}
            onSubmit={(reason, evidence) => fire((id) => callApi(offersContracts.openDispute, { params: { id }, body: { reason, evidence } }))}
          />
        );
      case 'dispute_statement':
        return (
          <DisputeForm
            {...formProps}
            label={t('offers.forms.disputeStatement')}
            submitLabel={t('offers.actions.dispute_statement')}
            onSubmit={(statement, evidence) => fire((id) => callApi(offersContracts.disputeStatement, { params: { id }, body: { statement, evidence } }))}
          />
        );
      case 'accept':
      case 'accept_counter':
      case 'accept_cancel':
        return null; // done at once, without a form
    }
  })();

  return (
    <div className="offer-actions__panel">
      <h3 className="offer-actions__panel-title">{t(`offers.actions.${panel}`)}</h3>
      {form}
      {panel !== 'counter' ? errorAlert : null}
    </div>
  );
}

/** Approving releases the money: say how much goes where before doing it. */
function ApproveConfirm({ offer, isBusy, onCancel, onConfirm }: { offer: TOffer; isBusy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  const { formatMoney } = useFormatters();
  const { payout } = priceSplit(offer.price.amount, offer.feeBps);
  return (
    <div className="action-form">
      <p>{t('offers.forms.approveBody', { payout: formatMoney(payout, offer.price.currency), name: offer.influencer.displayName })}</p>
      <div className="action-form__buttons">
        <Button size="sm" isBusy={isBusy} busyLabel={t('offers.actions.working')} onClick={onConfirm}>
          {t('offers.forms.approveYes')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}
