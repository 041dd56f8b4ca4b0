import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/button';
import { usePageTitle } from '../../lib/use-page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <div className="not-found">
      <p className="not-found__code">{t('notFound.code', { value: 404 })}</p>
      <h1 className="not-found__title" tabIndex={-1} data-page-heading="">
        {t('notFound.title')}
      </h1>
      <p className="not-found__body">{t('notFound.body')}</p>
      <ButtonLink to="/">{t('notFound.home')}</ButtonLink>
    </div>
  );
}
