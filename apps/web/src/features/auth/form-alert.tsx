import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { isApiError } from '../../lib/api-client';
import { describeError } from '../../lib/i18n/error-messages';

/** A form-level error: announced, and focused when it appears so keyboard users land on it. */
export function FormAlert({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  // A reference helps support trace failures on our side; it means nothing for a wrong password.
  const requestId = isApiError(error) && error.status >= 500 ? error.requestId : null;
  return (
    <Alert ref={ref} id={id} tone="danger" live="alert" title={describeError(t, error)} className="form-alert">
      {requestId ? <p className="alert__meta">{t('errors.reference', { id: requestId })}</p> : null}
    </Alert>
  );
}
