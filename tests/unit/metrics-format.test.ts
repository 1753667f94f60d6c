import { afterEach, describe, expect, it } from 'vitest';
import {
  formatChange,
  formatCompact,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRelativeTime,
  formatWeekLabel,
  hourLabel,
  weekdayName,
} from '../../utils/metrics/format';

const M = '\u2212';

describe('numbers', () => {
  it('is exact below 1,000 and compact above, never rounding up', () => {
    expect([0, 7, 999, 12.34].map(formatCompact)).toEqual(['0', '7', '999', '12.3']);
    expect([1000, 1234, 1299, 12_345, 123_456, 999_999].map(formatCompact)).toEqual(['1k', '1.2k', '1.2k', '12.3k', '123k', '999k']);
    expect([1_000_000, 3_456_789, 1.2e9].map(formatCompact)).toEqual(['1M', '3.4M', '1.2B']);
  });
  it('uses a real minus sign', () => {
    expect(formatCompact(-1234)).toBe(`${M}1.2k`);
    expect(formatCompact(-5)).toBe(`${M}5`);
    expect(formatNumber(-1234)).toBe(`${M}1,234`);
  });
  it('groups thousands', () => {
    expect([0, 999, 1234567, 1234.5].map(formatNumber)).toEqual(['0', '999', '1,234,567', '1,234.5']);
    expect(formatNumber(Number.NaN)).toBe('');
  });
  it('writes what Intl.NumberFormat (en-US, 2 decimals) writes, without building one', () => {
    const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
    // Halves on the decimal text, carries through nines, exponent notation both ways, 2^53 and beyond.
    const edges = [1.005, 2.675, 0.125, 0.995, 9.995, 999_999.999, 0.015, 1e-7, 5e-7, 1e-320, 3_255_395_428.885, 2 ** 53, 2 ** 53 + 2, 2 ** 70, 1e21, 1.5e22];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const values = [...edges, ...Array.from({ length: 3000 }, (_, i) => random() * 10 ** (i % 13)), ...Array.from({ length: 1000 }, () => Math.round(random() * 1e6) / 1000)];
    for (const value of values) {
      expect(formatNumber(value), String(value)).toBe(intl.format(value));
      expect(formatNumber(-value), String(-value)).toBe(value === 0 || intl.format(value) === '0' ? '0' : `${M}${intl.format(value)}`);
    }
  });
});

describe('percentages', () => {
  it('rounds to whole percents, halves away from zero', () => {
    expect(formatPercent(0.12)).toBe('12%');
    expect(formatPercent(0.145)).toBe('15%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(0)).toBe('0%');
  });
  it('signs changes with + and a real minus', () => {
    expect(formatPercent(0.12, { signed: true })).toBe('+12%');
    expect(formatPercent(-0.08, { signed: true })).toBe(`${M}8%`);
    expect(formatPercent(0.004, { signed: true })).toBe('0%');
  });
  it('does not show a small share as none', () => {
    expect(formatPercent(0.004)).toBe('<1%');
  });
  it('says new when there is nothing to compare with', () => {
    expect(formatChange(null)).toBe('new');
    expect(formatChange(0.5)).toBe('+50%');
  });
});

describe('names and labels', () => {
  it('names weekdays Sunday first, and hours on the 24-hour clock', () => {
    expect(weekdayName(0)).toBe('Sunday');
    expect(weekdayName(2)).toBe('Tuesday');
    expect(weekdayName(2, 'short')).toBe('Tue');
    expect(weekdayName(9)).toBe('');
    expect(hourLabel(14)).toBe('14:00');
    expect(hourLabel(9)).toBe('09:00');
  });
  it('labels a stats week in UTC', () => {
    expect(formatWeekLabel(Date.UTC(2026, 2, 3) / 1000)).toBe('Mar 3');
  });
});

describe('date-times', () => {
  const original = process.env.TZ;
  afterEach(() => {
    // Assigning undefined would store the string "undefined" (an unknown zone, read as UTC).
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('formats UTC whatever the machine zone is', () => {
    process.env.TZ = 'America/New_York';
    expect(formatDateTime(Date.UTC(2026, 2, 3, 14, 5), { utc: true })).toBe('Mar 3, 2026 14:05 UTC');
  });
  it('formats local time in the machine zone', () => {
    process.env.TZ = 'Asia/Tokyo'; // UTC+9, no daylight saving
    expect(formatDateTime(Date.UTC(2026, 2, 3, 14, 5), { utc: false })).toBe('Mar 3, 2026 23:05');
  });
});

describe('relative times', () => {
  const now = Date.UTC(2026, 2, 10, 12, 0);
  const s = 1000;
  const min = 60 * s;

  it('counts minutes down for the past and up for the future', () => {
    expect(formatRelativeTime(now + 3 * min, now)).toBe('in 3 min');
    expect(formatRelativeTime(now + 2 * min + 30 * s, now)).toBe('in 3 min');
    expect(formatRelativeTime(now + 30 * s, now)).toBe('in 1 min');
    expect(formatRelativeTime(now - 5 * min - 59 * s, now)).toBe('5 min ago');
    expect(formatRelativeTime(now - 30 * s, now)).toBe('just now');
    expect(formatRelativeTime(now, now)).toBe('just now');
  });
  it('moves to hours and days', () => {
    expect(formatRelativeTime(now - 60 * min, now)).toBe('1 hour ago');
    expect(formatRelativeTime(now - 150 * min, now)).toBe('2 hours ago');
    expect(formatRelativeTime(now + 25 * 60 * min, now)).toBe('in 1 day');
    expect(formatRelativeTime(now - 72 * 60 * min, now)).toBe('3 days ago');
  });
});
