import type { TOffer, TReputation } from '@reachbridge/contracts';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/card';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { useInfluencerReputation } from './queries';

type Side = 'brand' | 'influencer';

/** The other side's record on past offers (SPEC §7): a brand's approval speed and payment record, an influencer's punctuality and response time. */
export function ReputationCard({ offer }: { offer: TOffer }) {
  const { t } = useTranslation();
  const sides: Side[] = offer.viewerRole === 'brand' ? ['influencer'] : offer.viewerRole === 'influencer' ? ['brand'] : ['brand', 'influencer'];
  return (
    <Card heading={t('offers.reputation.title')} className="offer-reputation" data-testid="reputation">
      {sides.map((side) => (
        <ReputationFacts key={side} side={side} name={side === 'brand' ? offer.brand.name : offer.influencer.displayName} reputation={offer.reputation[side]} />
      ))}
    </Card>
  );
}

/** The same record on an influencer's profile page; nothing shows until it has loaded. */
export function InfluencerReputationCard({ profileId, name }: { profileId: string; name: string }) {
  const { t } = useTranslation();
  const reputation = useInfluencerReputation(profileId);
  if (!reputation.data) return null;
  return (
    <Card heading={t('offers.reputation.title')} className="offer-reputation" data-testid="profile-reputation">
      <ReputationFacts side="influencer" name={name} reputation={reputation.data} />
    </Card>
  );
}

function ReputationFacts({ side, name, reputation }: { side: Side; name: string; reputation: TReputation }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const percent = (share: number | null) => (share === null ? t('offers.reputation.notYet') : formatNumber(share, { style: 'percent', maximumFractionDigits: 0 }));
  const hours = (value: number | null) =>
    value === null ? t('offers.reputation.notYet') : formatNumber(value, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: value < 10 ? 1 : 0 });
  const facts: [string, string][] =
    side === 'brand'
      ? [
          [t('offers.reputation.medianApproval'), hours(reputation.medianApprovalHours)],
          [t('offers.reputation.paidRate'), percent(reputation.paidRate)],
        ]
      : [
          [t('offers.reputation.onTime'), percent(reputation.onTimeRate)],
          [t('offers.reputation.medianResponse'), hours(reputation.medianResponseHours)],
        ];
  return (
    <section aria-label={name}>
      <p className="muted">{t('offers.reputation.basedOn', { name, count: reputation.offers, value: formatNumber(reputation.offers) })}</p>
      <dl className="fact-list">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>{t('offers.reputation.disputes')}</dt>
          <dd>{formatNumber(reputation.disputes)}</dd>
        </div>
      </dl>
    </section>
  );
}
