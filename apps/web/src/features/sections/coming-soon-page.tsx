import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/button';
import { Badge } from '../../components/status-badge';
import { PageHeader } from '../../components/page-header';
import { usePageTitle } from '../../lib/use-page-title';
import type { SectionKey } from './sections';

/** A clear placeholder for a section that is not built yet. */
export function ComingSoonPage({ section }: { section: SectionKey }) {
  const { t } = useTranslation();
  const name = t(`nav.${section}`);
  usePageTitle(name);
  return (
    <>
      <PageHeader title={name} lead={t(`sections.${section}`)} />
      <div className="card coming-soon">
        <svg className="coming-soon__art" viewBox="0 0 120 80" aria-hidden="true" focusable="false">
          <rect x="8" y="14" width="104" height="58" rx="10" />
          <path d="M8 28h104" />
          <circle cx="20" cy="21" r="2.5" />
          <circle cx="29" cy="21" r="2.5" />
          <circle cx="38" cy="21" r="2.5" />
          <path d="M30 46h36M30 56h60" />
        </svg>
        <Badge tone="brand">{t('comingSoon.badge')}</Badge>
        <h2 className="coming-soon__title">{t('comingSoon.title', { section: name })}</h2>
        <p className="coming-soon__body">{t('comingSoon.body')}</p>
        <ButtonLink to="/home" variant="secondary">
          {t('common.backHome')}
        </ButtonLink>
      </div>
    </>
  );
}
