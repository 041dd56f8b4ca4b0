import type { TCampaign } from '@reachbridge/contracts';
import { CAMPAIGN_GOALS, CURRENCY_CODES, NICHES, type CampaignGoal, type Currency, type Niche } from '@reachbridge/domain';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { InputField, SelectField, TextAreaField } from '../../components/field';
import { applyServerErrors, toMessageToken } from '../../lib/form-errors';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { COUNTRY_CODES } from '../../lib/iso/codes';
import { FormAlert } from '../auth/form-alert';
import { useTaxonomy } from '../influencers/labels';
import { minorToInput, parseMoneyInput } from '../offers/money';
import { CodePicker } from '../profile-editor/code-picker';
import { requiredText } from '../profile-editor/validators';
import type { CreateCampaignBody } from './queries';

interface CampaignValues {
  name: string;
  brief: string;
  goal: CampaignGoal;
  landingUrl: string;
  budget: string;
  currency: Currency;
  startsOn: string;
  endsOn: string;
  targetNiches: Niche[];
  targetCountries: string[];
}

function toValues(campaign: TCampaign | null): CampaignValues {
  return {
    name: campaign?.name ?? '',
    brief: campaign?.brief ?? '',
    goal: campaign?.goal ?? 'traffic',
    landingUrl: campaign?.landingUrl ?? '',
    budget: campaign?.budget ? minorToInput(campaign.budget.amount, campaign.budget.currency) : '',
    currency: campaign?.budget?.currency ?? 'USD',
    startsOn: campaign?.startsOn ?? '',
    endsOn: campaign?.endsOn ?? '',
    targetNiches: campaign?.targetNiches ?? [],
    targetCountries: campaign?.targetCountries ?? [],
  };
}

function toBody(values: CampaignValues): CreateCampaignBody {
  const budget = parseMoneyInput(values.budget, values.currency);
  return {
    name: values.name.trim(),
    brief: values.brief.trim(),
    goal: values.goal,
    landingUrl: values.landingUrl.trim() || null,
    budget: budget.ok && budget.minor !== null ? { amount: budget.minor, currency: values.currency } : null,
    startsOn: values.startsOn || null,
    endsOn: values.endsOn || null,
    targetNiches: values.targetNiches,
    targetCountries: values.targetCountries,
  };
}

const FIELDS = ['name', 'brief', 'goal', 'landingUrl', 'startsOn', 'endsOn', 'targetNiches', 'targetCountries'] as const;

/** Create or edit a campaign: brief, goal, landing page, budget, dates, targets. */
export function CampaignForm({
  campaign,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  campaign: TCampaign | null;
  submitLabel: string;
  onSubmit: (body: CreateCampaignBody) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { countryName, language } = useFormatters();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<CampaignValues>({ defaultValues: toValues(campaign) });
  const { register, formState, control } = form;
  const { errors } = formState;
  const collator = new Intl.Collator(language);
  const countryOptions = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) })).sort((a, b) => collator.compare(a.label, b.label));

  const handleSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(toBody(values));
    } catch (error) {
      setFormError(
        applyServerErrors(error, form.setError, { fields: FIELDS, resolvePath: (path) => (path.startsWith('budget') ? 'budget' : path.split('.')[0] ?? null) }),
      );
    }
  });

  return (
    <form className="form campaign-form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <FormAlert error={formError} />
      <div className="form-grid">
        <InputField label={t('campaigns.name')} maxLength={120} error={errors.name?.message} {...register('name', { validate: requiredText })} />
        <SelectField label={t('campaigns.goal')} options={CAMPAIGN_GOALS.map((goal) => ({ value: goal, label: t(`campaigns.goals.${goal}`) }))} {...register('goal')} />
        <InputField
          label={
            <>
              {t('campaigns.landingUrl')} <span className="muted">({t('common.optional')})</span>
            </>
          }
          hint={t('campaigns.landingUrlHint')}
          type="url"
          dir="ltr"
          className="form-grid__wide"
          error={errors.landingUrl?.message}
          {...register('landingUrl', { validate: (value) => (!value.trim() || /^https?:\/\/\S+\.\S+/.test(value.trim()) ? true : toMessageToken('validation.url')) })}
        />
        <TextAreaField label={t('campaigns.brief')} rows={4} dir="auto" maxLength={5000} className="form-grid__wide" error={errors.brief?.message} {...register('brief')} />
        <InputField
          label={
            <>
              {t('campaigns.budget')} <span className="muted">({t('common.optional')})</span>
            </>
          }
          inputMode="decimal"
          dir="ltr"
          error={errors.budget?.message}
          {...register('budget', { validate: (value, values) => { const parsed = parseMoneyInput(value, values.currency); return parsed.ok ? true : parsed.error; } })}
        />
        <SelectField label={t('editor.currency')} options={CURRENCY_CODES.map((code) => ({ value: code, label: code }))} {...register('currency')} />
        <InputField label={t('campaigns.startsOn')} type="date" dir="ltr" error={errors.startsOn?.message} {...register('startsOn')} />
        <InputField
          label={t('campaigns.endsOn')}
          type="date"
          dir="ltr"
          error={errors.endsOn?.message}
          {...register('endsOn', { validate: (value, values) => (!value || !values.startsOn || values.startsOn <= value ? true : toMessageToken('campaigns.datesOrder')) })}
        />
      </div>
      <fieldset className="field niche-picker">
        <legend className="field__label">{t('campaigns.targetNiches')}</legend>
        <div className="niche-picker__options">
          {NICHES.map((niche) => (
            <label key={niche} className="checkbox checkbox--pill">
              <input type="checkbox" value={niche} {...register('targetNiches', { validate: (value) => (value.length > 10 ? toMessageToken('validation.chooseAtMost', { count: 10 }) : true) })} />
              <span>{taxonomy.niche(niche)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Controller
        control={control}
        name="targetCountries"
        render={({ field, fieldState }) => (
          <CodePicker
            legend={t('campaigns.targetCountries')}
            values={field.value}
            options={countryOptions}
            labelOf={countryName}
            onChange={field.onChange}
            addLabel={t('campaigns.addCountry')}
            error={fieldState.error?.message}
            max={20}
          />
        )}
      />
      <div className="action-form__buttons">
        <Button type="submit" isBusy={formState.isSubmitting} busyLabel={t('lists.saving')}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
