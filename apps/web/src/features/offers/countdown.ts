import { formatNumber } from '../../lib/i18n/format';
import { numberLocaleOf, type Language } from '../../lib/i18n/languages';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface CountdownParts {
  /** The deadline has passed; the parts then measure how long ago. */
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Whole days, hours, minutes and seconds between now and a deadline (rounded down). */
export function countdownParts(deadline: Date | string, now: Date): CountdownParts {
  const target = typeof deadline === 'string' ? new Date(deadline) : deadline;
  const difference = target.getTime() - now.getTime();
  const left = Math.abs(difference);
  return {
    overdue: difference < 0,
    days: Math.floor(left / DAY),
    hours: Math.floor((left % DAY) / HOUR),
    minutes: Math.floor((left % HOUR) / MINUTE),
    seconds: Math.floor((left % MINUTE) / SECOND),
  };
}

type Unit = 'day' | 'hour' | 'minute' | 'second';

/**
 * The two largest units that matter: "2d 5h", "3h 12m", "4m 10s", "9s" — in the language's digits
 * and unit words ("۲ روز ۵ ساعت"). Seconds only show in the last hour.
 */
export function formatCountdown(parts: CountdownParts, language: Language): string {
  const units: [Unit, number][] = [
    ['day', parts.days],
    ['hour', parts.hours],
    ['minute', parts.minutes],
    ['second', parts.seconds],
  ];
  const first = units.findIndex(([, value]) => value > 0);
  if (first === -1) return format('second', 0, language);
  const shown = units.slice(first, first + 2).filter(([, value], index) => index === 0 || value > 0);
  const list = new Intl.ListFormat(numberLocaleOf(language), { type: 'unit', style: language === 'fa' ? 'long' : 'narrow' });
  return list.format(shown.map(([unit, value]) => format(unit, value, language)));
}

/** English reads best as "2d 5h"; Persian has no narrow unit words for all units, so "۲ روز و ۵ ساعت". */
function format(unit: Unit, value: number, language: Language): string {
  return formatNumber(value, language, { style: 'unit', unit, unitDisplay: language === 'fa' ? 'long' : 'narrow' });
}

/** How often a countdown needs to redraw: every second in the last hour, else every 30 seconds. */
export function tickInterval(parts: CountdownParts): number {
  return !parts.overdue && parts.days === 0 && parts.hours === 0 ? SECOND : 30 * SECOND;
}
