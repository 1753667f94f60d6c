import type { InsightsSummary, InsightsTimePoint } from '../protocol';
import { toIsoSeconds } from '../dates';
import { compareCounts, shareOf, type Comparison } from './series';

/**
 * Organization API Insights: time windows, chart increments and comparisons
 * (lists are sorted by GitHub: `sort` in the query).
 * All times are unix milliseconds and every timestamp sent to GitHub is UTC, so daylight
 * saving time never shifts a window.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Preset windows end on these boundaries (see insightsWindow). */
const PRESET_ALIGN_MS = 10 * MINUTE;
const DAY = 24 * HOUR;

/** GitHub's own UI lets a window start at most this many days back. */
export const INSIGHTS_HISTORY_DAYS = 31;

export type InsightsPreset = '24h' | '7d' | '30d';

export const INSIGHTS_PRESETS: readonly InsightsPreset[] = ['24h', '7d', '30d'];

const PRESET_MS: Record<InsightsPreset, number> = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY };

/** A user-picked range in unix ms: `from` inclusive, `to` exclusive. */
export interface CustomRange {
  from: number;
  to: number;
}

export type InsightsWindowSpec = InsightsPreset | CustomRange;

export interface InsightsWindow {
  /** `YYYY-MM-DDTHH:MM:SSZ`, as the API wants them */
  minTimestamp: string;
  maxTimestamp: string;
  /** the same instants in unix ms (whole seconds) */
  fromMs: number;
  toMs: number;
}

export type InsightsWindowResult = { ok: true; window: InsightsWindow } | { ok: false; error: string };

export { toIsoSeconds } from '../dates';

function windowOf(fromMs: number, toMs: number): InsightsWindow {
  return { minTimestamp: toIsoSeconds(fromMs), maxTimestamp: toIsoSeconds(toMs), fromMs, toMs };
}

/** The earliest start GitHub accepts at `now`, rounded up to a whole second. */
export function earliestInsightsStart(now: number): number {
  return Math.ceil((now - INSIGHTS_HISTORY_DAYS * DAY) / SECOND) * SECOND;
}

/**
 * The API window for a preset or a custom range at `now`.
 * Presets end at `now` rounded down to 10 minutes (the default freshness of API Insights
 * answers), so every visit in that span asks the same query and is served from the cache.
 * Nothing is lost: GitHub's insights data arrives 4-6 hours after the requests anyway. Custom ranges are cut to whole seconds, their end is
 * clamped to `now` and their start to the last 31 days; what is left must be a non-empty range,
 * otherwise the result carries a sentence for the user instead.
 */
export function insightsWindow(spec: InsightsWindowSpec, now: number): InsightsWindowResult {
  if (typeof spec === 'string') {
    const to = Math.floor(now / PRESET_ALIGN_MS) * PRESET_ALIGN_MS;
    return { ok: true, window: windowOf(to - PRESET_MS[spec], to) };
  }
  if (!Number.isFinite(spec.from) || !Number.isFinite(spec.to)) {
    return { ok: false, error: 'Pick a start and an end time.' };
  }
  if (spec.from >= spec.to) return { ok: false, error: 'The start must be before the end.' };
  const earliest = earliestInsightsStart(now);
  const from = Math.max(Math.floor(spec.from / SECOND) * SECOND, earliest);
  const to = Math.min(Math.floor(spec.to / SECOND) * SECOND, Math.floor(now / SECOND) * SECOND);
  if (from >= to) {
    return spec.from >= now
      ? { ok: false, error: 'The start is in the future.' }
      : { ok: false, error: `API Insights keeps the last ${INSIGHTS_HISTORY_DAYS} days: pick a range that ends after ${toIsoSeconds(earliest)}.` };
  }
  return { ok: true, window: windowOf(from, to) };
}

/** The window of the same length that ends where `window` starts (for "vs previous period"). */
export function previousWindow(window: InsightsWindow): InsightsWindow {
  const length = window.toMs - window.fromMs;
  return windowOf(window.fromMs - length, window.fromMs);
}

/**
 * Whether GitHub will still answer for `window` at `now`. The previous period of a 30-day
 * window starts 60 days back, so callers must check before asking for a comparison.
 */
export function isWithinHistory(window: InsightsWindow, now: number): boolean {
  return window.fromMs >= earliestInsightsStart(now);
}

// ---------------------------------------------------------------------------------------------
// Increments

/** The `timestamp_increment` ladder, finest first. GitHub documents 5m, 10m, 1h "etc.". */
export const INCREMENTS = ['5m', '10m', '15m', '30m', '1h', '2h', '3h', '6h', '12h', '1d'] as const;

export type Increment = (typeof INCREMENTS)[number];

const INCREMENT_MS: Record<Increment, number> = {
  '5m': 5 * MINUTE,
  '10m': 10 * MINUTE,
  '15m': 15 * MINUTE,
  '30m': 30 * MINUTE,
  '1h': HOUR,
  '2h': 2 * HOUR,
  '3h': 3 * HOUR,
  '6h': 6 * HOUR,
  '12h': 12 * HOUR,
  '1d': DAY,
};

export function incrementMs(increment: Increment): number {
  return INCREMENT_MS[increment];
}

/** Buckets `fillTimeSeries` makes for any window of this length, however it is aligned. */
function worstCaseBuckets(windowMs: number, stepMs: number): number {
  return Math.ceil(windowMs / stepMs) + 1;
}

/**
 * The finest increment whose chart has at most `maxPoints` points. A window that does not
 * start on a bucket boundary touches one bucket more than its length suggests, so that extra
 * bucket is counted. Windows too long for the ladder get `1d`.
 * (24h → 5m: 289 points; 7d → 1h: 169; 30d → 3h: 241.)
 */
export function chooseIncrement(windowMs: number, maxPoints = 300): Increment {
  for (const increment of INCREMENTS) {
    if (worstCaseBuckets(windowMs, INCREMENT_MS[increment]) <= maxPoints) return increment;
  }
  return '1d';
}

/** The next step up the ladder, for when GitHub refuses an increment; null after `1d`. */
export function coarserIncrement(increment: Increment): Increment | null {
  return INCREMENTS[INCREMENTS.indexOf(increment) + 1] ?? null;
}

/**
 * One point per increment from `minMs` to `maxMs` (exclusive), missing buckets as zeros.
 * Buckets sit on multiples of the increment since the epoch (UTC midnight for `1d`): whether
 * GitHub labels buckets on those boundaries or from the window start, each point lands in one
 * bucket. Points in the same bucket are summed; points outside the range are dropped.
 */
export function fillTimeSeries(
  points: readonly InsightsTimePoint[],
  minMs: number,
  maxMs: number,
  increment: Increment,
): InsightsTimePoint[] {
  const step = INCREMENT_MS[increment];
  const first = Math.floor(minMs / step) * step;
  const count = maxMs > first ? Math.ceil((maxMs - first) / step) : 0;
  if (count > 100_000) throw new RangeError(`fillTimeSeries: ${count} buckets is too many for one chart`);
  const out: InsightsTimePoint[] = new Array<InsightsTimePoint>(count);
  for (let i = 0; i < count; i++) out[i] = { time: first + i * step, totalRequests: 0, rateLimitedRequests: 0 };
  for (const point of points) {
    if (!Number.isFinite(point.time) || point.time < first || point.time >= maxMs) continue;
    const bucket = out[Math.floor((point.time - first) / step)];
    if (!bucket) continue;
    bucket.totalRequests += point.totalRequests;
    bucket.rateLimitedRequests += point.rateLimitedRequests;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Summaries

/** Rate-limited requests as a fraction of all requests; null when there were none. */
export function rateLimitedShare(summary: InsightsSummary): number | null {
  return shareOf(summary.rateLimitedRequests, summary.totalRequests);
}

/** A share rounded to four decimals (0.01234567 → 0.0123), for tables and CSV; none stays null. */
export function roundShare(share: number | null | undefined): number | null {
  return share === null || share === undefined ? null : Math.round(share * 10_000) / 10_000;
}

export interface InsightsComparison {
  total: Comparison;
  rateLimited: Comparison;
  rateLimitedShare: { current: number | null; previous: number | null };
}

/** This window against the previous one of the same length. */
export function compareInsights(current: InsightsSummary, previous: InsightsSummary): InsightsComparison {
  return {
    total: compareCounts(current.totalRequests, previous.totalRequests),
    rateLimited: compareCounts(current.rateLimitedRequests, previous.rateLimitedRequests),
    rateLimitedShare: { current: rateLimitedShare(current), previous: rateLimitedShare(previous) },
  };
}
