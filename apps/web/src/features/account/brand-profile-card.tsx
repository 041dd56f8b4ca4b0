import type { TBrandProfile } from '@reachbridge/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { Card } from '../../components/card';
import { InputField, SelectField } from '../../components/field';
import { Spinner } from '../../components/spinner';
import { applyServerErrors } from '../../lib/form-errors';
import { describeError } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { COUNTRY_CODES } from '../../lib/iso/codes';
import { FormAlert } from '../auth/form-alert';
import { useMyBrandProfile, useSaveBrandProfile } from '../profile-editor/queries';
import { requiredText } from '../profile-editor/validators';

interface BrandFormValues {
  name: string;
  website: string;
  industry: string;
  country: string;
}

const FIELDS = ['name', 'website', 'industry', 'country'] as const;

function toValues(profile: TBrandProfile | null, fallbackName: string): BrandFormValues {
  return {
    name: profile?.name ?? fallbackName,
    website: profile?.website ?? '',
    industry: profile?.industry ?? '',
    country: profile?.country ?? '',
  };
}

/** The brand's public details (GET/PUT /api/me/brand-profile). */
export function BrandProfileCard({ fallbackName }: { fallbackName: string }) {
  const { t } = useTranslation();
  const profile = useMyBrandProfile();
  return (
    <Card heading={t('brandProfile.title')} data-testid="brand-profile">
      <p className="card__lead">{t('brandProfile.lead')}</p>
      {profile.isPending ? (
        <p className="muted loading-line">
          <Spinner /> {t('common.loading')}
        </p>
      ) : profile.isError ? (
        <Alert tone="danger" title={t('brandProfile.loadFailed')} live="alert">
          <p>{describeError(t, profile.error)}</p>
          <Button variant="secondary" size="sm" onClick={() => void profile.refetch()}>
            {t('account.retry')}
          </Button>
        </Alert>
      ) : (
        <BrandProfileForm profile={profile.data} fallbackName={fallbackName} />
      )}
    </Card>
  );
}

function BrandProfileForm({ profile, fallbackName }: { profile: TBrandProfile | null; fallbackName: string }) {
  const { t } = useTranslation();
  const { countryName, language } = useFormatters();
  const save = useSaveBrandProfile();
  const [formError, setFormError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<BrandFormValues>({ defaultValues: toValues(profile, fallbackName) });
  const { errors } = form.formState;
  const collator = new Intl.Collator(language);
  const countries = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) })).sort((a, b) => collator.compare(a.label, b.label));

  const handleSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    try {
      const result = await save.mutateAsync({
        name: values.name.trim(),
        ...(values.website.trim() ? { website: values.website.trim() } : {}),
        ...(values.industry.trim() ? { industry: values.industry.trim() } : {}),
        ...(values.country ? { country: values.country } : {}),
      });
      form.reset(toValues(result, fallbackName));
      setSaved(true);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, { fields: FIELDS }));
    }
  });

  return (
    <form className="form" noValidate onSubmit={(event) => void handleSubmit(event)}>
      <FormAlert error={formError} />
      <InputField label={t('brandProfile.name')} autoComplete="organization" error={errors.name?.message} {...form.register('name', { validate: requiredText })} />
      <InputField
        label={t('brandProfile.website')}
        hint={t('common.optional')}
        type="url"
        inputMode="url"
        dir="ltr"
        placeholder="https://"
        autoComplete="url"
        error={errors.website?.message}
        {...form.register('website')}
      />
      <InputField label={t('brandProfile.industry')} hint={t('common.optional')} error={errors.industry?.message} {...form.register('industry')} />
      <SelectField label={t('brandProfile.country')} options={countries} placeholder={t('editor.choose')} error={errors.country?.message} {...form.register('country')} />
      <div className="button-row">
        <Button type="submit" isBusy={form.formState.isSubmitting} busyLabel={t('editor.saving')}>
          {t('brandProfile.save')}
        </Button>
      </div>
      <p className="visually-hidden-when-empty announcement" role="status">
        {saved && !form.formState.isDirty ? t('brandProfile.saved') : ''}
      </p>
    </form>
  );
}
