import type { TInfluencerProfile } from '@reachbridge/contracts';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/card';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { qualityBand } from './badges';

type QualityScore = TInfluencerProfile['qualityScore'];
type Component = QualityScore['components'][number];

const VERDICT_TONES = { good: 'success', fair: 'warning', poor: 'danger', unknown: 'neutral' } as const;

/** The score and why: one bar per component (points earned of the points it could earn) with its verdict. */
export function QualityCard({ quality }: { quality: QualityScore }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const band = qualityBand(quality.score);

  function measured(component: Component): string | null {
    const { value } = component;
    if (value === null) return null;
    switch (component.key) {
      case 'engagement':
        return formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 2 });
      case 'growth':
        return formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
      case 'commentRatio':
        return formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
      default:
        return formatNumber(value, { maximumFractionDigits: 2 });
    }
  }

  return (
    <Card heading={t('quality.title')} className="quality-card" data-testid="quality-card">
      <div className="quality-summary">
        <p className={`quality-summary__score quality-summary__score--${band}`}>
          <span className="quality-summary__number">{formatNumber(quality.score)}</span>
          <span className="quality-summary__of">{t('quality.of100')}</span>
        </p>
        <p className="quality-summary__band">{t(`quality.bands.${band}`)}</p>
      </div>
      <p className="card__lead">{t('quality.lead')}</p>
      <ul className="quality-components">
        {quality.components.map((component) => {
          const label = t(component.label as ParseKeys, { defaultValue: component.key });
          const value = measured(component);
          const fraction = component.maxPoints > 0 ? component.points / component.maxPoints : 0;
          return (
            <li key={component.key} className="quality-component" data-testid={`quality-${component.key}`}>
              <div className="quality-component__head">
                <span className="quality-component__label">{label}</span>
                <span className={`badge badge--${VERDICT_TONES[component.verdict]}`}>{t(`quality.verdicts.${component.verdict}`)}</span>
              </div>
              <div className="quality-bar" aria-hidden="true">
                <span className={`quality-bar__fill quality-bar__fill--${component.verdict}`} style={{ inlineSize: `${Math.round(fraction * 100)}%` }} />
              </div>
              <p className="quality-component__meta">
                {component.verdict === 'unknown'
                  ? t('quality.unknownMeta')
                  : t('quality.meta', { value: value ?? '—', points: formatNumber(component.points), max: formatNumber(component.maxPoints) })}
              </p>
              <p className="quality-component__help">{t(`quality.help.${component.key}`, { defaultValue: '' })}</p>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
