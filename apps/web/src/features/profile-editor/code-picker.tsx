import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../components/field';
import { translateMessage } from '../../lib/i18n/error-messages';

/** A set of codes (e.g. content languages) as removable chips, and a select to add one. */
export function CodePicker({
  legend,
  hint,
  values,
  options,
  labelOf,
  onChange,
  addLabel,
  error,
  max,
}: {
  legend: string;
  hint?: string;
  values: readonly string[];
  options: readonly { value: string; label: string }[];
  labelOf: (code: string) => string;
  onChange: (values: string[]) => void;
  addLabel: string;
  error?: string | undefined;
  max?: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  const remaining = options.filter((option) => !values.includes(option.value));
  const isFull = max !== undefined && values.length >= max;
  return (
    <fieldset className={['field', 'code-picker', error ? 'field--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={[error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined}>
      <legend className="field__label">{legend}</legend>
      {values.length ? (
        <ul className="chip-list">
          {values.map((code) => (
            <li key={code} className="chip chip--removable">
              <span>{labelOf(code)}</span>
              <button type="button" className="chip__remove" aria-label={t('editor.removeNamed', { name: labelOf(code) })} onClick={() => onChange(values.filter((value) => value !== code))}>
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {!isFull ? (
        <>
          <label htmlFor={`${id}-add`} className="visually-hidden">
            {addLabel}
          </label>
          <select
            id={`${id}-add`}
            className="field__input field__select"
            value=""
            aria-invalid={error ? true : undefined}
            onChange={(event) => {
              if (event.target.value) onChange([...values, event.target.value]);
            }}
          >
            <option value="">{addLabel}</option>
            {remaining.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {error ? <FieldError id={`${id}-error`} message={translateMessage(t, error)} /> : null}
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}
