import type { Provenance } from '@reachbridge/domain';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/i18n/use-formatters';

const PROVENANCE_ICONS: Record<Provenance, string> = {
  // a shield with a tick
  platform_verified: 'M8 1.5l5 2v4c0 3.2-2.1 5.6-5 7-2.9-1.4-5-3.8-5-7v-4zM5.5 8l1.8 1.8L10.8 6.3',
  // a pencil
  self_reported: 'M3 13l1-3.5L10.5 3 13 5.5 6.5 12zM9.5 4l2.5 2.5',
  // a wave (approximately)
  estimated: 'M2.5 6.5c1.8-1.6 3.6-1.6 5.5 0s3.7 1.6 5.5 0M2.5 10.5c1.8-1.6 3.6-1.6 5.5 0s3.7 1.6 5.5 0',
};

export interface ProvenanceBadgeProps {
  source: Provenance;
  asOf?: string | null;
  /** Icon only (the full text stays available to screen readers and as a tooltip). */
  compact?: boolean;
}

/** Where a number comes from and when it was true — shown next to the number. */
export function ProvenanceBadge({ source, asOf, compact = false }: ProvenanceBadgeProps) {
  const { t } = useTranslation();
  const { formatDate } = useFormatters();
  const label = t(`provenance.${source}`);
  const date = asOf ? formatDate(asOf, { dateStyle: 'medium' }) : null;
  const full = date ? t('provenance.withDate', { source: label, date }) : label;
  return (
    <span className={`provenance provenance--${source}${compact ? ' provenance--compact' : ''}`} title={full} data-provenance={source}>
      <svg className="provenance__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={PROVENANCE_ICONS[source]} />
      </svg>
      {compact ? (
        <span className="visually-hidden">{full}</span>
      ) : (
        <span>
          {label}
          {date ? <span className="provenance__date"> · {date}</span> : null}
        </span>
      )}
    </span>
  );
}

export function qualityBand(score: number): 'good' | 'fair' | 'poor' {
  if (score >= 70) return 'good';
  if (score >= 40) return 'fair';
  return 'poor';
}

/** The audience quality score (0–100) as a coloured badge; the band is in words too, not colour alone. */
export function QualityBadge({ score, size = 'md' }: { score: number; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const band = qualityBand(score);
  return (
    <span className={`quality-badge quality-badge--${band} quality-badge--${size}`} title={t('quality.badgeTitle', { score: formatNumber(score) })}>
      <span className="quality-badge__label">{t('quality.short')}</span>
      <span className="quality-badge__score">{formatNumber(score)}</span>
      <span className="visually-hidden">{t('quality.outOf100', { band: t(`quality.bands.${band}`) })}</span>
    </span>
  );
}
