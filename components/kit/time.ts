import { useEffect, useState } from 'preact/hooks';

/** The current time, re-read every `intervalMs` while `active` (countdowns); stops otherwise. */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}

// `10:42` in local time: the date module's (utils/dates.ts).
export { clockTime } from '../../utils/dates';

/** A countdown: `45 s`, `4 min 05 s`, `2 h 03 min`; never below `0 s`. */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
