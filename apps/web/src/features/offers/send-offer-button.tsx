import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/button';
import './offers.css';

/**
 * Opens the offer composer for one influencer (from a profile or a list row). In a list, pass the
 * id of the row's name so each "Send offer" is described by whom it is for.
 */
export function SendOfferButton({ influencerId, describedBy }: { influencerId: string; describedBy?: string }) {
  const { t } = useTranslation();
  return (
    <ButtonLink to={`/offers/new?influencer=${encodeURIComponent(influencerId)}`} size="sm" aria-describedby={describedBy}>
      {t('offers.sendOffer')}
    </ButtonLink>
  );
}
