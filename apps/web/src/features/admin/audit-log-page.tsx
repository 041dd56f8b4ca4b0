import type { TAuditEntry } from '@reachbridge/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { InputField, SelectField } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { isApiError } from '../../lib/api-client';
import { describeError, translateMessage } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { useAuditLog, useDecision, type AuditFilters } from './queries';
import './admin.css';

const FILTER_KEYS = ['actor', 'action', 'targetType', 'targetId', 'from', 'to'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** Actions the console names; others (money movements from the payments side) show their code. */
const KNOWN_ACTIONS = [
  'account.*',
  'account.approve',
  'account.reject',
  'account.request_changes',
  'account.suspend',
  'account.reinstate',
  'social_account.verify',
  'influencer.score_review.request',
  'money.*',
] as const;
const TARGET_TYPES = ['account', 'social_account', 'influencer_profile', 'offer', 'dispute'] as const;

/** The form's values are calendar days for from/to; the API takes instants (UTC day bounds). */
function toQuery(form: Record<FilterKey, string>): AuditFilters {
  const query: AuditFilters = {};
  for (const key of FILTER_KEYS) {
    const value = form[key].trim();
    if (!value) continue;
    if (key === 'from') query.from = `${value}T00:00:00.000Z`;
    else if (key === 'to') query.to = `${value}T23:59:59.999Z`;
    else query[key] = value;
  }
  return query;
}

function readForm(params: URLSearchParams): Record<FilterKey, string> {
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as Record<FilterKey, string>;
}

export function actionLabelKey(action: string): string {
  return `admin.audit.actionLabels.${action.replace(/\.\*$/, '_all').replace(/\./g, '_')}`;
}

/** `/admin/audit-log` — every admin action and money movement, newest first; filters live in the URL. */
export function AuditLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.auditLog'));
  const [params, setParams] = useSearchParams();
  const applied = readForm(params);
  const [form, setForm] = useState(applied);
  const log = useAuditLog(toQuery(applied));
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const fieldError = (key: FilterKey) => {
    if (!isApiError(log.error)) return undefined;
    const detail = log.error.details.find((candidate) => candidate.path === `query.${key}`);
    return detail ? translateMessage(t, detail.message) : undefined;
  };

  function apply(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) if (form[key].trim()) next.set(key, form[key].trim());
    setParams(next);
  }

  function clear() {
    const empty = readForm(new URLSearchParams());
    setForm(empty);
    setParams(new URLSearchParams());
  }

  const set = (key: FilterKey) => (event: { target: { value: string } }) => setForm((previous) => ({ ...previous, [key]: event.target.value }));

  return (
    <>
      <PageHeader title={t('nav.auditLog')} lead={t('sections.auditLog')} />
      <form className="card audit-filters" onSubmit={apply} aria-label={t('admin.audit.filters')} noValidate>
        <InputField label={t('admin.audit.actor')} value={form.actor} onChange={set('actor')} dir="ltr" error={fieldError('actor')} placeholder="00000000-…" />
        <SelectField
          label={t('admin.audit.action')}
          value={form.action}
          onChange={set('action')}
          error={fieldError('action')}
          options={[{ value: '', label: t('admin.audit.anyAction') }, ...KNOWN_ACTIONS.map((action) => ({ value: action, label: t(actionLabelKey(action) as 'admin.audit.anyAction', { defaultValue: action }) }))]}
        />
        <SelectField
          label={t('admin.audit.targetType')}
          value={form.targetType}
          onChange={set('targetType')}
          error={fieldError('targetType')}
          options={[{ value: '', label: t('admin.audit.anyTarget') }, ...TARGET_TYPES.map((type) => ({ value: type, label: t(`admin.audit.targetTypes.${type}`) }))]}
        />
        <InputField label={t('admin.audit.targetId')} value={form.targetId} onChange={set('targetId')} dir="ltr" error={fieldError('targetId')} />
        <InputField label={t('admin.audit.from')} type="date" value={form.from} onChange={set('from')} error={fieldError('from')} />
        <InputField label={t('admin.audit.to')} type="date" value={form.to} onChange={set('to')} error={fieldError('to')} />
        <div className="button-row audit-filters__buttons">
          <Button type="submit">{t('admin.audit.apply')}</Button>
          <Button variant="secondary" onClick={clear}>
            {t('admin.audit.clear')}
          </Button>
        </div>
      </form>

      {log.isError ? <Alert tone="danger" live="alert" title={describeError(t, log.error)} /> : null}
      {log.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {log.isSuccess && entries.length === 0 ? <p className="empty-state">{t('admin.audit.empty')}</p> : null}
      {entries.length ? (
        <div className="audit-table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">{t('nav.auditLog')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.columns.when')}</th>
                <th scope="col">{t('admin.audit.columns.who')}</th>
                <th scope="col">{t('admin.audit.columns.action')}</th>
                <th scope="col">{t('admin.audit.columns.target')}</th>
                <th scope="col">{t('admin.audit.columns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {log.hasNextPage ? (
        <div className="load-more">
          <Button variant="secondary" onClick={() => void log.fetchNextPage()} isBusy={log.isFetchingNextPage} busyLabel={t('common.loading')}>
            {t('admin.audit.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

function AuditRow({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormatters();
  const details = Object.keys(entry.details).length ? JSON.stringify(entry.details) : null;
  return (
    <tr data-testid="audit-row" data-action={entry.action}>
      <td>
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
      </td>
      <td>
        {entry.actor.id === null ? (
          t('admin.audit.system')
        ) : (
          <>
            <bdi>{entry.actor.displayName ?? entry.actor.id}</bdi>
            <span className="audit-table__sub">
              {t(`roles.${entry.actor.role === 'system' ? 'admin' : entry.actor.role}`)}
              {entry.actor.email ? (
                <>
                  {' · '}
                  <span dir="ltr">{entry.actor.email}</span>
                </>
              ) : null}
            </span>
          </>
        )}
      </td>
      <td>
        {t(actionLabelKey(entry.action) as 'admin.audit.anyAction', { defaultValue: entry.action })}
        <code className="audit-table__sub" dir="ltr">
          {entry.action}
        </code>
      </td>
      <td>
        {t(`admin.audit.targetTypes.${entry.targetType}` as 'admin.audit.anyTarget', { defaultValue: entry.targetType })}
        <code className="audit-table__sub audit-table__id" dir="ltr">
          {entry.targetId}
        </code>
      </td>
      <td>
        {entry.reason ? <span dir="auto">{entry.reason}</span> : <span className="muted">—</span>}
        {details ? (
          <code className="audit-table__sub audit-table__details" dir="ltr">
            {details}
          </code>
        ) : null}
        {entry.action === 'account.suspend' && entry.targetType === 'account' ? <ReinstateButton userId={entry.targetId} /> : null}
      </td>
    </tr>
  );
}

/** Suspended accounts leave the queue; the suspension's entry is where an admin lifts it. */
function ReinstateButton({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const decision = useDecision();
  const [confirming, setConfirming] = useState(false);
  if (decision.isSuccess) return <p className="audit-table__sub">{t('admin.audit.reinstated')}</p>;
  return (
    <div className="audit-table__action">
      {confirming ? (
        <div className="button-row" role="group" aria-label={t('admin.audit.reinstateLabel')}>
          <Button size="sm" isBusy={decision.isPending} busyLabel={t('admin.actions.working')} onClick={() => decision.mutate({ userId, action: 'reinstate' })}>
            {t('admin.actions.confirmButton.reinstate')}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      ) : (
        <Button size="sm" variant="secondary" onClick={() => setConfirming(true)}>
          {t('admin.actions.reinstate')}
        </Button>
      )}
      {decision.isError ? <p className="field__error">{describeError(t, decision.error)}</p> : null}
    </div>
  );
}
