import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage } from '../lib/i18n/error-messages';

export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldShellProps {
  label: ReactNode;
  hint?: ReactNode;
  /** The field's error as stored by react-hook-form (a translation token or a server message). */
  error?: string | undefined;
  hasError?: boolean;
  className?: string;
  /** Hides the label visually (it stays the control's accessible name). */
  hideLabel?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}

/** Label, hint and error wired to any control with `aria-describedby` / `aria-invalid`. */
export function FieldShell({ label, hint, error, hasError, className, hideLabel = false, children }: FieldShellProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const isInvalid = hasError ?? error !== undefined;
  const describedBy = [isInvalid ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', isInvalid ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className={hideLabel ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': isInvalid || undefined, 'aria-describedby': describedBy })}
      {isInvalid ? <FieldError id={errorId} message={translateMessage(t, error)} /> : null}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function FieldError({ id, message }: { id?: string; message: ReactNode }) {
  return (
    <p className="field__error" id={id}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" />
        <path d="M8 4.5v4M8 11h.01" />
      </svg>
      <span>{message}</span>
    </p>
  );
}

type ShellProps = Omit<FieldShellProps, 'children'>;

export interface SelectFieldProps extends ShellProps, Omit<ComponentPropsWithRef<'select'>, 'id' | 'className'> {
  options: readonly { value: string; label: string }[];
  /** A first, empty option ("Choose…"). */
  placeholder?: string;
}

export function SelectField({ label, hint, error, hasError, className, hideLabel, options, placeholder, ...selectProps }: SelectFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} hasError={hasError} className={className} hideLabel={hideLabel}>
      {(control) => (
        <select {...selectProps} {...control} className="field__input field__select">
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export interface TextAreaFieldProps extends ShellProps, Omit<ComponentPropsWithRef<'textarea'>, 'id' | 'className'> {}

export function TextAreaField({ label, hint, error, hasError, className, hideLabel, ...textareaProps }: TextAreaFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} hasError={hasError} className={className} hideLabel={hideLabel}>
      {(control) => <textarea {...textareaProps} {...control} className="field__input field__textarea" />}
    </FieldShell>
  );
}

export interface InputFieldProps extends ShellProps, Omit<ComponentPropsWithRef<'input'>, 'id' | 'className'> {
  /** Text after the input, e.g. "%" (read with the label through aria-describedby-less suffix). */
  suffix?: ReactNode;
}

/** Like TextField, with an optional suffix and hideable label (for dense rows). */
export function InputField({ label, hint, error, hasError, className, hideLabel, suffix, ...inputProps }: InputFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} hasError={hasError} className={className} hideLabel={hideLabel}>
      {(control) =>
        suffix ? (
          <span className="field__affix">
            <input {...inputProps} {...control} className="field__input" />
            <span className="field__suffix" aria-hidden="true">
              {suffix}
            </span>
          </span>
        ) : (
          <input {...inputProps} {...control} className="field__input" />
        )
      }
    </FieldShell>
  );
}
