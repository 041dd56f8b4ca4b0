import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** `<title>`: "Page — Reachbridge", in the current language. */
export function usePageTitle(title: string | null) {
  const { t } = useTranslation();
  const appName = t('common.appName');
  useEffect(() => {
    document.title = title ? `${title} — ${appName}` : appName;
  }, [title, appName]);
}
