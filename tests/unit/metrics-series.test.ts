import { describe, expect, it } from 'vitest';
import { compareCounts, indexOfMax, lastEntries, shareOf, sumRange } from '../../utils/metrics/series';
import { bucketSize, bucketStarts, downsample } from '../../utils/metrics/sparkline';

describe('series helpers', () => {
  it('sums a clipped range and reads junk as 0', () => {
    expect(sumRange([1, 2, 3, 4], 1, 3)).toBe(5);
    expect(sumRange([1, 2, 3], -5, 99)).toBe(6);
    expect(sumRange([1, Number.NaN, 3])).toBe(4);
    expect(sumRange([])).toBe(0);
  });
  it('finds the first maximum, and none in an all-zero series', () => {
    expect(indexOfMax([0, 3, 3, 1])).toBe(1);
    expect(indexOfMax([0, 0, 0])).toBe(-1);
    expect(indexOfMax([])).toBe(-1);
  });
  it('compares counts as a fraction, with no ratio against zero', () => {
    expect(compareCounts(6, 4)).toEqual({ current: 6, previous: 4, change: 0.5 });
    expect(compareCounts(1, 4).change).toBe(-0.75);
    expect(compareCounts(3, 0).change).toBeNull();
    expect(compareCounts(0, 0).change).toBeNull();
  });
  it('shares of nothing are unknown', () => {
    expect(shareOf(1, 4)).toBe(0.25);
    expect(shareOf(0, 0)).toBeNull();
  });
  it('takes the last entries', () => {
    expect(lastEntries([1, 2, 3], 2)).toEqual([2, 3]);
    expect(lastEntries([1], 5)).toEqual([1]);
  });
});

describe('downsample', () => {
  const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('sums into end-aligned buckets: only the oldest bucket is short', () => {
    expect(bucketSize(10, 4)).toBe(3);
    expect(bucketStarts(10, 4)).toEqual([0, 1, 4, 7]);
    expect(downsample(ten, 4, 'sum')).toEqual([1, 9, 18, 27]);
  });
  it('keeps the total when summing', () => {
    const out = downsample(ten, 3, 'sum');
    expect(out.length).toBeLessThanOrEqual(3);
    expect(out.reduce((a, b) => a + b, 0)).toBe(55);
  });
  it('averages over the values a bucket really holds', () => {
    expect(downsample(ten, 4, 'mean')).toEqual([1, 3, 6, 9]);
  });
  it('returns a copy when nothing needs merging', () => {
    const out = downsample(ten, 10, 'sum');
    expect(out).toEqual(ten);
    expect(out).not.toBe(ten);
  });
  it('handles empty input, a sub-range and a nonsense point count', () => {
    expect(downsample([], 5, 'sum')).toEqual([]);
    expect(bucketStarts(0, 5)).toEqual([]);
    expect(downsample([1, 2, 3, 4, 5, 6], 2, 'sum', 1, 5)).toEqual([5, 9]);
    expect(downsample([1, 2, 3], 0, 'sum')).toEqual([6]);
  });
});
