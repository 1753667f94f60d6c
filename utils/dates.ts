/**
 * Dates and times as text, in one place: English and locale-independent on purpose (the same
 * input gives the same text on every machine: tests, exports, screenshots; GitHub's own UI is
 * English). Stats weeks and API timestamps are UTC; clock times the user reads are local unless
 * marked `UTC`.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `10:42` in the user's local time (the "as of" line, when a budget comes back). */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `10:42 UTC`. */
export function utcClockTime(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** `2026-03-01`: the UTC day of an instant, unambiguous in tables, CSV and warnings. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `2026-03-01` for a stats week (unix seconds, its Sunday in UTC). */
export function isoWeek(weekSeconds: number): string {
  return isoDate(weekSeconds * 1000);
}

/** `YYYY-MM-DDTHH:MM:SSZ` in UTC, milliseconds dropped (the API's format has none). */
export function toIsoSeconds(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** A stats week (unix seconds, a Sunday in UTC) as `Mar 3`. Always UTC: a week has no zone. */
export function formatWeekLabel(weekSeconds: number): string {
  const date = new Date(weekSeconds * 1000);
  return `${MONTHS[date.getUTCMonth()] ?? ''} ${date.getUTCDate()}`;
}

export interface DateTimeOptions {
  /** UTC (marked `UTC`) or the browser's local time zone */
  utc: boolean;
}

/** The parts of an instant in UTC or local time: year, month (1-12), day, hours, minutes. */
function partsOf(ms: number, utc: boolean): [number, number, number, number, number] {
  const d = new Date(ms);
  return utc
    ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()]
    : [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];
}

/** `Mar 3, 2026 14:05 UTC` or, local, `Mar 3, 2026 15:05`. */
export function formatDateTime(ms: number, options: DateTimeOptions): string {
  if (!Number.isFinite(ms)) return '';
  const [year, month, day, hours, minutes] = partsOf(ms, options.utc);
  return `${MONTHS[month - 1] ?? ''} ${day}, ${year} ${pad(hours)}:${pad(minutes)}${options.utc ? ' UTC' : ''}`;
}

/** The `<input type="datetime-local">` value for an instant, in UTC or local time (minutes). */
export function toDateTimeInput(ms: number, utc: boolean): string {
  const [year, month, day, hours, minutes] = partsOf(ms, utc);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hours)}:${pad(minutes)}`;
}
