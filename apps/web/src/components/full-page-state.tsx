import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/i18n/error-messages';
import { Alert } from './alert';
import { Button } from './button';
import { Spinner } from './spinner';

export function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <div className="full-page-state" role="status">
      <Spinner />
      <span>{t('common.loading')}</span>
    </div>
  );
}

export function FullPageError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="full-page-state">
      <Alert tone="danger" title={t('errors.title')} live="alert">
        <p>{describeError(t, error)}</p>
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {t('account.retry')}
        </Button>
      </Alert>
    </div>
  );
}
