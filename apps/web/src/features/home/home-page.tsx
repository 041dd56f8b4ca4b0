import type { Role } from '@reachbridge/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { AccountReviewCard } from '../account-review/account-review-card';
import { useRequiredUser } from '../auth/session';
import { NAVIGATION, SECTIONS } from '../sections/sections';

const LEADS = { brand: 'home.leadBrand', influencer: 'home.leadInfluencer', admin: 'home.leadAdmin' } as const satisfies Record<Role, string>;

function ArrowIcon() {
  return (
    <svg className="section-card__arrow" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d="M4 10h12M11 5l5 5-5 5" />
    </svg>
  );
}

/** Role-aware home: the role's sections, the account at a glance, and its review state. */
export function HomePage() {
  const { t } = useTranslation();
  const user = useRequiredUser();
  const { formatDate } = useFormatters();
  usePageTitle(t('nav.home'));

  return (
    <>
      <PageHeader eyebrow={t(`roles.${user.role}`)} title={t('home.greeting', { name: user.displayName })} lead={t(LEADS[user.role])} />

      {user.status === 'pending_review' ? (
        <Alert tone="warning" title={t('home.pendingTitle')} className="page-banner">
          <p>{t('home.pendingBody')}</p>
        </Alert>
      ) : null}
      {user.status === 'suspended' ? (
        <Alert tone="danger" title={t('home.suspendedTitle')} className="page-banner">
          <p>{t('home.suspendedBody')}</p>
        </Alert>
      ) : null}
      {user.role !== 'admin' ? <AccountReviewCard role={user.role} /> : null}

      <div className="home-grid">
        <section className="home-grid__main" aria-labelledby="workspace-title">
          <h2 id="workspace-title" className="section-title">
            {t('home.workspaceTitle')}
          </h2>
          <ul className="section-cards">
            {NAVIGATION[user.role].map((section) => (
              <li key={section}>
                <Link to={SECTIONS[section].path} className="section-card">
                  <span className="section-card__title">{t(`nav.${section}`)}</span>
                  <span className="section-card__body">{t(`sections.${section}`)}</span>
                  <span className="section-card__footer">
                    {t('home.openSection')}
                    <ArrowIcon />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>

        <Card heading={t('home.accountTitle')} className="home-grid__aside account-summary">
          <dl className="definition-list">
            <div>
              <dt>{t('home.role')}</dt>
              <dd>{t(`roles.${user.role}`)}</dd>
            </div>
            <div>
              <dt>{t('home.status')}</dt>
              <dd>
                <StatusBadge status={user.status} />
              </dd>
            </div>
            <div className="definition-list__stacked">
              <dt>{t('home.email')}</dt>
              <dd>
                <bdi>{user.email}</bdi>
              </dd>
            </div>
            <div>
              <dt>{t('home.memberSince')}</dt>
              <dd>
                <time dateTime={user.createdAt} data-testid="member-since">
                  {formatDate(user.createdAt, { dateStyle: 'long' })}
                </time>
              </dd>
            </div>
          </dl>
          <Link to="/account" className="card__link">
            {t('home.manageAccount')}
          </Link>
        </Card>
      </div>
    </>
  );
}
