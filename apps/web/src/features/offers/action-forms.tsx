import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { InputField, TextAreaField } from '../../components/field';
import { isApiError } from '../../lib/api-client';
import { serverMessageToken, toMessageToken } from '../../lib/form-errors';

/** The server's message for one field of the body (as a translatable token), if it named that field. */
export function serverFieldError(error: unknown, path: string): string | undefined {
  if (!isApiError(error)) return undefined;
  const detail = error.details.find((item) => item.path === path || item.path.startsWith(`${path}.`));
  return detail ? serverMessageToken(detail.message) : undefined;
}

export interface ActionFormProps {
  isBusy: boolean;
  error: unknown;
  onCancel: () => void;
}

function FormButtons({ submitLabel, isBusy, onCancel, variant = 'primary' }: { submitLabel: ReactNode; isBusy: boolean; onCancel: () => void; variant?: 'primary' | 'danger' }) {
  const { t } = useTranslation();
  return (
    <div className="action-form__buttons">
      <Button type="submit" size="sm" variant={variant} isBusy={isBusy} busyLabel={t('offers.actions.working')}>
        {submitLabel}
      </Button>
      <Button size="sm" variant="ghost" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}

/** One text (a reason, feedback), required or optional, and a confirm button. */
export function TextActionForm({
  label,
  hint,
  required,
  field,
  submitLabel,
  variant,
  onSubmit,
  ...props
}: ActionFormProps & { label: string; hint?: string; required: boolean; field: string; submitLabel: string; variant?: 'primary' | 'danger'; onSubmit: (text: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (required && !text.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(text.trim());
  }

  return (
    <form className="action-form" onSubmit={handleSubmit} noValidate>
      <TextAreaField
        label={
          required ? (
            label
          ) : (
            <>
              {label} <span className="muted">({t('common.optional')})</span>
            </>
          )
        }
        hint={hint}
        rows={3}
        dir="auto"
        maxLength={5000}
        value={text}
        autoFocus
        error={missing ? toMessageToken('validation.required') : serverFieldError(props.error, field)}
        onChange={(event) => {
          setMissing(false);
          setText(event.target.value);
        }}
      />
      <FormButtons submitLabel={submitLabel} variant={variant} isBusy={props.isBusy} onCancel={props.onCancel} />
    </form>
  );
}

/** Deliver: the post's address and notes for the brand. */
export function SubmitWorkForm({ onSubmit, ...props }: ActionFormProps & { onSubmit: (body: { url: string; notes?: string }) => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [notes, setNotes] = useState('');
  const [invalid, setInvalid] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!/^https?:\/\/\S+\.\S+/.test(url.trim())) {
      setInvalid(true);
      return;
    }
    onSubmit({ url: url.trim(), ...(notes.trim() ? { notes: notes.trim() } : {}) });
  }

  return (
    <form className="action-form" onSubmit={handleSubmit} noValidate>
      <InputField
        label={t('offers.forms.postUrl')}
        hint={t('offers.forms.postUrlHint')}
        type="url"
        dir="ltr"
        autoFocus
        value={url}
        error={invalid ? toMessageToken('validation.url') : serverFieldError(props.error, 'url')}
        onChange={(event) => {
          setInvalid(false);
          setUrl(event.target.value);
        }}
      />
      <TextAreaField
        label={
          <>
            {t('offers.forms.notes')} <span className="muted">({t('common.optional')})</span>
          </>
        }
        rows={3}
        dir="auto"
        maxLength={5000}
        value={notes}
        error={serverFieldError(props.error, 'notes')}
        onChange={(event) => setNotes(event.target.value)}
      />
      <FormButtons submitLabel={t('offers.actions.submit')} isBusy={props.isBusy} onCancel={props.onCancel} />
    </form>
  );
}

interface EvidenceRow {
  url: string;
  note: string;
}

/** A dispute (or the answer to one): what happened, and evidence — links with a note each. */
export function DisputeForm({
  label,
  submitLabel,
  onSubmit,
  ...props
}: ActionFormProps & { label: string; submitLabel: string; onSubmit: (text: string, evidence: { url: string | null; note: string }[]) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [rows, setRows] = useState<EvidenceRow[]>([]);
  const [missing, setMissing] = useState(false);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const evidence = rows.filter((row) => row.note.trim() || row.url.trim()).map((row) => ({ url: row.url.trim() || null, note: row.note.trim() || row.url.trim() }));
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(text.trim(), evidence);
  }

  const change = (index: number, patch: Partial<EvidenceRow>) => setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <form className="action-form" onSubmit={handleSubmit} noValidate>
      <p className="field__hint">{t('offers.forms.disputeNote')}</p>
      <TextAreaField
        label={label}
        rows={4}
        dir="auto"
        maxLength={5000}
        autoFocus
        value={text}
        error={missing ? toMessageToken('validation.required') : (serverFieldError(props.error, 'reason') ?? serverFieldError(props.error, 'statement'))}
        onChange={(event) => {
          setMissing(false);
          setText(event.target.value);
        }}
      />
      {rows.map((row, index) => (
        <fieldset key={index} className="evidence-row">
          <legend className="visually-hidden">{t('offers.forms.evidenceN', { n: index + 1 })}</legend>
          <InputField label={t('offers.forms.evidenceUrl', { n: index + 1 })} type="url" dir="ltr" value={row.url} error={serverFieldError(props.error, `evidence.${index}.url`)} onChange={(event) => change(index, { url: event.target.value })} />
          <InputField label={t('offers.forms.evidenceNote', { n: index + 1 })} dir="auto" maxLength={2000} value={row.note} error={serverFieldError(props.error, `evidence.${index}.note`)} onChange={(event) => change(index, { note: event.target.value })} />
        </fieldset>
      ))}
      {rows.length < 10 ? (
        <Button size="sm" variant="secondary" onClick={() => setRows((current) => [...current, { url: '', note: '' }])}>
          {t('offers.forms.addEvidence')}
        </Button>
      ) : null}
      <FormButtons submitLabel={submitLabel} variant="danger" isBusy={props.isBusy} onCancel={props.onCancel} />
    </form>
  );
}
