import type { TCampaign } from '@reachbridge/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { PageHeader } from '../../components/page-header';
import { Badge } from '../../components/status-badge';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { CampaignForm } from './campaign-form';
import { useCampaigns, useCreateCampaign } from './queries';
import '../offers/offers.css';

/** `/campaigns` — the brand's campaigns, and a form to start one. */
export function CampaignsPage() {
  const { t } = useTranslation();
  usePageTitle(t('nav.campaigns'));
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const create = useCreateCampaign();

  return (
    <>
      <PageHeader
        title={t('nav.campaigns')}
        lead={t('sections.campaigns')}
        actions={
          creating ? null : (
            <Button size="sm" onClick={() => setCreating(true)}>
              {t('campaigns.new')}
            </Button>
          )
        }
      />
      {creating ? (
        <Card heading={t('campaigns.createTitle')} className="campaign-create">
          <CampaignForm
            campaign={null}
            submitLabel={t('campaigns.create')}
            onCancel={() => setCreating(false)}
            onSubmit={async (body) => {
              const campaign = await create.mutateAsync(body);
              void navigate(`/campaigns/${campaign.id}`);
            }}
          />
        </Card>
      ) : null}
      {campaigns.isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {campaigns.isError ? (
        <Alert tone="danger" live="alert" title={describeError(t, campaigns.error)}>
          <Button variant="secondary" size="sm" onClick={() => void campaigns.refetch()}>
            {t('account.retry')}
          </Button>
        </Alert>
      ) : null}
      {campaigns.isSuccess && campaigns.data.items.length === 0 && !creating ? (
        <div className="empty-state">
          <p className="empty-state__title">{t('campaigns.emptyTitle')}</p>
          <p>{t('campaigns.emptyBody')}</p>
        </div>
      ) : null}
      {campaigns.data?.items.length ? (
        <ul className="list-cards">
          {campaigns.data.items.map((campaign) => (
            <li key={campaign.id}>
              <CampaignCard campaign={campaign} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function CampaignCard({ campaign }: { campaign: TCampaign }) {
  const { t } = useTranslation();
  const { formatNumber, formatMoney, formatDay } = useFormatters();
  return (
    <article className="list-card card" data-testid="campaign-card">
      <h2 className="list-card__name">
        <Link to={`/campaigns/${campaign.id}`}>{campaign.name}</Link> {campaign.archived ? <Badge>{t('campaigns.archived')}</Badge> : null}
      </h2>
      <p className="list-card__meta muted">
        <span>{t(`campaigns.goals.${campaign.goal}`)}</span>
        <span aria-hidden="true"> · </span>
        <span>{t('campaigns.offerCount', { count: campaign.offerCount, value: formatNumber(campaign.offerCount) })}</span>
        {campaign.committed.length ? (
          <>
            <span aria-hidden="true"> · </span>
            <span>{t('campaigns.committed', { amount: campaign.committed.map((money) => formatMoney(money.amount, money.currency)).join(t('common.listSeparator')) })}</span>
          </>
        ) : null}
        {campaign.startsOn || campaign.endsOn ? (
          <>
            <span aria-hidden="true"> · </span>
            <span>{[campaign.startsOn, campaign.endsOn].map((day) => (day ? formatDay(day) : '…')).join(' – ')}</span>
          </>
        ) : null}
      </p>
    </article>
  );
}
