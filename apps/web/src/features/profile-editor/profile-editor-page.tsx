import type { TInfluencerProfile } from '@reachbridge/contracts';
import { NICHES } from '@reachbridge/domain';
import { useEffect, useRef, useState } from 'react';
import { Controller, FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert, type AlertTone } from '../../components/alert';
import { Button, ButtonLink } from '../../components/button';
import { Card } from '../../components/card';
import { FieldError, InputField, SelectField, TextAreaField } from '../../components/field';
import { FullPageError, FullPageLoader } from '../../components/full-page-state';
import { PageHeader } from '../../components/page-header';
import { applyServerErrors, toMessageToken } from '../../lib/form-errors';
import { translateMessage } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { COUNTRY_CODES, LANGUAGE_CODES } from '../../lib/iso/codes';
import { usePageTitle } from '../../lib/use-page-title';
import { useRequiredUser } from '../auth/session';
import { FormAlert } from '../auth/form-alert';
import { useTaxonomy } from '../influencers/labels';
import { AccountFields } from './account-fields';
import { CodePicker } from './code-picker';
import { emptyAccount, resolveServerPath, toFormValues, toProfileInput, type ProfileFormValues } from './form-model';
import { useMyInfluencerProfile, useSaveInfluencerProfile, useSubmitInfluencerProfile } from './queries';
import { RateFields } from './rate-fields';
import { requiredText } from './validators';

const MAX_NICHES = 5;
const MAX_ACCOUNTS = 7;

type ReviewStatus = TInfluencerProfile['reviewStatus'];

const STATUS_TONES: Record<ReviewStatus, AlertTone> = {
  draft: 'info',
  submitted: 'info',
  approved: 'success',
  changes_requested: 'warning',
  rejected: 'danger',
};

/** `/profile` — the influencer's own profile: load (404 → empty form), edit, save, submit for review. */
export function ProfileEditorPage() {
  const { t } = useTranslation();
  usePageTitle(t('editor.title'));
  const profile = useMyInfluencerProfile();
  if (profile.isPending) return <FullPageLoader />;
  if (profile.isError) return <FullPageError error={profile.error} onRetry={() => void profile.refetch()} />;
  return <ProfileEditor profile={profile.data} />;
}

function ProfileEditor({ profile }: { profile: TInfluencerProfile | null }) {
  const { t } = useTranslation();
  const user = useRequiredUser();
  const taxonomy = useTaxonomy();
  const { countryName, languageName, language, formatDateTime } = useFormatters();
  const save = useSaveInfluencerProfile();
  const submit = useSubmitInfluencerProfile();
  const [formError, setFormError] = useState<unknown>(null);
  const [announcement, setAnnouncement] = useState('');
  const announcementRef = useRef<HTMLParagraphElement>(null);
  const submitAfterSave = useRef(false);

  const form = useForm<ProfileFormValues>({ defaultValues: toFormValues(profile, user.displayName), mode: 'onSubmit' });
  const { register, formState, control, reset } = form;
  const { errors } = formState;
  const accounts = useFieldArray({ control, name: 'socialAccounts' });

  const collator = new Intl.Collator(language);
  const countryOptions = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) })).sort((a, b) => collator.compare(a.label, b.label));
  const languageOptions = LANGUAGE_CODES.map((code) => ({ value: code, label: languageName(code) })).sort((a, b) => collator.compare(a.label, b.label));

  useEffect(() => {
    if (announcement) announcementRef.current?.focus();
  }, [announcement]);

  async function sendForReview() {
    try {
      await submit.mutateAsync();
      setAnnouncement(t('editor.submitted'));
    } catch (error) {
      setFormError(error);
    }
  }

  const handleSave = form.handleSubmit(async (values) => {
    setFormError(null);
    setAnnouncement('');
    try {
      const saved = await save.mutateAsync(toProfileInput(values));
      reset(toFormValues(saved, user.displayName));
      if (submitAfterSave.current) {
        submitAfterSave.current = false;
        await sendForReview();
      } else {
        setAnnouncement(t('editor.saved'));
      }
    } catch (error) {
      submitAfterSave.current = false;
      setFormError(applyServerErrors(error, form.setError, { resolvePath: (path) => resolveServerPath(path, form.getValues()) }));
    }
  }, () => {
    submitAfterSave.current = false;
  });

  const status = profile?.reviewStatus;
  const canSubmit = profile !== null && (status === 'draft' || status === 'changes_requested' || status === 'rejected');

  function handleSubmitForReview() {
    setFormError(null);
    setAnnouncement('');
    if (formState.isDirty) {
      submitAfterSave.current = true;
      void handleSave();
    } else {
      void sendForReview();
    }
  }

  return (
    <>
      <PageHeader
        title={t('editor.title')}
        lead={t('editor.lead')}
        actions={profile ? <ButtonLink to={`/influencers/${profile.id}`} variant="secondary" size="sm">{t('editor.viewPublic')}</ButtonLink> : null}
      />

      <Alert tone={status ? STATUS_TONES[status] : 'info'} title={status ? t(`editor.status.${status}`) : t('editor.status.none')} className="page-banner review-banner" live="none">
        <p>{status ? t(`editor.statusBody.${status}`) : t('editor.statusBody.none')}</p>
        {profile?.reviewNote && (status === 'changes_requested' || status === 'rejected') ? (
          <p>
            <strong>{t('editor.reviewNote')}</strong> {profile.reviewNote}
          </p>
        ) : null}
        {profile?.submittedAt && status === 'submitted' ? (
          <p className="alert__meta">{t('editor.submittedAt', { date: formatDateTime(profile.submittedAt) })}</p>
        ) : null}
        {canSubmit ? (
          <Button size="sm" onClick={handleSubmitForReview} isBusy={submit.isPending || (submitAfterSave.current && formState.isSubmitting)} busyLabel={t('editor.submitting')}>
            {formState.isDirty ? t('editor.saveAndSubmit') : t('editor.submitForReview')}
          </Button>
        ) : null}
      </Alert>

      <p ref={announcementRef} className="visually-hidden-when-empty announcement" role="status" tabIndex={-1}>
        {announcement}
      </p>

      <FormProvider {...form}>
        <form className="form editor-form" noValidate onSubmit={(event) => void handleSave(event)}>
          <FormAlert error={formError} />

          <Card heading={t('editor.basicsTitle')}>
            <div className="form-grid">
              <InputField label={t('auth.displayName')} autoComplete="nickname" error={errors.displayName?.message} {...register('displayName', { validate: requiredText })} />
              <SelectField
                label={t('editor.country')}
                options={countryOptions}
                placeholder={t('editor.choose')}
                error={errors.country?.message}
                {...register('country', { validate: requiredText })}
              />
              <InputField label={t('editor.city')} hint={t('common.optional')} autoComplete="address-level2" error={errors.city?.message} {...register('city')} />
              <TextAreaField label={t('editor.bio')} hint={t('editor.bioHint')} rows={4} dir="auto" className="form-grid__wide" error={errors.bio?.message} {...register('bio')} />
            </div>

            <fieldset className={['field', 'niche-picker', errors.niches ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
              <legend className="field__label">{t('editor.niches')}</legend>
              <p className="field__hint">{t('editor.nichesHint', { count: MAX_NICHES })}</p>
              <div className="niche-picker__options">
                {NICHES.map((niche) => (
                  <label key={niche} className="checkbox checkbox--pill">
                    <input
                      type="checkbox"
                      value={niche}
                      aria-invalid={errors.niches ? true : undefined}
                      {...register('niches', {
                        validate: (value) =>
                          value.length === 0
                            ? toMessageToken('validation.chooseAtLeast', { count: 1 })
                            : value.length > MAX_NICHES
                              ? toMessageToken('validation.chooseAtMost', { count: MAX_NICHES })
                              : true,
                      })}
                    />
                    <span>{taxonomy.niche(niche)}</span>
                  </label>
                ))}
              </div>
              {errors.niches?.message ? <FieldError message={translateMessage(t, errors.niches.message)} /> : null}
            </fieldset>

            <Controller
              control={control}
              name="languages"
              rules={{ validate: (value) => (value.length ? true : toMessageToken('validation.chooseAtLeast', { count: 1 })) }}
              render={({ field, fieldState }) => (
                <CodePicker
                  legend={t('editor.languages')}
                  hint={t('editor.languagesHint')}
                  values={field.value}
                  options={languageOptions}
                  labelOf={languageName}
                  onChange={field.onChange}
                  addLabel={t('editor.addLanguage')}
                  error={fieldState.error?.message}
                  max={10}
                />
              )}
            />

            <fieldset className="field">
              <legend className="field__label">{t('editor.contact')}</legend>
              <label className="checkbox">
                <input type="checkbox" {...register('viaPlatform')} />
                <span>{t('editor.viaPlatform')}</span>
              </label>
              <InputField label={t('editor.publicEmail')} hint={t('common.optional')} type="email" dir="ltr" autoComplete="email" error={errors.publicEmail?.message} {...register('publicEmail')} />
            </fieldset>
          </Card>

          <Card heading={t('editor.accountsTitle')}>
            <p className="card__lead">{t('editor.accountsLead')}</p>
            <div className="editor-accounts">
              {accounts.fields.map((field, index) => (
                <AccountFields
                  key={field.id}
                  index={index}
                  count={accounts.fields.length}
                  onRemove={() => accounts.remove(index)}
                  countryOptions={countryOptions}
                  languageOptions={languageOptions}
                />
              ))}
            </div>
            {errors.socialAccounts?.root?.message ? <FieldError message={translateMessage(t, errors.socialAccounts.root.message)} /> : null}
            {accounts.fields.length < MAX_ACCOUNTS ? (
              <Button variant="secondary" size="sm" onClick={() => accounts.append(emptyAccount())}>
                {t('editor.addAccount')}
              </Button>
            ) : null}
          </Card>

          <Card heading={t('editor.ratesTitle')}>
            <p className="card__lead">{t('editor.ratesLead')}</p>
            <RateFields />
          </Card>

          <div className="editor-actions">
            <Button type="submit" size="lg" isBusy={formState.isSubmitting} busyLabel={t('editor.saving')}>
              {t('editor.save')}
            </Button>
            {formState.isDirty ? <span className="muted">{t('editor.unsaved')}</span> : null}
          </div>
        </form>
      </FormProvider>
    </>
  );
}
