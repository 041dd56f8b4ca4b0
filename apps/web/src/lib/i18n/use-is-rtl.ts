import { useTranslation } from 'react-i18next';
import { currentLanguage } from './i18n';
import { directionOf } from './languages';

/** Whether the UI currently reads right to left (Persian). */
export function useIsRtl(): boolean {
  const { i18n } = useTranslation();
  return directionOf(currentLanguage(i18n)) === 'rtl';
}
