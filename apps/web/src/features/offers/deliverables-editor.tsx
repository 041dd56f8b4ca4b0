import { DELIVERABLE_TYPES, PLATFORMS } from '@reachbridge/domain';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { InputField, SelectField, TextAreaField } from '../../components/field';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { useTaxonomy } from '../influencers/labels';
import { emptyDeliverable, quantityRule, type DeliverablesForm } from './offer-form-model';

const MAX_DELIVERABLES = 20;

/** The posts an offer asks for: platform, type, how many, by when, what to show, the disclosure tag. */
export function DeliverablesEditor() {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const { control, register, formState } = useFormContext<DeliverablesForm>();
  const { fields, append, remove } = useFieldArray({ control, name: 'deliverables' });
  const errors = formState.errors.deliverables;
  return (
    <div className="deliverables-editor">
      {fields.map((field, index) => (
        <fieldset key={field.id} className="deliverables-editor__row" data-testid={`deliverable-${index}`}>
          <legend className="deliverables-editor__legend">{t('offers.composer.deliverableN', { n: index + 1 })}</legend>
          <div className="form-grid">
            <SelectField
              label={t('influencer.platform')}
              options={PLATFORMS.map((platform) => ({ value: platform, label: taxonomy.platform(platform) }))}
              error={errors?.[index]?.platform?.message}
              {...register(`deliverables.${index}.platform`)}
            />
            <SelectField
              label={t('offers.composer.type')}
              options={DELIVERABLE_TYPES.map((type) => ({ value: type, label: taxonomy.deliverable(type) }))}
              error={errors?.[index]?.type?.message}
              {...register(`deliverables.${index}.type`)}
            />
            <InputField
              label={t('offers.composer.quantity')}
              inputMode="numeric"
              dir="ltr"
              error={errors?.[index]?.quantity?.message}
              {...register(`deliverables.${index}.quantity`, { validate: quantityRule })}
            />
            <DueDateField index={index} error={errors?.[index]?.dueDate?.message} />
            <InputField
              label={t('offers.composer.disclosureTag')}
              hint={t('offers.composer.disclosureHint')}
              dir="auto"
              maxLength={40}
              error={errors?.[index]?.disclosureTag?.message}
              {...register(`deliverables.${index}.disclosureTag`)}
            />
            <TextAreaField
              label={t('offers.composer.requirements')}
              className="form-grid__wide"
              rows={2}
              dir="auto"
              maxLength={2000}
              error={errors?.[index]?.requirements?.message}
              {...register(`deliverables.${index}.requirements`)}
            />
          </div>
          {fields.length > 1 ? (
            <Button variant="ghost" size="sm" onClick={() => remove(index)}>
              {t('offers.composer.removeDeliverable', { n: index + 1 })}
            </Button>
          ) : null}
        </fieldset>
      ))}
      {fields.length < MAX_DELIVERABLES ? (
        <Button variant="secondary" size="sm" onClick={() => append(emptyDeliverable())}>
          {t('offers.composer.addDeliverable')}
        </Button>
      ) : null}
    </div>
  );
}

/** A date input (ISO value whatever the language) with the date spelled out in the UI's calendar below. */
function DueDateField({ index, error }: { index: number; error: string | undefined }) {
  const { t } = useTranslation();
  const { formatDay } = useFormatters();
  const { register, control } = useFormContext<DeliverablesForm>();
  const value = useWatch({ control, name: `deliverables.${index}.dueDate` });
  return (
    <InputField
      label={
        <>
          {t('offers.composer.dueDate')} <span className="muted">({t('common.optional')})</span>
        </>
      }
      type="date"
      dir="ltr"
      hint={value ? formatDay(value, { dateStyle: 'long' }) : undefined}
      error={error}
      {...register(`deliverables.${index}.dueDate`)}
    />
  );
}
