import type { CodeFrequencyWeek } from '../protocol';
import { bucketStarts } from './sparkline';

/**
 * Code frequency (`stats/code_frequency`: one row per week, oldest first; deletions are
 * normalized to positive numbers upstream). Repositories with 10,000+ commits get a 422
 * instead, so these functions only ever see repos that fit, but those can still span 15+ years.
 */

export interface CodeTotals {
  additions: number;
  deletions: number;
  /** additions − deletions: negative when the code base shrank */
  net: number;
}

/**
 * Which weeks to count, in unix seconds like `week`: `since` inclusive, `until` exclusive.
 * Either bound may be left out.
 */
export interface WeekRange {
  since?: number;
  until?: number;
}

function inRange(week: number, range: WeekRange): boolean {
  return (range.since === undefined || week >= range.since) && (range.until === undefined || week < range.until);
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/** Lines added, deleted and net over the weeks in `range` (all weeks by default). */
export function codeFrequencyTotals(weeks: readonly CodeFrequencyWeek[], range: WeekRange = {}): CodeTotals {
  let additions = 0;
  let deletions = 0;
  for (const row of weeks) {
    if (!inRange(row.week, range)) continue;
    additions += finite(row.additions);
    deletions += Math.abs(finite(row.deletions));
  }
  return { additions, deletions, net: additions - deletions };
}

export const DEFAULT_CHART_POINTS = 260;

/**
 * At most `maxPoints` rows for a chart: consecutive weeks are summed into buckets, each
 * labelled with the start week of its first row. Buckets are end-aligned (see `downsample`),
 * so only the oldest bucket may be short. Totals are preserved exactly.
 */
export function downsampleCodeFrequency(
  weeks: readonly CodeFrequencyWeek[],
  maxPoints = DEFAULT_CHART_POINTS,
): CodeFrequencyWeek[] {
  const starts = bucketStarts(weeks.length, maxPoints);
  const out: CodeFrequencyWeek[] = new Array<CodeFrequencyWeek>(starts.length);
  for (let b = 0; b < starts.length; b++) {
    const from = starts[b] ?? 0;
    const to = starts[b + 1] ?? weeks.length;
    let additions = 0;
    let deletions = 0;
    for (let i = from; i < to; i++) {
      const row = weeks[i] as CodeFrequencyWeek;
      additions += finite(row.additions);
      deletions += Math.abs(finite(row.deletions));
    }
    out[b] = { week: (weeks[from] as CodeFrequencyWeek).week, additions, deletions };
  }
  return out;
}
