/**
 * Text for numbers, percentages, dates and times. English and locale-independent on purpose:
 * the same input gives the same text on every machine (tests, exports, screenshots), and GitHub's
 * own UI is English. Negative values use the real minus sign U+2212, as typography wants.
 */

export const MINUS = '\u2212';

const COMPACT_UNITS: readonly [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'k'],
];

function withSign(negative: boolean, text: string): string {
  return negative ? `${MINUS}${text}` : text;
}

/**
 * `999`, `1.2k`, `12.3k`, `123k`, `3.4M`, `1.2B`. Exact below 1,000 (integers as is, fractions
 * to one decimal). Above, three significant digits at most, truncated rather than rounded so a
 * compact count never claims more than the real one (999,999 is `999k`, not `1M`); a trailing
 * `.0` is dropped.
 */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return '';
  const negative = value < 0;
  const abs = Math.abs(value);
  for (const [size, unit] of COMPACT_UNITS) {
    if (abs >= size) {
      const tenths = Math.trunc(abs / (size / 10));
      return withSign(negative, `${tenths >= 1000 ? Math.trunc(tenths / 10) : tenths / 10}${unit}`);
    }
  }
  const exact = Number.isInteger(abs) ? String(abs) : String(Math.round(abs * 10) / 10);
  return withSign(negative && exact !== '0', exact);
}

/** The shortest decimal text of a non-negative number, without exponent notation (`1e-7` → `0.0000001`). */
function plainDecimal(value: number): string {
  const text = String(value);
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const digits = m[1]! + (m[2] ?? '');
  const point = 1 + Number(m[3]);
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** Decimal text rounded to `places` fraction digits, halves up, trailing zeros dropped (on the digits, so no binary error creeps in). */
function roundDecimal(text: string, places: number): string {
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length <= places) return text;
  let kept = whole + fraction.slice(0, places);
  if (fraction[places]! >= '5') {
    // + 1 in the last kept digit, carrying through nines.
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === '9') i--;
    kept = i < 0 ? `1${'0'.repeat(kept.length)}` : kept.slice(0, i) + String(Number(kept[i]) + 1) + '0'.repeat(kept.length - i - 1);
  }
  const intPart = kept.slice(0, kept.length - places) || '0';
  const fracPart = kept.slice(kept.length - places).replace(/0+$/, '');
  return fracPart ? `${intPart}.${fracPart}` : intPart;
}

/**
 * `1,234,567` (en-US grouping, comma). Fractions keep up to 2 decimals, rounded half up on the
 * number's shortest decimal text, as Intl.NumberFormat does (1.005 is `1.01`). Written out rather
 * than `Intl.NumberFormat`: the first formatter in a page's isolated world costs 5-10 ms of ICU
 * set-up on every page view (bench/trace.ts), and `toLocaleString` builds one per call.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  const [whole = '0', fraction] = roundDecimal(plainDecimal(Math.abs(value)), 2).split('.');
  const text = whole.replace(/\B(?=(\d{3})+$)/g, ',') + (fraction ? `.${fraction}` : '');
  return withSign(value < 0 && text !== '0', text);
}

export interface PercentOptions {
  /** show `+` on increases (for changes); plain shares have no sign */
  signed?: boolean;
}

/**
 * A fraction as a whole percentage: 0.123 → `12%`, signed: `+12%`, −0.08 → `−8%`.
 * Halves round away from zero. A non-zero value that rounds to 0 shows as `<1%` (unsigned) so a
 * small share is not mistaken for none; a change that rounds to 0 shows as `0%`.
 */
export function formatPercent(fraction: number, options: PercentOptions = {}): string {
  if (!Number.isFinite(fraction)) return '';
  // toFixed first: 0.145 * 100 is 14.499999999999998 in binary floating point.
  const percent = Math.round(Number((Math.abs(fraction) * 100).toFixed(6)));
  if (percent === 0) return fraction !== 0 && !options.signed ? '<1%' : '0%';
  const sign = fraction < 0 ? MINUS : options.signed ? '+' : '';
  return `${sign}${percent}%`;
}

/** A period-over-period change: `+12%`, `−8%`, or `new` when there was nothing before. */
export function formatChange(change: number | null): string {
  return change === null ? 'new' : formatPercent(change, { signed: true });
}

/** Sunday first, like GitHub's `days` arrays and punch card. */
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** `Tuesday`, or `Tue` with `short`. Out-of-range days give an empty string. */
export function weekdayName(day: number, style: 'long' | 'short' = 'long'): string {
  const name = WEEKDAY_NAMES[day] ?? '';
  return style === 'short' ? name.slice(0, 3) : name;
}

/** `14:00`, `09:00`: the 24-hour clock, as in GitHub's punch card. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

// Dates and times are utils/dates.ts's; re-exported for the callers that format with these.
export { formatDateTime, formatWeekLabel, type DateTimeOptions } from '../dates';

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * `5 min ago`, `in 3 min`, `2 hours ago`, `in 1 day`, `just now`. Minutes round down for past
 * times (5 min 59 s ago is `5 min ago`) and up for future ones, so a countdown never says
 * `in 0 min` before the moment has come; hours and days are whole hours and days of those minutes.
 */
export function formatRelativeTime(ms: number, now: number): string {
  const diff = ms - now;
  if (diff === 0 || (diff < 0 && diff > -60_000)) return 'just now';
  const minutes = diff > 0 ? Math.ceil(diff / 60_000) : Math.floor(-diff / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  const text = minutes < 60 ? `${minutes} min` : hours < 24 ? plural(hours, 'hour') : plural(days, 'day');
  return diff > 0 ? `in ${text}` : `${text} ago`;
}
