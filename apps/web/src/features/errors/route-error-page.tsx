import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { Alert } from '../../components/alert';
import { ButtonLink } from '../../components/button';
import { describeError } from '../../lib/i18n/error-messages';

/** Shown when a page throws while rendering: the app stays usable. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <div className="full-page-state">
      <Alert tone="danger" title={t('errors.title')} live="alert">
        <p>{describeError(t, error)}</p>
        <ButtonLink to="/" variant="secondary" size="sm">
          {t('notFound.home')}
        </ButtonLink>
      </Alert>
    </div>
  );
}
