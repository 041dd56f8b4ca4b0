import type { TCampaign } from '@reachbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Button, ButtonLink } from '../../components/button';
import { Card } from '../../components/card';
import { FullPageError, FullPageLoader } from '../../components/full-page-state';
import { PageHeader } from '../../components/page-header';
import { Badge } from '../../components/status-badge';
import { isApiError } from '../../lib/api-client';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { useTaxonomy } from '../influencers/labels';
import { OfferRow } from '../offers/offer-row';
import { useOffers } from '../offers/queries';
import { CampaignForm } from './campaign-form';
import { useCampaign, useUpdateCampaign } from './queries';
import '../offers/offers.css';

/** `/campaigns/:id` — a campaign's brief and targets, and the offers sent under it. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  usePageTitle(campaign.data?.name ?? t('nav.campaigns'));
  if (campaign.isPending) return <FullPageLoader />;
  if (campaign.isError) {
    if (isApiError(campaign.error) && (campaign.error.status === 404 || campaign.error.code === 'VALIDATION_FAILED')) {
      return (
        <div className="not-found">
          <h1 className="not-found__title" tabIndex={-1} data-page-heading="">
            {t('campaigns.notFound')}
          </h1>
          <ButtonLink to="/campaigns" variant="secondary">
            {t('campaigns.backToCampaigns')}
          </ButtonLink>
        </div>
      );
    }
    return <FullPageError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  return <CampaignView campaign={campaign.data} />;
}

function CampaignView({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { formatMoney, formatDay, countryName } = useFormatters();
  const [editing, setEditing] = useState(false);
  const update = useUpdateCampaign(campaign.id);
  const none = <span className="muted">—</span>;

  return (
    <>
      <p className="back-link">
        <Link to="/campaigns">{t('campaigns.backToCampaigns')}</Link>
      </p>
      <PageHeader
        title={campaign.name}
        eyebrow={t(`campaigns.goals.${campaign.goal}`)}
        lead={campaign.brief || undefined}
        actions={
          <>
            {campaign.archived ? <Badge>{t('campaigns.archived')}</Badge> : null}
            <Button size="sm" variant="ghost" aria-expanded={editing} onClick={() => setEditing((open) => !open)}>
              {t('campaigns.edit')}
            </Button>
            <Button size="sm" variant="secondary" isBusy={update.isPending && !editing} onClick={() => update.mutate({ archived: !campaign.archived })}>
              {campaign.archived ? t('campaigns.unarchive') : t('campaigns.archive')}
            </Button>
          </>
        }
      />
      {update.isError && !editing ? <Alert tone="danger" live="alert" title={describeError(t, update.error)} /> : null}
      {editing ? (
        <Card heading={t('campaigns.edit')} className="campaign-create">
          <CampaignForm
            campaign={campaign}
            submitLabel={t('campaigns.save')}
            onCancel={() => setEditing(false)}
            onSubmit={async (body) => {
              await update.mutateAsync(body);
              setEditing(false);
            }}
          />
        </Card>
      ) : (
        <Card heading={t('campaigns.detailsTitle')}>
          <dl className="fact-list">
            <div>
              <dt>{t('campaigns.landingUrl')}</dt>
              <dd>
                {campaign.landingUrl ? (
                  <a href={campaign.landingUrl} target="_blank" rel="noopener noreferrer" dir="ltr">
                    {campaign.landingUrl}
                  </a>
                ) : (
                  none
                )}
              </dd>
            </div>
            <div>
              <dt>{t('campaigns.budget')}</dt>
              <dd>{campaign.budget ? formatMoney(campaign.budget.amount, campaign.budget.currency) : none}</dd>
            </div>
            <div>
              <dt>{t('campaigns.committedLabel')}</dt>
              <dd>{campaign.committed.length ? campaign.committed.map((money) => formatMoney(money.amount, money.currency)).join(t('common.listSeparator')) : none}</dd>
            </div>
            <div>
              <dt>{t('campaigns.dates')}</dt>
              <dd>{campaign.startsOn || campaign.endsOn ? [campaign.startsOn, campaign.endsOn].map((day) => (day ? formatDay(day) : '…')).join(' – ') : none}</dd>
            </div>
            <div>
              <dt>{t('campaigns.targetNiches')}</dt>
              <dd>{campaign.targetNiches.length ? campaign.targetNiches.map(taxonomy.niche).join(t('common.listSeparator')) : none}</dd>
            </div>
            <div>
              <dt>{t('campaigns.targetCountries')}</dt>
              <dd>{campaign.targetCountries.length ? campaign.targetCountries.map(countryName).join(t('common.listSeparator')) : none}</dd>
            </div>
          </dl>
        </Card>
      )}
      <CampaignOffers campaignId={campaign.id} />
    </>
  );
}

function CampaignOffers({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const offers = useOffers({ campaignId, limit: 50 });
  const items = offers.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="campaign-offers" aria-labelledby="campaign-offers-title">
      <div className="section-head">
        <h2 className="section-title" id="campaign-offers-title">
          {t('campaigns.offersTitle')}
        </h2>
        <ButtonLink to="/discover" size="sm" variant="secondary">
          {t('offers.inbox.findInfluencers')}
        </ButtonLink>
      </div>
      {offers.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {offers.isError ? <Alert tone="danger" live="alert" title={describeError(t, offers.error)} /> : null}
      {offers.isSuccess && items.length === 0 ? <p className="muted">{t('campaigns.noOffers')}</p> : null}
      {items.length ? (
        <ul className="offer-list">
          {items.map((offer) => (
            <li key={offer.id}>
              <OfferRow offer={offer} viewer="brand" />
            </li>
          ))}
        </ul>
      ) : null}
      {offers.hasNextPage ? (
        <Button variant="secondary" onClick={() => void offers.fetchNextPage()} isBusy={offers.isFetchingNextPage}>
          {t('offers.inbox.more')}
        </Button>
      ) : null}
    </section>
  );
}
