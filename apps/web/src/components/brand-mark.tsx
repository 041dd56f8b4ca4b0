import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The logo: two voices joined by a bridge. Links home (or to the landing page when logged out). */
export function BrandMark({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="brand-mark" data-testid="brand-mark">
      <svg className="brand-mark__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" />
        <path d="M8 21c3-7 13-7 16 0" />
        <circle cx="8" cy="21" r="2.5" />
        <circle cx="24" cy="21" r="2.5" />
      </svg>
      <span className="brand-mark__name">{t('common.appName')}</span>
    </Link>
  );
}
