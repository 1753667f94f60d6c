import { earliestInsightsStart, formatDateTime, incrementMs, insightsWindow, INCREMENTS, type Increment, type InsightsWindowResult } from '../../../utils/metrics';

/** The custom window a user types and the intervals they may pick for a window. */

const MINUTE = 60_000;

/**
 * A `<input type="datetime-local">` value (`2026-03-03T14:05`) read as UTC or local time;
 * NaN when empty or malformed.
 */
export function parseDateTimeInput(value: string, utc: boolean): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return NaN;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const ms = utc
    ? Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0)
    : new Date(y!, mo! - 1, d!, h!, mi!, s ?? 0).getTime();
  return Number.isFinite(ms) ? ms : NaN;
}

export { toDateTimeInput } from '../../../utils/dates';

/** The shortest custom window: one bucket of the finest increment. */
export const MIN_CUSTOM_MS = 5 * MINUTE;

/**
 * A custom range typed by the user, checked with a sentence for each problem. Unlike
 * `insightsWindow` alone (which clamps), a start older than GitHub keeps is refused, so the
 * window shown is always the window asked for.
 */
export function customWindow(fromInput: string, toInput: string, utc: boolean, now: number): InsightsWindowResult {
  const from = parseDateTimeInput(fromInput, utc);
  const to = parseDateTimeInput(toInput, utc);
  if (Number.isNaN(from) || Number.isNaN(to)) return { ok: false, error: 'Enter both a start and an end date and time.' };
  if (from >= to) return { ok: false, error: 'The start must be before the end.' };
  // Inputs have minute precision: allow the minute that holds `now`.
  if (to > now + MINUTE) return { ok: false, error: 'The end cannot be in the future.' };
  const earliest = earliestInsightsStart(now);
  if (from < earliest - MINUTE) {
    return {
      ok: false,
      error: `API Insights keeps the last 31 days: the start must be after ${formatDateTime(earliest, { utc })}.`,
    };
  }
  if (to - from < MIN_CUSTOM_MS) return { ok: false, error: 'Pick a range of at least 5 minutes.' };
  return insightsWindow({ from: Math.max(from, earliest), to: Math.min(to, now) }, now);
}

/** The most points an interval the user picks may give (5-minute buckets over 31 days fit). */
export const MAX_CHOSEN_POINTS = 10_000;

/** Intervals a user may pick for a window: those that keep the chart under MAX_CHOSEN_POINTS. */
export function pickableIncrements(windowMs: number): Increment[] {
  return INCREMENTS.filter((increment) => windowMs / incrementMs(increment) <= MAX_CHOSEN_POINTS);
}
