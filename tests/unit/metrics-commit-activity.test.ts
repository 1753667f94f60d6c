import { describe, expect, it } from 'vitest';
import type { CommitWeek } from '../../utils/protocol';
import {
  activeWeeks,
  busiestWeekday,
  commitsInLastYear,
  commitTrend,
  summarizeCommitActivity,
  weekdayMix,
} from '../../utils/metrics/commitActivity';
import { WEEK_SECONDS } from '../../utils/metrics/series';

/** 2024-01-07 00:00 UTC, a Sunday */
const SUNDAY = 1704585600;

function weeksOf(days: number[][]): CommitWeek[] {
  return days.map((d, i) => ({ week: SUNDAY + i * WEEK_SECONDS, total: d.reduce((a, b) => a + b, 0), days: d }));
}

function totals(values: number[]): CommitWeek[] {
  return weeksOf(values.map((v) => [v, 0, 0, 0, 0, 0, 0]));
}

describe('commit activity', () => {
  it('counts commits and active weeks of the last 52 weeks only', () => {
    const weeks = totals([...new Array<number>(8).fill(100), ...new Array<number>(52).fill(1)]);
    expect(commitsInLastYear(weeks)).toBe(52);
    expect(activeWeeks(totals([0, 2, 0, 1]))).toBe(2);
  });

  it('compares the last 4 weeks with the 4 before', () => {
    expect(commitTrend(totals([9, 9, 1, 1, 1, 1, 2, 2, 2, 2]))).toEqual({ recent: 8, previous: 4, change: 1 });
  });

  it('counts the partial current week as one of the recent four', () => {
    // four weeks of 5, then three of 5 and a current week with 1 commit so far: 16 vs 20
    expect(commitTrend(totals([5, 5, 5, 5, 5, 5, 5, 1]))).toEqual({ recent: 16, previous: 20, change: -0.2 });
  });

  it('sums what exists when there are fewer than 8 weeks, and has no ratio against 0', () => {
    expect(commitTrend(totals([1, 2, 3, 4, 5, 6]))).toEqual({ recent: 18, previous: 3, change: 5 });
    expect(commitTrend(totals([0, 0, 0, 0, 3]))).toEqual({ recent: 3, previous: 0, change: null });
  });

  it('sums days per weekday, Sunday first, and picks the earliest busiest day on a tie', () => {
    const weeks = weeksOf([
      [1, 0, 0, 2, 0, 0, 0],
      [0, 0, 0, 1, 0, 0, 3],
    ]);
    expect(weekdayMix(weeks)).toEqual([1, 0, 0, 3, 0, 0, 3]);
    expect(busiestWeekday(weeks)).toEqual({ day: 3, commits: 3 });
  });

  it('reads short days arrays as zeros', () => {
    expect(weekdayMix([{ week: SUNDAY, total: 3, days: [1, 2] }])).toEqual([1, 2, 0, 0, 0, 0, 0]);
  });

  it('summarizes empty (204) and all-zero data without a busiest day or a trend ratio', () => {
    const empty = summarizeCommitActivity([]);
    expect(empty).toEqual({
      commits: 0,
      activeWeeks: 0,
      trend: { recent: 0, previous: 0, change: null },
      weekdays: [0, 0, 0, 0, 0, 0, 0],
      busiestWeekday: null,
    });
    expect(summarizeCommitActivity(totals(new Array<number>(52).fill(0))).busiestWeekday).toBeNull();
  });
});
