import { describe, expect, it } from 'vitest';
import type { WatchEntry } from '../../utils/protocol';
import { entrySummary } from '../../utils/watchlist/view';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const HOUR = 60 * 60 * 1000;

function repo(latest: WatchEntry['latest']): WatchEntry {
  return { host: 'github.com', kind: 'repo', name: 'octo/hello', addedAt: 0, latest };
}

describe('entrySummary', () => {
  it('shows the numbers alone after a good refresh', () => {
    expect(entrySummary(repo({ refreshedAt: NOW, state: 'ready', fetchedAt: NOW - 3 * HOUR, total: 1234 }), NOW)).toBe('1.2k commits in 52 weeks');
    expect(entrySummary(repo({ refreshedAt: NOW, state: 'empty', fetchedAt: NOW, total: 0 }), NOW)).toBe('0 commits in 52 weeks');
  });

  it('says a refresh failed, and how old the kept numbers are', () => {
    const summary = entrySummary(
      repo({ refreshedAt: NOW, state: 'rate-limited', message: 'Rate limit used up until 13:00 UTC.', fetchedAt: NOW - 3 * HOUR, total: 1234 }),
      NOW,
    );
    expect(summary).toBe('1.2k commits in 52 weeks · Rate limit used up until 13:00 UTC. (numbers from 3 hours ago)');
  });

  it('names the failure even without a message, for an org too', () => {
    const entry: WatchEntry = {
      host: 'github.com',
      kind: 'org',
      name: 'acme',
      addedAt: 0,
      latest: { refreshedAt: NOW, state: 'error', fetchedAt: NOW - 2 * 24 * HOUR, total: 200, rateLimited: 50 },
    };
    expect(entrySummary(entry, NOW)).toBe('200 requests in 24 hours, 25% rate limited · last refresh failed (numbers from 2 days ago)');
  });

  it('leaves out the age when it is unknown, and shows only the reason when there are no numbers', () => {
    expect(entrySummary(repo({ refreshedAt: NOW, state: 'no-access', total: 5 }), NOW)).toBe('5 commits in 52 weeks · last refresh failed');
    expect(entrySummary(repo({ refreshedAt: NOW, state: 'no-access', message: 'No access.' }), NOW)).toBe('No access.');
    expect(entrySummary(repo(undefined), NOW)).toBe('Waiting for the first refresh');
  });
});
