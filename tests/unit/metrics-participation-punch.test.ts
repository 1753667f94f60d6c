import { describe, expect, it } from 'vitest';
import { ownerShare, participationSeries } from '../../utils/metrics/participation';
import {
  busiestPunchDay,
  busiestPunchHour,
  busiestPunchSlot,
  punchDayTotals,
  punchGrid,
  punchHourTotals,
} from '../../utils/metrics/punchCard';

describe('participation', () => {
  it('splits owner and others, clamping others at 0', () => {
    expect(participationSeries({ all: [3, 2, 0, 5], owner: [1, 3, 0, 5] })).toEqual({
      all: [3, 2, 0, 5],
      owner: [1, 3, 0, 5],
      others: [2, 0, 0, 0],
    });
  });
  it('reads a short owner series as zeros', () => {
    expect(participationSeries({ all: [4, 4], owner: [1] }).others).toEqual([3, 4]);
  });
  it('gives the owner share with each week capped at its total', () => {
    expect(ownerShare({ all: [3, 2, 0, 5], owner: [1, 3, 0, 5] })).toBe(0.8);
    expect(ownerShare({ all: [4, 4], owner: [0, 0] })).toBe(0);
  });
  it('has no owner share without commits', () => {
    expect(ownerShare({ all: new Array<number>(52).fill(0), owner: new Array<number>(52).fill(0) })).toBeNull();
    expect(ownerShare({ all: [], owner: [] })).toBeNull();
  });
});

describe('punch card', () => {
  const cells = [
    { day: 0, hour: 0, commits: 1 },
    { day: 3, hour: 14, commits: 5 },
    { day: 3, hour: 14, commits: 2 }, // duplicate: summed
    { day: 6, hour: 23, commits: 7 },
    { day: 1, hour: 9, commits: 7 },
    { day: 7, hour: 1, commits: 100 }, // out of range: ignored
    { day: 2, hour: 24, commits: 100 },
    { day: 2, hour: 1.5, commits: 100 },
  ];
  const grid = punchGrid(cells);

  it('builds a 7×24 day-major grid with missing cells as 0', () => {
    expect(grid).toHaveLength(7);
    expect(grid.every((row) => row.length === 24)).toBe(true);
    expect(grid[3]?.[14]).toBe(7);
    expect(grid[2]?.every((v) => v === 0)).toBe(true);
    expect(grid.flat().reduce((a, b) => a + b, 0)).toBe(22);
  });
  it('breaks ties by earliest day, then earliest hour', () => {
    expect(busiestPunchSlot(grid)).toEqual({ day: 1, hour: 9, commits: 7 });
    const sameDay = punchGrid([
      { day: 2, hour: 10, commits: 4 },
      { day: 2, hour: 5, commits: 4 },
    ]);
    expect(busiestPunchSlot(sameDay)).toEqual({ day: 2, hour: 5, commits: 4 });
  });
  it('totals hours across days and days across hours', () => {
    const hours = punchHourTotals(grid);
    expect([hours[0], hours[9], hours[14], hours[23]]).toEqual([1, 7, 7, 7]);
    expect(busiestPunchHour(grid)).toEqual({ hour: 9, commits: 7 });
    expect(punchDayTotals(grid)).toEqual([1, 7, 0, 7, 0, 0, 7]);
    expect(busiestPunchDay(grid)).toEqual({ day: 1, commits: 7 });
  });
  it('has no busiest anything when empty', () => {
    const empty = punchGrid([]);
    expect(empty.flat().every((v) => v === 0)).toBe(true);
    expect(busiestPunchSlot(empty)).toBeNull();
    expect(busiestPunchHour(empty)).toBeNull();
    expect(busiestPunchDay(empty)).toBeNull();
  });
});
