import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/button';
import './offers.css';

/** Opens the offer composer for one influencer (from a profile or a list row). */
export function SendOfferButton({ influencerId, name }: { influencerId: string; name?: string }) {
  const { t } = useTranslation();
  return (
    <ButtonLink to={`/offers/new?influencer=${encodeURIComponent(influencerId)}`} size="sm" aria-label={name ? t('offers.sendOfferTo', { name }) : undefined}>
      {t('offers.sendOffer')}
    </ButtonLink>
  );
}
