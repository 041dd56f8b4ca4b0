import { CURRENCY_CODES, DELIVERABLE_TYPES, PLATFORMS } from '@reachbridge/domain';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { FieldError, InputField, SelectField } from '../../components/field';
import { translateMessage } from '../../lib/i18n/error-messages';
import { useTaxonomy } from '../influencers/labels';
import { emptyRate, type ProfileFormValues } from './form-model';
import { requiredAmount, requiredText } from './validators';

/** The rate card: a price per platform and deliverable. */
export function RateFields() {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { control, register, formState, getValues } = useFormContext<ProfileFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'rates' });
  const errors = formState.errors.rates;
  return (
    <div className="rate-editor">
      {fields.length === 0 ? <p className="muted">{t('editor.noRates')}</p> : null}
      {fields.map((field, index) => (
        <fieldset key={field.id} className="rate-editor__row" data-testid={`rate-${index}`}>
          <legend className="visually-hidden">{t('editor.rateN', { n: index + 1 })}</legend>
          <SelectField
            label={t('influencer.platform')}
            options={PLATFORMS.map((platform) => ({ value: platform, label: taxonomy.platform(platform) }))}
            error={errors?.[index]?.platform?.message}
            {...register(`rates.${index}.platform`, { validate: requiredText })}
          />
          <SelectField
            label={t('influencer.deliverable')}
            options={DELIVERABLE_TYPES.map((type) => ({ value: type, label: taxonomy.deliverable(type) }))}
            error={errors?.[index]?.deliverable?.message}
            {...register(`rates.${index}.deliverable`, { validate: requiredText })}
          />
          <InputField
            label={t('influencer.price')}
            inputMode="decimal"
            dir="ltr"
            error={errors?.[index]?.amount?.message}
            {...register(`rates.${index}.amount`, { validate: requiredAmount })}
          />
          <SelectField
            label={t('editor.currency')}
            options={CURRENCY_CODES.map((code) => ({ value: code, label: code }))}
            error={errors?.[index]?.currency?.message}
            {...register(`rates.${index}.currency`)}
          />
          <button type="button" className="icon-button rate-editor__remove" aria-label={t('editor.removeRate', { n: index + 1 })} onClick={() => remove(index)}>
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M4 4l8 8M12 4l-8 8" />
            </svg>
          </button>
        </fieldset>
      ))}
      {errors?.root?.message ? <FieldError message={translateMessage(t, errors.root.message)} /> : null}
      <Button variant="secondary" size="sm" onClick={() => append(emptyRate(getValues('rates').at(-1)?.currency))}>
        {t('editor.addRate')}
      </Button>
    </div>
  );
}
