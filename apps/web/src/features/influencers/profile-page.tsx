import type { TPublicInfluencerProfile } from '@reachbridge/contracts';
import { PLATFORMS } from '@reachbridge/domain';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { ButtonLink } from '../../components/button';
import { Card } from '../../components/card';
import { FullPageError, FullPageLoader } from '../../components/full-page-state';
import { isApiError } from '../../lib/api-client';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { useRequiredUser } from '../auth/session';
import { useInfluencerProfile, useSimilarInfluencers } from '../discovery/queries';
import { AudienceCard } from './audience-card';
import { ProvenanceBadge, QualityBadge } from './badges';
import { GrowthCard } from './growth-card';
import { InfluencerCard, initialsOf } from './influencer-card';
import { useTaxonomy } from './labels';
import { AddToListMenu } from '../lists/add-to-list';
import { SendOfferButton } from '../offers/send-offer-button';
import { InfluencerReputationCard } from '../offers/reputation-card';
import { QualityCard } from './quality-card';

type Profile = TPublicInfluencerProfile;
type Account = Profile['socialAccounts'][number];

/** `/influencers/:id` — what a brand needs before making an offer. */
export function InfluencerProfilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useRequiredUser();
  const profile = useInfluencerProfile(id);
  const canSeeSimilar = user.role === 'brand' || user.role === 'admin';
  usePageTitle(profile.data?.displayName ?? t('influencer.title'));

  if (profile.isPending) return <FullPageLoader />;
  if (profile.isError) {
    const notFound = isApiError(profile.error) && (profile.error.status === 404 || profile.error.code === 'VALIDATION_FAILED');
    if (notFound) {
      return (
        <div className="not-found">
          <h1 className="not-found__title" tabIndex={-1} data-page-heading="">
            {t('influencer.notFoundTitle')}
          </h1>
          <p className="not-found__body">{t('influencer.notFoundBody')}</p>
          <ButtonLink to={canSeeSimilar ? '/discover' : '/home'} variant="secondary">
            {canSeeSimilar ? t('influencer.backToDiscover') : t('common.backHome')}
          </ButtonLink>
        </div>
      );
    }
    return <FullPageError error={profile.error} onRetry={() => void profile.refetch()} />;
  }

  const data = profile.data;
  return (
    <div className="profile-page">
      <ProfileHeader profile={data} canAddToList={user.role === 'brand'} />
      {data.reviewStatus !== 'approved' ? (
        <Alert tone="info" className="page-banner" title={t('influencer.previewTitle')}>
          <p>{t('influencer.previewBody', { status: t(`editor.status.${data.reviewStatus}`) })}</p>
        </Alert>
      ) : null}
      <div className="profile-grid">
        <div className="profile-grid__main">
          <AudienceCard accounts={data.socialAccounts} />
          <GrowthCard profile={data} />
          <AccountsCard accounts={data.socialAccounts} />
        </div>
        <div className="profile-grid__side">
          <QualityCard quality={data.qualityScore} />
          <InfluencerReputationCard profileId={data.id} name={data.displayName} />
          <RateCard rates={data.rates} />
        </div>
      </div>
      {canSeeSimilar ? <SimilarSection id={data.id} /> : null}
    </div>
  );
}

function ProfileHeader({ profile, canAddToList }: { profile: Profile; canAddToList: boolean }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { formatNumber, formatCompact, countryName, languageName, formatDate } = useFormatters();
  const location = [profile.city, countryName(profile.country)].filter(Boolean).join(t('common.listSeparator'));
  return (
    <header className="profile-header card">
      <div className="profile-header__top">
        <span className="avatar avatar--xl" aria-hidden="true">
          {initialsOf(profile.displayName)}
        </span>
        <div className="profile-header__who">
          <h1 className="profile-header__name" tabIndex={-1} data-page-heading="">
            {profile.displayName}
          </h1>
          <p className="profile-header__meta">
            <span>{location}</span>
            <span aria-hidden="true">·</span>
            <span>{t('influencer.speaks', { list: profile.languages.map(languageName).join(t('common.listSeparator')) })}</span>
          </p>
          <ul className="chip-list" aria-label={t('influencer.niches')}>
            {profile.niches.map((niche) => (
              <li key={niche} className="chip">
                {taxonomy.niche(niche)}
              </li>
            ))}
          </ul>
        </div>
        <div className="profile-header__score">
          <QualityBadge score={profile.qualityScore.score} size="lg" />
        </div>
        {canAddToList ? (
          <div className="profile-header__actions">
            <SendOfferButton influencerId={profile.id} />
            <AddToListMenu influencerId={profile.id} influencerName={profile.displayName} />
          </div>
        ) : null}
      </div>
      {profile.bio ? (
        <p className="profile-header__bio" dir="auto">
          {profile.bio}
        </p>
      ) : null}
      <dl className="profile-header__totals">
        <div>
          <dt>{t('influencer.totalFollowers')}</dt>
          <dd title={formatNumber(profile.totalFollowers)}>{formatCompact(profile.totalFollowers)}</dd>
        </div>
        <div>
          <dt>{t('influencer.tier')}</dt>
          <dd>
            {taxonomy.tier(profile.tier)} <span className="muted">({taxonomy.tierRange(profile.tier)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('influencer.accounts')}</dt>
          <dd>{formatNumber(profile.socialAccounts.length)}</dd>
        </div>
        <div>
          <dt>{t('influencer.updated')}</dt>
          <dd>
            <time dateTime={profile.updatedAt}>{formatDate(profile.updatedAt)}</time>
          </dd>
        </div>
      </dl>
      <ul className="handle-links" aria-label={t('influencer.handles')}>
        {profile.socialAccounts.map((account) => (
          <li key={account.id}>
            <a className="handle-link" href={account.url} target="_blank" rel="noopener noreferrer">
              <span className="handle-link__platform">{taxonomy.platform(account.platform)}</span>
              <bdi dir="ltr">@{account.handle}</bdi>
              <span className="visually-hidden"> {t('common.opensInNewTab')}</span>
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="handle-link__icon">
                <path d="M6 3H3v10h10v-3M9 3h4v4M13 3L7 9" />
              </svg>
            </a>
          </li>
        ))}
      </ul>
    </header>
  );
}

function Metric({ label, value, account, computed = false }: { label: string; value: string | null; account: Account; computed?: boolean }) {
  if (value === null) return null;
  return (
    <div className="metric">
      <dt>{label}</dt>
      <dd>
        <span className="metric__value">{value}</span>
        {computed ? null : <ProvenanceBadge source={account.provenance.metrics.source} asOf={account.provenance.metrics.asOf} compact />}
      </dd>
    </div>
  );
}

function AccountsCard({ accounts }: { accounts: readonly Account[] }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { formatNumber } = useFormatters();
  const number = (value: number | undefined) => (value === undefined ? null : formatNumber(value));
  return (
    <Card heading={t('influencer.accountsTitle')} className="accounts-card" data-testid="accounts-card">
      <p className="card__lead">{t('influencer.accountsLead')}</p>
      <div className="account-list">
        {accounts.map((account) => (
          <section key={account.id} className="account-block" aria-label={taxonomy.account(account.platform, account.handle)}>
            <div className="account-block__head">
              <h3 className="account-block__title">
                {taxonomy.platform(account.platform)} <bdi dir="ltr">@{account.handle}</bdi>
              </h3>
              <ProvenanceBadge source={account.provenance.metrics.source} asOf={account.provenance.metrics.asOf} />
            </div>
            <dl className="metric-grid">
              <Metric label={t('influencer.followers')} value={number(account.followers)} account={account} />
              <Metric label={t('influencer.following')} value={number(account.following)} account={account} />
              <Metric label={t('influencer.posts')} value={number(account.posts)} account={account} />
              <Metric label={t('influencer.avgViews')} value={number(account.avgViews)} account={account} />
              <Metric
                label={t('influencer.engagement')}
                value={account.engagementRate === undefined ? null : formatNumber(account.engagementRate / 100, { style: 'percent', maximumFractionDigits: 2 })}
                account={account}
              />
              <Metric
                label={t('influencer.growth30d')}
                value={account.growth30d === undefined ? null : formatNumber(account.growth30d / 100, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' })}
                account={account}
              />
              <Metric label={t('quality.short')} value={formatNumber(account.qualityScore.score)} account={account} computed />
            </dl>
          </section>
        ))}
      </div>
    </Card>
  );
}

function RateCard({ rates }: { rates: Profile['rates'] }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { formatMoney } = useFormatters();
  const sorted = [...rates].sort(
    (a, b) => PLATFORMS.indexOf(a.platform) - PLATFORMS.indexOf(b.platform) || a.price.amount - b.price.amount,
  );
  return (
    <Card heading={t('influencer.ratesTitle')} className="rate-card" data-testid="rate-card">
      {sorted.length === 0 ? (
        <p className="muted">{t('influencer.noRates')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('influencer.ratesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('influencer.platform')}</th>
              <th scope="col">{t('influencer.deliverable')}</th>
              <th scope="col" className="data-table__number">
                {t('influencer.price')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((rate) => (
              <tr key={`${rate.platform}:${rate.deliverable}`}>
                <td>{taxonomy.platform(rate.platform)}</td>
                <td>{taxonomy.deliverable(rate.deliverable)}</td>
                <td className="data-table__number">{formatMoney(rate.price.amount, rate.price.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function SimilarSection({ id }: { id: string }) {
  const { t } = useTranslation();
  const similar = useSimilarInfluencers(id, true);
  const items = similar.data?.items ?? [];
  if (similar.isSuccess && items.length === 0) return null;
  return (
    <section className="similar" aria-labelledby="similar-title">
      <h2 className="section-title" id="similar-title">
        {t('influencer.similarTitle')}
      </h2>
      {similar.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {similar.isError ? <p className="muted">{t('influencer.similarFailed')}</p> : null}
      <ul className="result-list result-list--grid">
        {items.map((hit) => (
          <li key={hit.id}>
            <InfluencerCard hit={hit} />
          </li>
        ))}
      </ul>
    </section>
  );
}
