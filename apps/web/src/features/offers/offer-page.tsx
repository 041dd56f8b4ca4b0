import type { TOffer } from '@reachbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { ButtonLink } from '../../components/button';
import { FullPageError, FullPageLoader } from '../../components/full-page-state';
import { isApiError } from '../../lib/api-client';
import { usePageTitle } from '../../lib/use-page-title';
import { OfferStatusBadge, WhoseTurn } from './labels';
import { OfferActions } from './offer-actions';
import { MessagesCard } from './offer-messages';
import {
  CancellationNotice,
  CounterCard,
  DeadlinesCard,
  DisputeCard,
  MoneySplit,
  PaymentCard,
  SubmissionsCard,
  TermsCard,
  TimelineCard,
  TrackedLinkCard,
} from './offer-sections';
import { useOffer } from './queries';
import { ReputationCard } from './reputation-card';
import { StripeHold } from './stripe-hold';
import './offers.css';

/** `/offers/:id` — one offer, for either side: where it stands, what to do now, and its whole story. */
export function OfferPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const offer = useOffer(id);
  const counterpart = offer.data ? counterpartOf(offer.data) : null;
  usePageTitle(counterpart ? t('offers.page.title', { name: counterpart }) : t('nav.offers'));

  if (offer.isPending) return <FullPageLoader />;
  if (offer.isError) {
    if (isApiError(offer.error) && (offer.error.status === 404 || offer.error.code === 'VALIDATION_FAILED')) {
      return (
        <div className="not-found">
          <h1 className="not-found__title" tabIndex={-1} data-page-heading="">
            {t('offers.page.notFound')}
          </h1>
          <ButtonLink to="/offers" variant="secondary">
            {t('offers.page.backToOffers')}
          </ButtonLink>
        </div>
      );
    }
    return <FullPageError error={offer.error} onRetry={() => void offer.refetch()} />;
  }
  return <OfferView offer={offer.data} />;
}

function counterpartOf(offer: TOffer): string {
  return offer.viewerRole === 'influencer' ? offer.brand.name : offer.influencer.displayName;
}

function OfferView({ offer }: { offer: TOffer }) {
  const { t } = useTranslation();
  const counterpart = counterpartOf(offer);
  const showStripe = offer.viewerRole === 'brand' && offer.status === 'pending_payment' && offer.payment.provider === 'stripe' && offer.payment.clientSecret;
  return (
    <div className="offer-page">
      <p className="back-link">
        <Link to="/offers">{t('offers.page.backToOffers')}</Link>
      </p>
      <header className="offer-header card">
        <div className="offer-header__top">
          <div className="offer-header__who">
            {offer.campaign ? (
              <p className="page-header__eyebrow">
                {offer.viewerRole === 'brand' ? <Link to={`/campaigns/${offer.campaign.id}`}>{offer.campaign.name}</Link> : offer.campaign.name}
              </p>
            ) : null}
            <h1 className="offer-header__title" tabIndex={-1} data-page-heading="">
              {offer.viewerRole === 'brand' ? (
                <>
                  {t('offers.page.to')} <Link to={`/influencers/${offer.influencer.id}`}>{offer.influencer.displayName}</Link>
                </>
              ) : offer.viewerRole === 'influencer' ? (
                t('offers.page.from', { name: offer.brand.name })
              ) : (
                t('offers.page.between', { brand: offer.brand.name, influencer: offer.influencer.displayName })
              )}
            </h1>
            <p className="offer-header__state">
              <OfferStatusBadge status={offer.status} />
              <WhoseTurn status={offer.status} whoseTurn={offer.whoseTurn} viewer={offer.viewerRole} counterpart={counterpart} />
            </p>
          </div>
          <MoneySplit offer={offer} />
        </div>
        {offer.payment.testMoney ? <p className="test-money">{t('offers.payment.testMoney')}</p> : null}
      </header>

      {offer.status === 'pending_payment' && !showStripe ? (
        <Alert tone="info" className="page-banner" title={t('offers.page.pendingTitle')}>
          <p>{t(offer.viewerRole === 'brand' ? 'offers.page.pendingBrand' : 'offers.page.pendingInfluencer')}</p>
        </Alert>
      ) : null}
      {showStripe && offer.payment.clientSecret ? <StripeHold clientSecret={offer.payment.clientSecret} /> : null}

      <div className="offer-grid">
        <div className="offer-grid__main">
          <OfferActions offer={offer} />
          {offer.counter ? <CounterCard counter={offer.counter} /> : null}
          <CancellationNotice offer={offer} />
          {offer.dispute ? <DisputeCard dispute={offer.dispute} currency={offer.price.currency} /> : null}
          <TermsCard offer={offer} />
          <SubmissionsCard submissions={offer.submissions} />
          <MessagesCard offer={offer} />
        </div>
        <div className="offer-grid__side">
          <DeadlinesCard offer={offer} />
          <PaymentCard offer={offer} />
          {offer.trackedLink ? <TrackedLinkCard link={offer.trackedLink} /> : null}
          <ReputationCard offer={offer} />
          <TimelineCard events={offer.events} />
        </div>
      </div>
    </div>
  );
}
