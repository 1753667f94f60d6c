import { describe, expect, it } from 'vitest';
import type { CodeFrequencyWeek } from '../../utils/protocol';
import { codeFrequencyTotals, downsampleCodeFrequency } from '../../utils/metrics/codeFrequency';
import { WEEK_SECONDS } from '../../utils/metrics/series';

const W0 = 1704585600;
const w = (i: number) => W0 + i * WEEK_SECONDS;

describe('code frequency totals', () => {
  const weeks: CodeFrequencyWeek[] = [
    { week: w(0), additions: 10, deletions: 4 },
    { week: w(1), additions: 0, deletions: 6 },
    { week: w(2), additions: 5, deletions: 0 },
  ];

  it('adds up the whole history', () => {
    expect(codeFrequencyTotals(weeks)).toEqual({ additions: 15, deletions: 10, net: 5 });
  });
  it('counts `since` inclusive and `until` exclusive', () => {
    expect(codeFrequencyTotals(weeks, { since: w(1) })).toEqual({ additions: 5, deletions: 6, net: -1 });
    expect(codeFrequencyTotals(weeks, { until: w(1) })).toEqual({ additions: 10, deletions: 4, net: 6 });
    expect(codeFrequencyTotals(weeks, { since: w(1), until: w(2) })).toEqual({ additions: 0, deletions: 6, net: -6 });
  });
  it('treats GitHub-style negative deletions as positive, and empty data as zeros', () => {
    expect(codeFrequencyTotals([{ week: w(0), additions: 3, deletions: -7 }])).toEqual({ additions: 3, deletions: 7, net: -4 });
    expect(codeFrequencyTotals([])).toEqual({ additions: 0, deletions: 0, net: 0 });
  });
});

describe('code frequency downsampling', () => {
  it('sums consecutive weeks and keeps each bucket start week', () => {
    const weeks = [1, 2, 3, 4, 5].map((n, i) => ({ week: w(i), additions: n, deletions: 10 * n }));
    expect(downsampleCodeFrequency(weeks, 2)).toEqual([
      { week: w(0), additions: 3, deletions: 30 },
      { week: w(2), additions: 12, deletions: 120 },
    ]);
  });
  it('brings 800 weeks under the default 260 points with totals intact', () => {
    const weeks = Array.from({ length: 800 }, (_, i) => ({ week: w(i), additions: i, deletions: 1 }));
    const out = downsampleCodeFrequency(weeks);
    expect(out.length).toBe(200); // buckets of 4 weeks
    expect(out[1]).toEqual({ week: w(4), additions: 4 + 5 + 6 + 7, deletions: 4 });
    expect(out.reduce((s, r) => s + r.additions, 0)).toBe((799 * 800) / 2);
    expect(out.reduce((s, r) => s + r.deletions, 0)).toBe(800);
  });
  it('passes short series through and empty ones as empty', () => {
    const weeks = [{ week: w(0), additions: 1, deletions: 2 }];
    expect(downsampleCodeFrequency(weeks)).toEqual(weeks);
    expect(downsampleCodeFrequency([])).toEqual([]);
  });
});
