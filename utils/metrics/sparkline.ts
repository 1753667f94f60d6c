import { countAt } from './series';

/**
 * Downsampling for small charts: consecutive values are merged into at most `maxPoints` buckets.
 *
 * Buckets are aligned to the END of the series: every bucket holds `size` values except the
 * first (oldest), which holds the remainder. The newest point therefore always covers a full
 * bucket, so a summed chart never shows a false drop at its right edge. With `mode: 'sum'`
 * the total of the output equals the total of the input, exactly.
 */
export type DownsampleMode = 'sum' | 'mean';

/** How many input values one bucket merges (1 means no downsampling is needed). */
export function bucketSize(length: number, maxPoints: number): number {
  const points = Math.max(1, Math.floor(maxPoints));
  return length <= points ? 1 : Math.ceil(length / points);
}

/**
 * The start index of each bucket, oldest first. Consumers that need to label buckets (code
 * frequency keeps each bucket's start week) use this with `bucketSize`.
 */
export function bucketStarts(length: number, maxPoints: number): number[] {
  if (length <= 0) return [];
  const size = bucketSize(length, maxPoints);
  const count = Math.ceil(length / size);
  const firstLength = length - (count - 1) * size;
  const starts = new Array<number>(count);
  starts[0] = 0;
  for (let b = 1; b < count; b++) starts[b] = firstLength + (b - 1) * size;
  return starts;
}

/**
 * `values[from..to)` merged into at most `maxPoints` points, by sum or by mean (the mean of
 * a bucket divides by the values it really holds, so a short first bucket is not diluted).
 * Returns a new array; an empty input gives an empty output.
 */
export function downsample(
  values: readonly number[],
  maxPoints: number,
  mode: DownsampleMode,
  from = 0,
  to = values.length,
): number[] {
  const start = Math.max(0, from);
  const length = Math.max(0, Math.min(to, values.length) - start);
  const starts = bucketStarts(length, maxPoints);
  const out = new Array<number>(starts.length);
  for (let b = 0; b < starts.length; b++) {
    const bucketFrom = starts[b] ?? 0;
    const bucketTo = starts[b + 1] ?? length;
    let total = 0;
    for (let i = bucketFrom; i < bucketTo; i++) total += countAt(values, start + i);
    out[b] = mode === 'sum' ? total : total / (bucketTo - bucketFrom);
  }
  return out;
}
