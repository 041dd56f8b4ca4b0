import type { TSearchHit } from '@reachbridge/contracts';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { projectHighlight, type HighlightPart } from '../discovery/highlight';
import { ProvenanceBadge, QualityBadge } from './badges';
import { useTaxonomy } from './labels';

/** Text with matched words in <mark> — as text nodes, never as HTML. */
export function Highlighted({ parts }: { parts: readonly HighlightPart[] }) {
  return (
    <>
      {parts.map((part, index) => (part.isMatch ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toUpperCase();
}

export interface InfluencerCardProps {
  hit: TSearchHit;
  /** Show the cost per 1,000 targeted followers (when the results are sorted by it). */
  showCostPerTargeted?: boolean;
  /** The deliverable the price is for, when the search named one. */
  deliverable?: string | undefined;
  headingLevel?: 2 | 3;
  /** Extra controls at the foot of the card (e.g. "Add to list"). */
  actions?: ReactNode;
}

/** A search result: who, where, how big, how engaged, how trustworthy, and what it costs. */
export function InfluencerCard({ hit, showCostPerTargeted = false, deliverable, headingLevel = 3, actions }: InfluencerCardProps) {
  const { t } = useTranslation();
  const { formatCompact, formatNumber, formatPercent, formatMoney, countryName } = useFormatters();
  const taxonomy = useTaxonomy();
  const nameId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const location = [hit.city, countryName(hit.country)].filter(Boolean).join(t('common.listSeparator'));
  // The server's words, marked on the bio as written (its own fragment is normalised text).
  const highlighted = hit.highlight ? projectHighlight(hit.bio, hit.highlight) : null;

  return (
    <article className="influencer-card" aria-labelledby={nameId} data-testid="influencer-card">
      <div className="influencer-card__head">
        <span className="avatar avatar--lg" aria-hidden="true">
          {initialsOf(hit.displayName)}
        </span>
        <div className="influencer-card__who">
          <Heading className="influencer-card__name" id={nameId}>
            <Link to={`/influencers/${hit.id}`} className="influencer-card__link">
              {hit.displayName}
            </Link>
          </Heading>
          <p className="influencer-card__handles">
            {hit.handles.slice(0, 2).map((handle) => (
              <bdi key={handle} className="handle" title={`@${handle}`}>
                @{handle}
              </bdi>
            ))}
            {hit.handles.length > 2 ? <span className="muted">{t('discover.moreHandles', { count: hit.handles.length - 2 })}</span> : null}
          </p>
        </div>
        <QualityBadge score={hit.qualityScore} />
      </div>

      {hit.bio ? (
        <p className="influencer-card__text" dir="auto">
          {highlighted ? <Highlighted parts={highlighted} /> : hit.bio}
        </p>
      ) : null}

      <ul className="chip-list" aria-label={t('influencer.niches')}>
        {hit.niches.map((niche) => (
          <li key={niche} className="chip">
            {taxonomy.niche(niche)}
          </li>
        ))}
        {hit.platforms.map((platform) => (
          <li key={platform} className="chip chip--platform">
            {taxonomy.platform(platform)}
          </li>
        ))}
      </ul>

      <dl className="stat-row">
        <div>
          <dt>{t('influencer.followers')}</dt>
          <dd>
            <span title={formatNumber(hit.totalFollowers)}>{formatCompact(hit.totalFollowers)}</span>{' '}
            <span className="muted stat-row__note">{taxonomy.tier(hit.tier)}</span>
          </dd>
        </div>
        <div>
          <dt>{t('influencer.engagement')}</dt>
          <dd>{hit.engagementRate === null ? '—' : formatPercent(hit.engagementRate, 2)}</dd>
        </div>
        <div>
          <dt>{t('influencer.growth30d')}</dt>
          <dd>{hit.growth30d === null ? '—' : formatNumber(hit.growth30d / 100, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' })}</dd>
        </div>
        <div>
          <dt>{t('influencer.location')}</dt>
          <dd>{location}</dd>
        </div>
      </dl>

      {hit.topAudienceCountries.length ? (
        <p className="influencer-card__audience">
          <span className="muted">{t('discover.topAudience')}</span>{' '}
          {hit.topAudienceCountries.map((entry, index) => (
            <span key={entry.country}>
              {index > 0 ? t('common.listSeparator') : null}
              {countryName(entry.country)} {formatPercent(entry.share, 0)}
            </span>
          ))}
        </p>
      ) : null}

      <div className="influencer-card__foot">
        <ProvenanceBadge source={hit.provenance} />
        <div className="influencer-card__price">
          {hit.price ? (
            <span>
              {deliverable
                ? t('discover.priceFor', { price: formatMoney(hit.price.amount, hit.price.currency), deliverable: taxonomy.deliverable(deliverable) })
                : t('discover.priceFrom', { price: formatMoney(hit.price.amount, hit.price.currency) })}
            </span>
          ) : (
            <span className="muted">{t('discover.noPrice')}</span>
          )}
          {showCostPerTargeted && hit.price ? (
            <span className="influencer-card__cpt" data-testid="cost-per-targeted">
              {hit.costPerTargetedThousand === null
                ? t('discover.cptUnknown')
                : t('discover.cpt', {
                    price: formatMoney(hit.costPerTargetedThousand, hit.price.currency, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
                  })}
            </span>
          ) : null}
        </div>
      </div>
      {actions ? <div className="influencer-card__actions">{actions}</div> : null}
    </article>
  );
}
