import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Stripe } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Button } from '../../components/button';
import { currentLanguage } from '../../lib/i18n/i18n';

/** One Stripe.js load per key for the page's life (`pure`: nothing loads until this is called). */
const loaded = new Map<string, Promise<Stripe | null>>();
function stripeFor(key: string): Promise<Stripe | null> {
  let promise = loaded.get(key);
  if (!promise) {
    promise = loadStripe(key);
    loaded.set(key, promise);
  }
  return promise;
}

/** Lazily loaded by StripeHold: the Payment Element, and confirming the manual-capture hold. */
export default function StripePaymentForm({ publishableKey, clientSecret }: { publishableKey: string; clientSecret: string }) {
  const { i18n } = useTranslation();
  const rtl = currentLanguage(i18n) === 'fa';
  return (
    <Elements stripe={stripeFor(publishableKey)} options={{ clientSecret, locale: rtl ? 'auto' : 'en', appearance: { theme: 'stripe' } }}>
      <ConfirmHold />
    </Elements>
  );
}

function ConfirmHold() {
  const { t } = useTranslation();
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    setError(null);
    // The offer page polls while pending_payment: the webhook moves the offer on once the hold exists.
    const result = await stripe.confirmPayment({ elements, redirect: 'if_required', confirmParams: { return_url: window.location.href } });
    setBusy(false);
    if (result.error) setError(result.error.message ?? t('errors.fallback'));
    else setDone(true);
  }

  return (
    <form className="form" onSubmit={(event) => void handleSubmit(event)}>
      <PaymentElement />
      {error ? <Alert tone="danger" live="alert" title={error} /> : null}
      {done ? <Alert tone="success" live="status" title={t('offers.stripe.confirmed')} /> : null}
      <Button type="submit" isBusy={busy} busyLabel={t('offers.stripe.confirming')} disabled={!stripe || done}>
        {t('offers.stripe.confirm')}
      </Button>
    </form>
  );
}
