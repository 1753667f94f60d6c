import type { CommitWeek } from '../protocol';
import { countAt, indexOfMax, lastEntries } from './series';

/**
 * Commit activity (GitHub's `stats/commit_activity`: 52 weeks, oldest first, the last one being
 * the current, partial week). Every figure here covers at most the last 52 entries, so a longer
 * input (e.g. merged from a cache) still answers "the last year".
 */

export const YEAR_WEEKS = 52;

/** A weekday (0 = Sunday) with its commit count. */
export interface WeekdayCount {
  day: number;
  commits: number;
}

function lastYear(weeks: readonly CommitWeek[]): CommitWeek[] {
  return lastEntries(weeks, YEAR_WEEKS);
}

function weekTotal(week: CommitWeek): number {
  return Number.isFinite(week.total) ? week.total : 0;
}

/** Commits in the last 52 weeks (the current partial week included). */
export function commitsInLastYear(weeks: readonly CommitWeek[]): number {
  let total = 0;
  for (const week of lastYear(weeks)) total += weekTotal(week);
  return total;
}

/** How many of the last 52 weeks have at least one commit. */
export function activeWeeks(weeks: readonly CommitWeek[]): number {
  let active = 0;
  for (const week of lastYear(weeks)) if (weekTotal(week) > 0) active++;
  return active;
}

/** Recent weeks against the same number of weeks before them. */
export interface CommitTrend {
  recent: number;
  previous: number;
  /** (recent − previous) / previous; null when previous is 0 (the UI says "new") */
  change: number | null;
}

/**
 * The last `span` weeks (the current partial week counts as one of them: it is what the user
 * sees on the chart) against the `span` weeks before. With fewer than 2×span weeks of data,
 * the older period sums what exists. `change` is null when the older period has no commits.
 */
export function commitTrend(weeks: readonly CommitWeek[], span = 4): CommitTrend {
  let recent = 0;
  let previous = 0;
  const end = weeks.length;
  for (let i = Math.max(0, end - span); i < end; i++) recent += weekTotal(weeks[i] as CommitWeek);
  for (let i = Math.max(0, end - 2 * span); i < Math.max(0, end - span); i++) {
    previous += weekTotal(weeks[i] as CommitWeek);
  }
  return { recent, previous, change: previous === 0 ? null : (recent - previous) / previous };
}

/** Commits per weekday over the last 52 weeks: 7 numbers, Sunday first (missing days = 0). */
export function weekdayMix(weeks: readonly CommitWeek[]): number[] {
  const mix = [0, 0, 0, 0, 0, 0, 0];
  for (const week of lastYear(weeks)) {
    for (let day = 0; day < 7; day++) mix[day] = (mix[day] ?? 0) + countAt(week.days, day);
  }
  return mix;
}

/** The weekday with the most commits (earliest day on a tie); null when there are none. */
export function busiestWeekday(weeks: readonly CommitWeek[]): WeekdayCount | null {
  const mix = weekdayMix(weeks);
  const day = indexOfMax(mix);
  return day < 0 ? null : { day, commits: mix[day] ?? 0 };
}

export interface CommitActivitySummary {
  commits: number;
  activeWeeks: number;
  trend: CommitTrend;
  weekdays: number[];
  busiestWeekday: WeekdayCount | null;
}

/** Everything the commit-activity section and the popup show, in one pass over the input. */
export function summarizeCommitActivity(weeks: readonly CommitWeek[]): CommitActivitySummary {
  return {
    commits: commitsInLastYear(weeks),
    activeWeeks: activeWeeks(weeks),
    trend: commitTrend(weeks),
    weekdays: weekdayMix(weeks),
    busiestWeekday: busiestWeekday(weeks),
  };
}
