import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert';
import { Card } from '../../components/card';
import { usePaymentsConfig } from './queries';

/** Stripe's code loads only here, when a brand has a hold to confirm (never on other pages). */
const StripePaymentForm = lazy(() => import('./stripe-payment-form'));

/** The key from the API (GET /api/payments/config), else one built into the client. */
function usePublishableKey(): { key: string | null; isPending: boolean } {
  const config = usePaymentsConfig();
  const built: unknown = import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY;
  const fallback = typeof built === 'string' && built ? built : null;
  return { key: config.data?.publishableKey ?? fallback, isPending: config.isPending };
}

/** The brand confirms the card hold with Stripe's Payment Element. */
export function StripeHold({ clientSecret }: { clientSecret: string }) {
  const { t } = useTranslation();
  const { key, isPending } = usePublishableKey();
  return (
    <Card heading={t('offers.stripe.title')} className="stripe-hold" data-testid="stripe-hold">
      <p className="card__lead">{t('offers.stripe.lead')}</p>
      {isPending ? <p className="muted">{t('common.loading')}</p> : null}
      {!isPending && key ? (
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <StripePaymentForm publishableKey={key} clientSecret={clientSecret} />
        </Suspense>
      ) : null}
      {!isPending && !key ? (
        <Alert tone="warning" title={t('offers.stripe.noKeyTitle')}>
          <p>{t('offers.stripe.noKeyBody')}</p>
        </Alert>
      ) : null}
    </Card>
  );
}
