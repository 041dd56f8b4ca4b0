import type { TPublicInfluencerProfile } from '@reachbridge/contracts';
import { CURRENCY_CODES, DEFAULT_FEE_BPS, OFFER_TIMER_LIMITS, USAGE_RIGHTS } from '@reachbridge/domain';
import { useState } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Button, ButtonLink } from '../../components/button';
import { Card } from '../../components/card';
import { InputField, SelectField, TextAreaField } from '../../components/field';
import { FullPageError, FullPageLoader } from '../../components/full-page-state';
import { PageHeader } from '../../components/page-header';
import { applyServerErrors } from '../../lib/form-errors';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { usePageTitle } from '../../lib/use-page-title';
import { FormAlert } from '../auth/form-alert';
import { useRequiredUser } from '../auth/session';
import { useCampaigns } from '../campaigns/queries';
import { useInfluencerProfile } from '../discovery/queries';
import { useTaxonomy } from '../influencers/labels';
import { DeliverablesEditor } from './deliverables-editor';
import { parseMoneyInput, priceSplit, validatePrice } from './money';
import { composerDefaults, resolveOfferServerPath, TIMER_RULES, toCreateOfferBody, usageDaysRule, type ComposerValues } from './offer-form-model';
import { useCreateOffer, usePaymentsConfig } from './queries';
import './offers.css';

/** `/offers/new?influencer=…&campaign=…` — a brand writes an offer to one influencer. */
export function OfferComposerPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const influencerId = params.get('influencer') ?? '';
  const profile = useInfluencerProfile(influencerId);
  usePageTitle(t('offers.composer.title'));

  if (!influencerId) {
    return (
      <div className="not-found">
        <h1 className="not-found__title" tabIndex={-1} data-page-heading="">
          {t('offers.composer.noInfluencer')}
        </h1>
        <ButtonLink to="/discover" variant="secondary">
          {t('lists.goDiscover')}
        </ButtonLink>
      </div>
    );
  }
  if (profile.isPending) return <FullPageLoader />;
  if (profile.isError) return <FullPageError error={profile.error} onRetry={() => void profile.refetch()} />;
  return <OfferComposer profile={profile.data} campaignId={params.get('campaign') ?? ''} />;
}

function OfferComposer({ profile, campaignId }: { profile: TPublicInfluencerProfile; campaignId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useRequiredUser();
  const rateLabel = useRateLabel();
  const campaigns = useCampaigns();
  const create = useCreateOffer();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<ComposerValues>({ defaultValues: composerDefaults(profile.rates[0], campaignId), mode: 'onSubmit' });
  const { register, formState, control } = form;
  const { errors } = formState;
  const [price, currency, usageKind] = useWatch({ control, name: ['price', 'currency', 'usageKind'] });

  const handleSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const offer = await create.mutateAsync(toCreateOfferBody(profile.id, values));
      void navigate(`/offers/${offer.id}`);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, { resolvePath: resolveOfferServerPath, codeFields: { CAMPAIGN_NOT_FOUND: 'campaignId' } }));
    }
  });

  const campaignOptions = (campaigns.data?.items ?? []).filter((campaign) => !campaign.archived || campaign.id === campaignId).map((campaign) => ({ value: campaign.id, label: campaign.name }));

  return (
    <>
      <p className="back-link">
        <Link to={`/influencers/${profile.id}`}>{t('offers.composer.backToProfile', { name: profile.displayName })}</Link>
      </p>
      <PageHeader title={t('offers.composer.title')} lead={t('offers.composer.lead', { name: profile.displayName })} />
      {user.status !== 'active' ? <Alert tone="warning" className="page-banner" title={t('errors.codes.ACCOUNT_NOT_ACTIVE')} /> : null}
      <FormProvider {...form}>
        <form className="form composer" noValidate onSubmit={(event) => void handleSubmit(event)}>
          <FormAlert error={formError} />
          <Card heading={t('offers.composer.deliverablesTitle')}>
            <p className="card__lead">{t('offers.composer.deliverablesLead')}</p>
            <DeliverablesEditor />
          </Card>

          <Card heading={t('offers.composer.termsTitle')}>
            <div className="form-grid">
              <InputField
                label={t('offers.composer.price')}
                inputMode="decimal"
                dir="ltr"
                error={errors.price?.message}
                {...register('price', { validate: (value, values) => validatePrice(value, values.currency) })}
              />
              <SelectField label={t('editor.currency')} options={CURRENCY_CODES.map((code) => ({ value: code, label: code }))} {...register('currency')} />
              <SelectField
                label={t('offers.composer.usageRights')}
                options={USAGE_RIGHTS.map((kind) => ({ value: kind, label: t(`offers.usage.${kind}`) }))}
                {...register('usageKind')}
              />
              {usageKind !== 'none' ? (
                <InputField label={t('offers.composer.usageDays')} inputMode="numeric" dir="ltr" error={errors.usageDays?.message} {...register('usageDays', { validate: usageDaysRule })} />
              ) : null}
            </div>
            {profile.rates.length ? (
              <p className="field__hint">
                {t('offers.composer.rateHint', {
                  rates: profile.rates.map(rateLabel).join(t('common.listSeparator')),
                })}
              </p>
            ) : null}
            <FeePreview price={price} currency={currency} />
          </Card>

          <Card heading={t('offers.composer.timersTitle')}>
            <p className="card__lead">{t('offers.composer.timersLead')}</p>
            <div className="form-grid">
              <InputField
                label={t('offers.composer.acceptWithinHours')}
                hint={t('offers.composer.hoursRange', OFFER_TIMER_LIMITS.acceptWithinHours)}
                inputMode="numeric"
                dir="ltr"
                error={errors.acceptWithinHours?.message}
                {...register('acceptWithinHours', { validate: TIMER_RULES.acceptWithinHours })}
              />
              <InputField
                label={t('offers.composer.reviewWindowHours')}
                hint={t('offers.composer.hoursRange', OFFER_TIMER_LIMITS.reviewWindowHours)}
                inputMode="numeric"
                dir="ltr"
                error={errors.reviewWindowHours?.message}
                {...register('reviewWindowHours', { validate: TIMER_RULES.reviewWindowHours })}
              />
              <InputField
                label={t('offers.composer.revisionLimit')}
                hint={t('offers.composer.countRange', OFFER_TIMER_LIMITS.revisionLimit)}
                inputMode="numeric"
                dir="ltr"
                error={errors.revisionLimit?.message}
                {...register('revisionLimit', { validate: TIMER_RULES.revisionLimit })}
              />
            </div>
          </Card>

          <Card heading={t('offers.composer.detailsTitle')}>
            <div className="form-grid">
              <SelectField
                label={t('offers.composer.campaign')}
                placeholder={t('offers.composer.noCampaign')}
                options={campaignOptions}
                hint={campaigns.isError ? t('offers.composer.campaignsFailed') : undefined}
                error={errors.campaignId?.message}
                {...register('campaignId')}
              />
              <TextAreaField label={t('offers.composer.message')} className="form-grid__wide" rows={4} dir="auto" maxLength={5000} error={errors.message?.message} {...register('message')} />
            </div>
          </Card>

          <Alert tone="info" title={t('offers.composer.protectionTitle')}>
            <p>{t('offers.composer.protectionBody')}</p>
          </Alert>
          <div className="composer__actions">
            <Button type="submit" size="lg" isBusy={formState.isSubmitting} busyLabel={t('offers.composer.sending')}>
              {t('offers.composer.send')}
            </Button>
          </div>
        </form>
      </FormProvider>
    </>
  );
}

/** "Instagram post: $450". */
function useRateLabel() {
  const { t } = useTranslation();
  const { formatMoney } = useFormatters();
  const taxonomy = useTaxonomy();
  return (rate: TPublicInfluencerProfile['rates'][number]) =>
    t('offers.composer.rateItem', { platform: taxonomy.platform(rate.platform), deliverable: taxonomy.deliverable(rate.deliverable), price: formatMoney(rate.price.amount, rate.price.currency) });
}

/** What the influencer would receive at the platform's current fee; the offer itself states the fee it was sent with. */
function FeePreview({ price, currency }: { price: string; currency: ComposerValues['currency'] }) {
  const { t } = useTranslation();
  const { formatMoney, formatPercent } = useFormatters();
  const feeBps = usePaymentsConfig().data?.feeBps ?? DEFAULT_FEE_BPS;
  const parsed = parseMoneyInput(price, currency);
  if (!parsed.ok || !parsed.minor) return null;
  const { fee, payout } = priceSplit(parsed.minor, feeBps);
  return (
    <dl className="money-split" aria-live="polite" data-testid="fee-preview">
      <div>
        <dt>{t('offers.money.price')}</dt>
        <dd>{formatMoney(parsed.minor, currency)}</dd>
      </div>
      <div>
        <dt>{t('offers.money.fee', { rate: formatPercent(feeBps / 100, 2) })}</dt>
        <dd>{formatMoney(fee, currency)}</dd>
      </div>
      <div className="money-split__total">
        <dt>{t('offers.money.payout')}</dt>
        <dd>{formatMoney(payout, currency)}</dd>
      </div>
    </dl>
  );
}
