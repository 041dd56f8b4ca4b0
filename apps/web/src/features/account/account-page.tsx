import { useTranslation } from 'react-i18next';
import { Card } from '../../components/card';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { useRequiredUser } from '../auth/session';
import { ApiTokensCard } from './api-tokens-card';
import { BrandProfileCard } from './brand-profile-card';

export function AccountPage() {
  const { t } = useTranslation();
  const user = useRequiredUser();
  const { formatDate } = useFormatters();
  usePageTitle(t('account.title'));

  return (
    <>
      <PageHeader title={t('account.title')} lead={t('account.lead')} />
      <div className="account-grid">
        <Card heading={t('account.detailsTitle')}>
          <dl className="definition-list">
            <div>
              <dt>{t('auth.displayName')}</dt>
              <dd>{user.displayName}</dd>
            </div>
            <div className="definition-list__stacked">
              <dt>{t('home.email')}</dt>
              <dd>
                <bdi>{user.email}</bdi>
              </dd>
            </div>
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
            <div>
              <dt>{t('home.memberSince')}</dt>
              <dd>
                <time dateTime={user.createdAt}>{formatDate(user.createdAt, { dateStyle: 'long' })}</time>
              </dd>
            </div>
          </dl>
        </Card>
        <div className="account-grid__main">
          {user.role === 'brand' ? <BrandProfileCard fallbackName={user.displayName} /> : null}
          <ApiTokensCard />
        </div>
      </div>
    </>
  );
}
