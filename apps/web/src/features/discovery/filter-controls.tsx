import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../components/field';
import { parseLocaleNumber } from '../../lib/numbers';
import { useDraft } from '../../lib/use-draft';
import { useFormatters } from '../../lib/i18n/use-formatters';
import type { ShareFilter } from './search-params';

/** A collapsible group of the filter panel. */
export function FilterSection({ title, count = 0, defaultOpen = true, children }: { title: string; count?: number; defaultOpen?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  return (
    <details className="filter-section" open={defaultOpen}>
      <summary className="filter-section__summary">
        <span>{title}</span>
        {count > 0 ? (
          <span className="filter-section__count">
            {formatNumber(count)}
            <span className="visually-hidden"> {t('discover.activeFilters', { count })}</span>
          </span>
        ) : null}
      </summary>
      <div className="filter-section__body">{children}</div>
    </details>
  );
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

/** Checkboxes with counts (multi-select: any of the checked values matches). */
export function FacetGroup({
  legend,
  options,
  selected,
  onToggle,
  visible = 6,
  hideLegend = false,
}: {
  legend: string;
  options: readonly FacetOption[];
  selected: readonly string[];
  onToggle: (value: string) => void;
  visible?: number;
  hideLegend?: boolean;
}) {
  const { t } = useTranslation();
  const { formatNumber } = useFormatters();
  const [showAll, setShowAll] = useState(false);
  const listId = useId();
  // Checked values stay visible even when the current results have none of them.
  const merged = [...options, ...selected.filter((value) => !options.some((option) => option.value === value)).map((value) => ({ value, label: value, count: 0 }))];
  const shown = showAll ? merged : merged.filter((option, index) => index < visible || selected.includes(option.value));
  if (merged.length === 0) return <p className="muted filter-empty">{t('discover.noValues')}</p>;
  return (
    <fieldset className="facet">
      <legend className={hideLegend ? 'visually-hidden' : 'facet__legend'}>{legend}</legend>
      <ul className="facet__list" id={listId}>
        {shown.map((option) => (
          <li key={option.value}>
            <label className="facet__option">
              <input type="checkbox" checked={selected.includes(option.value)} onChange={() => onToggle(option.value)} />
              <span className="facet__label">{option.label}</span>
              <span className="facet__count">
                {formatNumber(option.count)}
                <span className="visually-hidden"> {t('discover.matches', { count: option.count })}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {merged.length > shown.length || showAll ? (
        <button type="button" className="link-button" aria-expanded={showAll} aria-controls={listId} onClick={() => setShowAll((value) => !value)}>
          {showAll ? t('discover.showFewer') : t('discover.showAll', { count: merged.length })}
        </button>
      ) : null}
    </fieldset>
  );
}

export interface DraftNumberFieldProps {
  label: string;
  /** The value in the URL (Latin digits), or undefined. */
  value: string | undefined;
  onCommit: (value: string | undefined) => void;
  suffix?: string;
  integer?: boolean;
  /** URL value → shown value (e.g. minor → major units) and back. */
  toDisplay?: (value: string) => string;
  fromDisplay?: (value: number) => string;
  className?: string;
}

/** A number typed freely (Persian digits too), committed when typing pauses, on Enter or on leaving the field. */
export function DraftNumberField({ label, value, onCommit, suffix, integer = false, toDisplay, fromDisplay, className }: DraftNumberFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const shown = value === undefined ? '' : toDisplay ? toDisplay(value) : value;
  const [error, setError] = useState(false);

  function commit(text: string) {
    const parsed = parseLocaleNumber(text);
    if (parsed === null) {
      setError(false);
      if (value !== undefined) onCommit(undefined);
      return;
    }
    if (Number.isNaN(parsed)) {
      setError(true);
      return;
    }
    setError(false);
    const number = integer ? Math.round(parsed) : parsed;
    const next = fromDisplay ? fromDisplay(number) : String(number);
    if (next !== value) onCommit(next);
  }

  const [draft, change, flush] = useDraft(shown, commit, 700);

  return (
    <div className={['field', 'field--compact', error ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <span className="field__affix">
        <input
          id={id}
          className="field__input"
          inputMode="decimal"
          autoComplete="off"
          dir="ltr"
          value={draft}
          aria-invalid={error || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => change(event.target.value)}
          onBlur={() => flush()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              flush(event.currentTarget.value);
            }
          }}
        />
        {suffix ? (
          <span className="field__suffix" aria-hidden="true">
            {suffix}
          </span>
        ) : null}
      </span>
      {error ? <FieldError id={`${id}-error`} message={t('validation.number')} /> : null}
    </div>
  );
}

/** "At least N %" on a slider; committed when the slider rests. */
export function ShareSlider({ name, value, onCommit, onRemove }: { name: string; value: number; onCommit: (value: number) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const { formatPercent } = useFormatters();
  const id = useId();
  const [draft, change, flush] = useDraft(value, onCommit, 400);
  const text = t('discover.atLeast', { value: formatPercent(draft, 0) });
  return (
    <div className="share-row">
      <label className="share-row__name" htmlFor={id}>
        {name}
      </label>
      <output className="share-row__value" htmlFor={id}>
        {text}
      </output>
      <button type="button" className="icon-button share-row__remove" aria-label={t('discover.removeFilter', { name })} onClick={onRemove}>
        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      </button>
      <input
        id={id}
        className="share-row__slider"
        type="range"
        min={0}
        max={100}
        step={5}
        value={draft}
        aria-valuetext={text}
        onChange={(event) => change(Number(event.target.value))}
        onPointerUp={() => flush()}
        onKeyUp={() => flush()}
        onBlur={() => flush()}
      />
    </div>
  );
}

/** Audience filters of one kind: each chosen key with its own minimum share, and a picker to add one. */
export function ShareFilterGroup({
  legend,
  filters,
  options,
  labelOf,
  defaultMin,
  onChange,
  addLabel,
  hideAdd = false,
}: {
  legend: string;
  filters: readonly ShareFilter[];
  options: readonly { value: string; label: string }[];
  labelOf: (key: string) => string;
  defaultMin: number;
  onChange: (filters: ShareFilter[]) => void;
  addLabel: string;
  hideAdd?: boolean;
}) {
  const remaining = options.filter((option) => !filters.some((filter) => filter.key === option.value));
  const addId = useId();
  return (
    <fieldset className="share-group">
      <legend className="facet__legend">{legend}</legend>
      {filters.map((filter) => (
        <ShareSlider
          key={filter.key}
          name={labelOf(filter.key)}
          value={filter.min}
          onCommit={(min) => onChange(filters.map((item) => (item.key === filter.key ? { ...item, min } : item)))}
          onRemove={() => onChange(filters.filter((item) => item.key !== filter.key))}
        />
      ))}
      {!hideAdd && remaining.length ? (
        <div className="share-group__add">
          <label htmlFor={addId} className="visually-hidden">
            {addLabel}
          </label>
          <select
            id={addId}
            className="field__input field__select field__input--sm"
            value=""
            onChange={(event) => {
              if (event.target.value) onChange([...filters, { key: event.target.value, min: defaultMin }]);
            }}
          >
            <option value="">{addLabel}</option>
            {remaining.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </fieldset>
  );
}
