/**
 * Small numeric helpers shared by the metric modules. Everything here works on plain number
 * arrays, never allocates per element, and treats a missing or non-finite entry as 0 so that
 * one malformed week cannot turn a whole total into NaN.
 */

/** Seconds in a week: GitHub's stats weeks start on Sunday 00:00 UTC, so there is no DST. */
export const WEEK_SECONDS = 7 * 24 * 60 * 60;

/** A value read defensively: anything that is not a finite number counts as 0. */
export function countAt(values: readonly number[], index: number): number {
  const value = values[index];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Sum of `values[from..to)`; the range is clipped to the array. */
export function sumRange(values: readonly number[], from = 0, to = values.length): number {
  let total = 0;
  const end = Math.min(to, values.length);
  for (let i = Math.max(0, from); i < end; i++) total += countAt(values, i);
  return total;
}

/**
 * Index of the largest value; on a tie the earliest index wins (so "busiest" answers are
 * stable). -1 when no value is above zero: an all-zero series has no busiest entry.
 */
export function indexOfMax(values: readonly number[]): number {
  let best = -1;
  let bestValue = 0;
  for (let i = 0; i < values.length; i++) {
    const value = countAt(values, i);
    if (value > bestValue) {
      best = i;
      bestValue = value;
    }
  }
  return best;
}

/** A count now against the same count one period earlier. */
export interface Comparison {
  current: number;
  previous: number;
  /**
   * (current − previous) / previous as a fraction (0.25 = +25 %); null when previous is 0,
   * where no ratio exists (the UI says "new", or nothing when both are 0).
   */
  change: number | null;
}

export function compareCounts(current: number, previous: number): Comparison {
  return { current, previous, change: previous === 0 ? null : (current - previous) / previous };
}

/** `part / whole`, or null when the whole is 0 (a share of nothing is unknown, not 0 %). */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The last `n` entries (all of them when there are fewer). */
export function lastEntries<T>(values: readonly T[], n: number): T[] {
  return values.slice(Math.max(0, values.length - n));
}
