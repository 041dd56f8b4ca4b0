import { PLATFORMS } from '@reachbridge/domain';
import { useEffect, useState } from 'react';
import { useFieldArray, useFormContext, useWatch, type FieldError as HookFieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FieldError, InputField, SelectField } from '../../components/field';
import { translateMessage } from '../../lib/i18n/error-messages';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { parseLocaleNumber } from '../../lib/numbers';
import { useTaxonomy } from '../influencers/labels';
import type { AudienceDimension, ProfileFormValues } from './form-model';
import { optionalCount, optionalNumber, requiredCount, requiredText } from './validators';

interface Option {
  value: string;
  label: string;
}

/** One social account: where it is, its numbers, and (optionally) its audience breakdowns. */
export function AccountFields({
  index,
  count,
  onRemove,
  countryOptions,
  languageOptions,
}: {
  index: number;
  count: number;
  onRemove: () => void;
  countryOptions: readonly Option[];
  languageOptions: readonly Option[];
}) {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { register, formState } = useFormContext<ProfileFormValues>();
  const errors = formState.errors.socialAccounts?.[index];
  const audienceErrors = errors?.audience;
  const hasAudienceError = audienceErrors !== undefined;
  const audience = useWatch<ProfileFormValues, `socialAccounts.${number}.audience`>({ name: `socialAccounts.${index}.audience` });
  const hasAudienceData = Object.values(audience ?? {}).some((rows) => rows.some((row) => row.share.trim() !== ''));
  const [isAudienceOpen, setAudienceOpen] = useState(hasAudienceData);

  useEffect(() => {
    if (hasAudienceError) setAudienceOpen(true);
  }, [hasAudienceError]);

  return (
    <fieldset className="editor-account" data-testid={`account-${index}`}>
      <legend className="editor-account__legend">{t('editor.accountN', { n: index + 1 })}</legend>
      {count > 1 ? (
        <Button variant="ghost" size="sm" className="editor-account__remove" onClick={onRemove}>
          {t('editor.removeAccount', { n: index + 1 })}
        </Button>
      ) : null}
      <div className="form-grid">
        <SelectField
          label={t('editor.platform')}
          options={PLATFORMS.map((platform) => ({ value: platform, label: taxonomy.platform(platform) }))}
          error={errors?.platform?.message}
          {...register(`socialAccounts.${index}.platform`, { validate: requiredText })}
        />
        <InputField
          label={t('editor.handle')}
          hint={t('editor.handleHint')}
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          error={errors?.handle?.message}
          {...register(`socialAccounts.${index}.handle`, { validate: requiredText })}
        />
        <InputField
          label={t('editor.url')}
          type="url"
          inputMode="url"
          dir="ltr"
          autoComplete="url"
          placeholder="https://"
          className="form-grid__wide"
          error={errors?.url?.message}
          {...register(`socialAccounts.${index}.url`, { validate: requiredText })}
        />
        <InputField label={t('influencer.followers')} inputMode="numeric" dir="ltr" error={errors?.followers?.message} {...register(`socialAccounts.${index}.followers`, { validate: requiredCount })} />
        <InputField
          label={t('influencer.following')}
          hint={t('common.optional')}
          inputMode="numeric"
          dir="ltr"
          error={errors?.following?.message}
          {...register(`socialAccounts.${index}.following`, { validate: optionalCount })}
        />
        <InputField label={t('influencer.posts')} hint={t('common.optional')} inputMode="numeric" dir="ltr" error={errors?.posts?.message} {...register(`socialAccounts.${index}.posts`, { validate: optionalCount })} />
        <InputField
          label={t('influencer.avgViews')}
          hint={t('common.optional')}
          inputMode="numeric"
          dir="ltr"
          error={errors?.avgViews?.message}
          {...register(`socialAccounts.${index}.avgViews`, { validate: optionalCount })}
        />
        <InputField
          label={t('influencer.engagement')}
          hint={t('editor.engagementHint')}
          inputMode="decimal"
          dir="ltr"
          suffix="%"
          error={errors?.engagementRate?.message}
          {...register(`socialAccounts.${index}.engagementRate`, { validate: optionalNumber })}
        />
        <InputField
          label={t('influencer.growth30d')}
          hint={t('editor.growthHint')}
          inputMode="decimal"
          dir="ltr"
          suffix="%"
          error={errors?.growth30d?.message}
          {...register(`socialAccounts.${index}.growth30d`, { validate: optionalNumber })}
        />
      </div>
      <details className="editor-audience" open={isAudienceOpen} onToggle={(event) => setAudienceOpen(event.currentTarget.open)}>
        <summary>{t('editor.audienceSummary')}</summary>
        <p className="field__hint">{t('editor.audienceHint')}</p>
        <div className="editor-audience__grid">
          <ShareRows accountIndex={index} dimension="countries" legend={t('editor.audienceCountries')} options={countryOptions} addLabel={t('editor.addCountry')} />
          <FixedShares accountIndex={index} dimension="ages" legend={t('editor.audienceAges')} labelOf={taxonomy.age} />
          <FixedShares accountIndex={index} dimension="genders" legend={t('editor.audienceGenders')} labelOf={taxonomy.gender} />
          <ShareRows accountIndex={index} dimension="languages" legend={t('editor.audienceLanguages')} options={languageOptions} addLabel={t('editor.addLanguage')} />
        </div>
      </details>
    </fieldset>
  );
}

function useShareTotal(accountIndex: number, dimension: AudienceDimension): number {
  const rows = useWatch<ProfileFormValues, `socialAccounts.${number}.audience.${AudienceDimension}`>({ name: `socialAccounts.${accountIndex}.audience.${dimension}` });
  return (rows ?? []).reduce((sum, row) => {
    const share = parseLocaleNumber(row.share);
    return share === null || Number.isNaN(share) ? sum : sum + share;
  }, 0);
}

function ShareTotal({ total, error }: { total: number; error: HookFieldError | undefined }) {
  const { t } = useTranslation();
  const { formatPercent } = useFormatters();
  return (
    <>
      <p className={`share-total${total > 100.5 ? ' share-total--over' : ''}`}>{t('editor.shareTotal', { value: formatPercent(total) })}</p>
      {error?.message ? <FieldError message={translateMessage(t, error.message)} /> : null}
    </>
  );
}

/** Countries or languages: any number of rows, each a code and its share. */
function ShareRows({ accountIndex, dimension, legend, options, addLabel }: { accountIndex: number; dimension: 'countries' | 'languages'; legend: string; options: readonly Option[]; addLabel: string }) {
  const { control, formState } = useFormContext<ProfileFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: `socialAccounts.${accountIndex}.audience.${dimension}` });
  const errors = formState.errors.socialAccounts?.[accountIndex]?.audience?.[dimension];
  const total = useShareTotal(accountIndex, dimension);
  const labelOf = (code: string) => options.find((option) => option.value === code)?.label ?? code;
  return (
    <fieldset className="share-editor">
      <legend className="field__label">{legend}</legend>
      {fields.map((field, row) => (
        <ShareRow key={field.id} accountIndex={accountIndex} dimension={dimension} row={row} options={options} labelOf={labelOf} onRemove={() => remove(row)} />
      ))}
      <Button variant="ghost" size="sm" onClick={() => append({ key: '', share: '' })}>
        {addLabel}
      </Button>
      <ShareTotal total={total} error={errors?.root} />
    </fieldset>
  );
}

/** One code and its share; the share's label names the chosen code. */
function ShareRow({
  accountIndex,
  dimension,
  row,
  options,
  labelOf,
  onRemove,
}: {
  accountIndex: number;
  dimension: 'countries' | 'languages';
  row: number;
  options: readonly Option[];
  labelOf: (code: string) => string;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { register, formState } = useFormContext<ProfileFormValues>();
  const key = useWatch<ProfileFormValues, `socialAccounts.${number}.audience.${AudienceDimension}.${number}.key`>({
    name: `socialAccounts.${accountIndex}.audience.${dimension}.${row}.key`,
  });
  const errors = formState.errors.socialAccounts?.[accountIndex]?.audience?.[dimension]?.[row];
  const name = key ? labelOf(key) : t('editor.shareKey', { n: row + 1 });
  return (
    <div className="share-editor__row">
      <SelectField
        label={t('editor.shareKey', { n: row + 1 })}
        hideLabel
        options={options}
        placeholder={t('editor.choose')}
        error={errors?.key?.message}
        {...register(`socialAccounts.${accountIndex}.audience.${dimension}.${row}.key`, { validate: requiredText })}
      />
      <InputField
        label={t('editor.shareOf', { name })}
        hideLabel
        inputMode="decimal"
        dir="ltr"
        suffix="%"
        error={errors?.share?.message}
        {...register(`socialAccounts.${accountIndex}.audience.${dimension}.${row}.share`, { validate: optionalNumber })}
      />
      <button type="button" className="icon-button" aria-label={t('editor.removeNamed', { name })} onClick={onRemove}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
    </div>
  );
}

/** Ages or genders: every bucket listed, each with its share (empty when unknown). */
function FixedShares({ accountIndex, dimension, legend, labelOf }: { accountIndex: number; dimension: 'ages' | 'genders'; legend: string; labelOf: (key: string) => string }) {
  const { register, formState, control } = useFormContext<ProfileFormValues>();
  const { fields } = useFieldArray({ control, name: `socialAccounts.${accountIndex}.audience.${dimension}` });
  const errors = formState.errors.socialAccounts?.[accountIndex]?.audience?.[dimension];
  const total = useShareTotal(accountIndex, dimension);
  return (
    <fieldset className="share-editor">
      <legend className="field__label">{legend}</legend>
      <div className="share-editor__fixed">
        {fields.map((field, row) => (
          <InputField
            key={field.id}
            label={labelOf(field.key)}
            inputMode="decimal"
            dir="ltr"
            suffix="%"
            className="field--compact"
            error={errors?.[row]?.share?.message}
            {...register(`socialAccounts.${accountIndex}.audience.${dimension}.${row}.share`, { validate: optionalNumber })}
          />
        ))}
      </div>
      <ShareTotal total={total} error={errors?.root} />
    </fieldset>
  );
}
