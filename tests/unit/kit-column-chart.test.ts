import { describe, expect, it } from 'vitest';
import { niceStep } from '../../components/kit/ColumnChart';

describe('ColumnChart niceStep', () => {
  it('rounds to 1, 2 or 5 times a power of ten, never below 1 (whole counts)', () => {
    expect([0, 0.4, 1, 1.5, 2, 2.1, 4, 5, 6, 10, 34, 67, 240, 999].map(niceStep)).toEqual([1, 1, 1, 2, 2, 5, 5, 5, 10, 10, 50, 100, 500, 1000]);
  });
  it('covers the maximum in three steps or fewer above zero', () => {
    for (const max of [1, 7, 99, 183, 2_510, 48_000]) {
      const step = niceStep(max / 3);
      expect(Math.ceil(max / step)).toBeLessThanOrEqual(4);
      expect(Math.ceil(max / step) * step).toBeGreaterThanOrEqual(max);
    }
  });
});
