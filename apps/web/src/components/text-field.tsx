import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../lib/i18n/error-messages';

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  label: ReactNode;
  hint?: ReactNode;
  /** The field's error as stored by react-hook-form (a translation token or a server message). */
  error?: string;
  hasError?: boolean;
}

/**
 * A labelled input: the hint and the error are tied to it with `aria-describedby`, and an error
 * sets `aria-invalid` so assistive technology announces it with the field.
 */
export function TextField({ label, hint, error, hasError, className, ...inputProps }: TextFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const isInvalid = hasError ?? error !== undefined;
  const describedBy = [isInvalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={['field', isInvalid ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input {...inputProps} id={id} className="field__input" aria-invalid={isInvalid || undefined} aria-describedby={describedBy} />
      {isInvalid ? (
        <p className="field__error" id={errorId}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="7" />
            <path d="M8 4.5v4M8 11h.01" />
          </svg>
          <span>{translateMessage(t, error)}</span>
        </p>
      ) : null}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
