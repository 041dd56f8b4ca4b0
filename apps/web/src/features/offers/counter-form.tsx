import type { TOffer } from '@reachbridge/contracts';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { InputField, TextAreaField } from '../../components/field';
import { applyServerErrors } from '../../lib/form-errors';
import { FormAlert } from '../auth/form-alert';
import { useState } from 'react';
import type { ActionFormProps } from './action-forms';
import { DeliverablesEditor } from './deliverables-editor';
import { validatePrice } from './money';
import { counterDefaults, resolveOfferServerPath, toDeliverableInputs, toMinor, type DeliverableValues } from './offer-form-model';

interface CounterValues {
  price: string;
  changeDeliverables: boolean;
  deliverables: DeliverableValues[];
  message: string;
}

export interface CounterBody {
  price: { amount: number; currency: TOffer['price']['currency'] };
  deliverables?: ReturnType<typeof toDeliverableInputs>;
  message?: string;
}

/** The influencer proposes other terms: a price (in the offer's currency), optionally other deliverables, a note. */
export function CounterForm({ offer, onSubmit, isBusy, onCancel }: ActionFormProps & { offer: TOffer; onSubmit: (body: CounterBody) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<unknown>(null);
  const form = useForm<CounterValues>({ defaultValues: counterDefaults(offer) });
  const changeDeliverables = useWatch({ control: form.control, name: 'changeDeliverables' });
  const { errors } = form.formState;
  const currency = offer.price.currency;

  const handleSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const message = values.message.trim();
    try {
      await onSubmit({
        price: { amount: toMinor(values.price, currency), currency },
        ...(values.changeDeliverables ? { deliverables: toDeliverableInputs(values.deliverables) } : {}),
        ...(message ? { message } : {}),
      });
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, { resolvePath: resolveOfferServerPath }));
    }
  });

  return (
    <FormProvider {...form}>
      <form className="action-form" noValidate onSubmit={(event) => void handleSubmit(event)}>
        <FormAlert error={formError} />
        <InputField
          label={t('offers.forms.counterPrice', { currency })}
          inputMode="decimal"
          dir="ltr"
          autoFocus
          error={errors.price?.message}
          {...form.register('price', { validate: (value) => validatePrice(value, currency) })}
        />
        <label className="checkbox">
          <input type="checkbox" {...form.register('changeDeliverables')} />
          <span>{t('offers.forms.changeDeliverables')}</span>
        </label>
        {changeDeliverables ? <DeliverablesEditor /> : null}
        <TextAreaField
          label={
            <>
              {t('offers.forms.counterMessage')} <span className="muted">({t('common.optional')})</span>
            </>
          }
          rows={3}
          dir="auto"
          maxLength={5000}
          error={errors.message?.message}
          {...form.register('message')}
        />
        <div className="action-form__buttons">
          <Button type="submit" size="sm" isBusy={isBusy || form.formState.isSubmitting} busyLabel={t('offers.actions.working')}>
            {t('offers.actions.counter')}
          </Button>
          <Button size="sm" variant="ghost" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
