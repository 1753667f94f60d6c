import type { PunchCell } from '../protocol';
import { indexOfMax } from './series';
import type { WeekdayCount } from './commitActivity';

/**
 * Punch card (`stats/punch_card`): commits per (weekday, hour). Days are 0-6 with Sunday first;
 * hours are in each commit's own time zone (GitHub's choice), so no conversion happens here.
 */

/** 7 rows (Sunday first) of 24 hours. */
export type PunchGrid = number[][];

export interface PunchSlot {
  day: number;
  hour: number;
  commits: number;
}

export interface HourCount {
  hour: number;
  commits: number;
}

/**
 * The full 7×24 grid, day-major. Missing cells are 0, duplicate cells are summed, and cells
 * outside 0-6 / 0-23 (or with a non-finite count) are ignored rather than trusted.
 */
export function punchGrid(cells: readonly PunchCell[]): PunchGrid {
  const grid: PunchGrid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const cell of cells) {
    if (!Number.isInteger(cell.day) || !Number.isInteger(cell.hour) || !Number.isFinite(cell.commits)) continue;
    const row = grid[cell.day];
    if (!row || cell.hour < 0 || cell.hour > 23) continue;
    row[cell.hour] = (row[cell.hour] as number) + cell.commits;
  }
  return grid;
}

/** The busiest (day, hour); ties go to the earliest day, then the earliest hour. Null if empty. */
export function busiestPunchSlot(grid: PunchGrid): PunchSlot | null {
  let best: PunchSlot | null = null;
  for (let day = 0; day < grid.length; day++) {
    const row = grid[day] as number[];
    const hour = indexOfMax(row);
    const commits = row[hour] ?? 0;
    if (hour >= 0 && (best === null || commits > best.commits)) best = { day, hour, commits };
  }
  return best;
}

/** Commits per hour of day over the whole week: 24 numbers. */
export function punchHourTotals(grid: PunchGrid): number[] {
  const totals = new Array<number>(24).fill(0);
  for (const row of grid) for (let hour = 0; hour < 24; hour++) totals[hour] = (totals[hour] as number) + (row[hour] ?? 0);
  return totals;
}

/** Commits per weekday: 7 numbers, Sunday first. */
export function punchDayTotals(grid: PunchGrid): number[] {
  return grid.map((row) => row.reduce((sum, value) => sum + value, 0));
}

/** The hour of day with most commits across all days (earliest hour on a tie); null if empty. */
export function busiestPunchHour(grid: PunchGrid): HourCount | null {
  const totals = punchHourTotals(grid);
  const hour = indexOfMax(totals);
  return hour < 0 ? null : { hour, commits: totals[hour] as number };
}

/** The weekday with most commits (earliest day on a tie); null if empty. */
export function busiestPunchDay(grid: PunchGrid): WeekdayCount | null {
  const totals = punchDayTotals(grid);
  const day = indexOfMax(totals);
  return day < 0 ? null : { day, commits: totals[day] as number };
}
