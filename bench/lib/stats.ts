/** Summary statistics. Ratios are computed per pair (with_i / without_i), then summarized. */

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

export function summarize(values: number[]): Summary | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const q = (p: number) => {
    // Linear interpolation between closest ranks (same as numpy's default).
    const pos = (v.length - 1) * p;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return v[lo]! + (v[hi]! - v[lo]!) * (pos - lo);
  };
  return { n: v.length, median: q(0.5), p95: q(0.95), min: v[0]!, max: v[v.length - 1]! };
}

/** Pairwise ratios a_i / b_i, skipping pairs where either side is missing or b is 0. */
export function pairRatios(a: (number | null)[], b: (number | null)[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x == null || y == null || !(y > 0)) continue;
    out.push(x / y);
  }
  return out;
}

/** Pairwise differences a_i - b_i. */
export function pairDiffs(a: (number | null)[], b: (number | null)[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x == null || y == null) continue;
    out.push(x - y);
  }
  return out;
}
