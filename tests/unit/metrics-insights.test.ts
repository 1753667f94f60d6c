import { describe, expect, it } from 'vitest';
import {
  chooseIncrement,
  coarserIncrement,
  compareInsights,
  fillTimeSeries,
  incrementMs,
  insightsWindow,
  isWithinHistory,
  previousWindow,
  rateLimitedShare,
  roundShare,
  toIsoSeconds,
  type InsightsWindow,
  type InsightsWindowResult,
} from '../../utils/metrics/insights';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 2, 10, 12, 34, 56, 789); // 2026-03-10T12:34:56.789Z

function ok(result: InsightsWindowResult): InsightsWindow {
  if (!result.ok) throw new Error(`expected a window, got: ${result.error}`);
  return result.window;
}

function error(result: InsightsWindowResult): string {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('insights windows', () => {
  it('formats timestamps to the second in UTC', () => {
    expect(toIsoSeconds(NOW)).toBe('2026-03-10T12:34:56Z');
  });
  it('ends presets on the last 10-minute boundary', () => {
    expect(ok(insightsWindow('24h', NOW))).toEqual({
      minTimestamp: '2026-03-09T12:30:00Z',
      maxTimestamp: '2026-03-10T12:30:00Z',
      fromMs: Date.UTC(2026, 2, 9, 12, 30),
      toMs: Date.UTC(2026, 2, 10, 12, 30),
    });
    expect(ok(insightsWindow('30d', NOW)).minTimestamp).toBe('2026-02-08T12:30:00Z');
  });
  it('gives a revisit within the same 10 minutes the very same window (a cache hit, no request)', () => {
    const first = ok(insightsWindow('7d', Date.UTC(2026, 2, 10, 12, 30, 0)));
    expect(ok(insightsWindow('7d', Date.UTC(2026, 2, 10, 12, 39, 59, 999)))).toEqual(first);
    expect(ok(insightsWindow('7d', Date.UTC(2026, 2, 10, 12, 40))).maxTimestamp).toBe('2026-03-10T12:40:00Z');
  });
  it('is exactly 7 × 24 h across a daylight-saving change (all UTC)', () => {
    // US clocks moved on 2026-03-08; a UTC window does not notice
    const week = ok(insightsWindow('7d', NOW));
    expect(week.toMs - week.fromMs).toBe(7 * DAY);
    expect(week.minTimestamp).toBe('2026-03-03T12:30:00Z');
  });
  it('cuts custom ranges to whole seconds', () => {
    const w = ok(insightsWindow({ from: Date.UTC(2026, 2, 10, 0, 0, 0, 999), to: Date.UTC(2026, 2, 10, 6) }, NOW));
    expect([w.minTimestamp, w.maxTimestamp]).toEqual(['2026-03-10T00:00:00Z', '2026-03-10T06:00:00Z']);
  });
  it('clamps a custom start older than 31 days, and an end in the future', () => {
    const old = ok(insightsWindow({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 2, 1) }, NOW));
    // NOW − 31 days is 2026-02-07T12:34:56.789Z, rounded up to the second
    expect([old.minTimestamp, old.maxTimestamp]).toEqual(['2026-02-07T12:34:57Z', '2026-03-01T00:00:00Z']);
    const future = ok(insightsWindow({ from: NOW - HOUR, to: NOW + DAY }, NOW));
    expect(future.maxTimestamp).toBe('2026-03-10T12:34:56Z');
  });
  it('refuses ranges that are reversed, empty, too old, in the future or not numbers', () => {
    expect(error(insightsWindow({ from: NOW - HOUR, to: NOW - 2 * HOUR }, NOW))).toMatch(/before the end/);
    expect(error(insightsWindow({ from: NOW - HOUR, to: NOW - HOUR }, NOW))).toMatch(/before the end/);
    expect(error(insightsWindow({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 15) }, NOW))).toMatch(/31 days/);
    expect(error(insightsWindow({ from: NOW + HOUR, to: NOW + 2 * HOUR }, NOW))).toMatch(/future/);
    expect(error(insightsWindow({ from: Number.NaN, to: NOW }, NOW))).toMatch(/start and an end/);
    // less than a second long: nothing left once cut to seconds
    expect(insightsWindow({ from: NOW - 500, to: NOW - 100 }, NOW).ok).toBe(false);
  });
  it('gives the previous window of the same length, and says when GitHub no longer has it', () => {
    const day = ok(insightsWindow('24h', NOW));
    expect(previousWindow(day)).toMatchObject({ minTimestamp: '2026-03-08T12:30:00Z', maxTimestamp: '2026-03-09T12:30:00Z' });
    expect(isWithinHistory(previousWindow(ok(insightsWindow('7d', NOW))), NOW)).toBe(true);
    expect(isWithinHistory(previousWindow(ok(insightsWindow('30d', NOW))), NOW)).toBe(false);
  });
});

describe('increments', () => {
  it('chooses the finest step that keeps a chart within 300 points', () => {
    expect(chooseIncrement(DAY)).toBe('5m'); // 289 buckets at worst
    expect(chooseIncrement(7 * DAY)).toBe('1h'); // 30m would be 337
    expect(chooseIncrement(30 * DAY)).toBe('3h');
    expect(chooseIncrement(HOUR)).toBe('5m');
    expect(chooseIncrement(365 * DAY)).toBe('1d');
  });
  it('counts the extra bucket of an unaligned window at the boundary', () => {
    expect(chooseIncrement(299 * 5 * MIN)).toBe('5m');
    expect(chooseIncrement(300 * 5 * MIN)).toBe('10m');
    expect(chooseIncrement(DAY, 25)).toBe('1h');
  });
  it('steps up the ladder and stops at a day', () => {
    expect(coarserIncrement('5m')).toBe('10m');
    expect(coarserIncrement('12h')).toBe('1d');
    expect(coarserIncrement('1d')).toBeNull();
  });
  it('knows each step in ms', () => {
    expect(incrementMs('15m')).toBe(15 * MIN);
    expect(incrementMs('1d')).toBe(DAY);
  });
});

describe('fillTimeSeries', () => {
  const min = Date.UTC(2026, 2, 10, 10, 23);
  const max = Date.UTC(2026, 2, 10, 13, 0);
  const at = (h: number, m = 0) => Date.UTC(2026, 2, 10, h, m);

  it('fills every hour with zeros, sums points in one bucket and drops points outside', () => {
    const filled = fillTimeSeries(
      [
        { time: at(11), totalRequests: 5, rateLimitedRequests: 1 },
        { time: at(11, 30), totalRequests: 2, rateLimitedRequests: 0 },
        { time: at(9), totalRequests: 9, rateLimitedRequests: 9 },
        { time: at(13), totalRequests: 4, rateLimitedRequests: 4 },
      ],
      min,
      max,
      '1h',
    );
    expect(filled).toEqual([
      { time: at(10), totalRequests: 0, rateLimitedRequests: 0 },
      { time: at(11), totalRequests: 7, rateLimitedRequests: 1 },
      { time: at(12), totalRequests: 0, rateLimitedRequests: 0 },
    ]);
  });
  it('accepts points labelled from the window start', () => {
    const filled = fillTimeSeries([{ time: min, totalRequests: 3, rateLimitedRequests: 0 }], min, max, '1h');
    expect(filled.map((p) => p.totalRequests)).toEqual([3, 0, 0]);
  });
  it('aligns days to UTC midnight and handles empty input and empty windows', () => {
    const days = fillTimeSeries([], Date.UTC(2026, 2, 1, 5), Date.UTC(2026, 2, 3), '1d');
    expect(days.map((p) => p.time)).toEqual([Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 2)]);
    expect(fillTimeSeries([], max, min, '1h')).toEqual([]);
  });
});

describe('summaries', () => {
  it('gives the rate-limited share, unknown with no requests', () => {
    expect(rateLimitedShare({ totalRequests: 200, rateLimitedRequests: 50 })).toBe(0.25);
    expect(rateLimitedShare({ totalRequests: 0, rateLimitedRequests: 0 })).toBeNull();
  });
  it('compares a window with the previous one', () => {
    expect(
      compareInsights({ totalRequests: 150, rateLimitedRequests: 3 }, { totalRequests: 100, rateLimitedRequests: 0 }),
    ).toEqual({
      total: { current: 150, previous: 100, change: 0.5 },
      rateLimited: { current: 3, previous: 0, change: null },
      rateLimitedShare: { current: 0.02, previous: 0 },
    });
  });
});

describe('roundShare', () => {
  it('rounds a share to four decimals and keeps none as null', () => {
    expect(roundShare(0.01234567)).toBe(0.0123);
    expect(roundShare(rateLimitedShare({ totalRequests: 3, rateLimitedRequests: 1 }))).toBe(0.3333);
    expect(roundShare(rateLimitedShare({ totalRequests: 0, rateLimitedRequests: 0 }))).toBeNull();
    expect(roundShare(undefined)).toBeNull();
  });
});
