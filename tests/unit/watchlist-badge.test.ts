import { describe, expect, it } from 'vitest';
import { badgeCount, badgeText, markSeen } from '../../utils/watchlist/badge';
import type { WatchEntry } from '../../utils/protocol';

function org(name: string, lastRateLimitedAt: string | null | undefined): WatchEntry {
  return {
    host: 'github.com',
    kind: 'org',
    name,
    addedAt: 0,
    ...(lastRateLimitedAt === undefined ? {} : { latest: { refreshedAt: 1, state: 'ready', lastRateLimitedAt } }),
  };
}

const T0 = Date.parse('2026-01-10T10:00:00Z');

describe('badge rule', () => {
  it('counts orgs whose newest rate-limited request is newer than what the popup showed', () => {
    const shown = [org('a', '2026-01-10T08:00:00Z'), org('b', null), org('c', '2026-01-10T09:00:00Z')];
    const seen = markSeen(shown, T0);
    expect(badgeCount(shown, seen)).toBe(0);

    const later = [org('a', '2026-01-10T08:00:00Z'), org('b', '2026-01-10T06:00:00Z'), org('c', '2026-01-10T09:30:00Z')];
    // b: first rate limits ever (reported late, before the opening time); c: a newer one.
    expect(badgeCount(later, seen)).toBe(2);
  });

  it('ignores repositories and orgs without numbers or without rate limits', () => {
    const repo: WatchEntry = { host: 'github.com', kind: 'repo', name: 'o/r', addedAt: 0, latest: { refreshedAt: 1, state: 'ready', lastRateLimitedAt: '2026-01-10T11:00:00Z' } };
    expect(badgeCount([repo, org('x', undefined), org('y', null)], { marks: {} })).toBe(0);
  });

  it('compares an org pinned after the last opening with the opening time', () => {
    const seen = { openedAt: T0, marks: {} };
    expect(badgeCount([org('new', '2026-01-10T09:00:00Z')], seen)).toBe(0);
    expect(badgeCount([org('new', '2026-01-10T10:05:00Z')], seen)).toBe(1);
  });

  it('counts everything rate limited before the popup was ever opened', () => {
    expect(badgeCount([org('a', '2026-01-01T00:00:00Z'), org('b', null)], { marks: {} })).toBe(1);
  });

  it('hides the badge at zero and caps its text', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(3)).toBe('3');
    expect(badgeText(120)).toBe('99+');
  });
});
