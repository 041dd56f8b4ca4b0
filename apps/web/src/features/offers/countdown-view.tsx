import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/i18n/use-formatters';
import { countdownParts, formatCountdown, tickInterval } from './countdown';

/** The current time, redrawn as often as the countdown to `deadline` needs. */
function useNow(deadline: string): Date {
  const [now, setNow] = useState(() => new Date());
  const delay = tickInterval(countdownParts(deadline, now));
  useEffect(() => {
    const timer = window.setTimeout(() => setNow(new Date()), delay);
    return () => window.clearTimeout(timer);
  }, [now, delay]);
  return now;
}

/** "2d 5h left" / "3h overdue", live; the exact time in the tooltip and `datetime`. */
export function Countdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const { language, formatDateTime } = useFormatters();
  const parts = countdownParts(deadline, useNow(deadline));
  const time = formatCountdown(parts, language);
  return (
    <time dateTime={deadline} title={formatDateTime(deadline)} className={['countdown', parts.overdue ? 'countdown--overdue' : ''].filter(Boolean).join(' ')}>
      {parts.overdue ? t('offers.countdown.overdue', { time }) : t('offers.countdown.left', { time })}
    </time>
  );
}
