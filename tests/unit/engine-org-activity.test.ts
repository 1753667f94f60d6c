import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Query } from '../../utils/protocol';
import { collect, setup, until, useFakeTime } from './engine-fakes';

const MINUTE = 60_000;

beforeEach(useFakeTime);
afterEach(() => vi.useRealTimers());

/** A participation query as the org's Activity asks it: with the list's pushed_at. */
const forOrg = (pushedAt: string, repo = 'rocket'): Query => ({
  kind: 'repo-stats', host: 'github.com', owner: 'acme', repo, stat: 'participation', pushedAt,
});

async function visit(s: ReturnType<typeof setup>, query: Query) {
  const w = collect(s.engine, query);
  await until(() => ['ready', 'rate-limited'].includes(w.last()?.state ?? '') && !w.last()?.meta.stale);
  w.watch.unwatch();
  return w;
}

describe('repository stats for an org’s activity (pushedAt)', () => {
  it('cost one request each: the list’s pushed_at stands in for the head check', async () => {
    const s = setup();
    await visit(s, forOrg('2026-11-30T10:00:00Z'));
    expect(s.github.requests.map((r) => r.path)).toEqual(['/repos/acme/rocket/stats/participation']);
  });

  it('past the window, an unchanged pushed_at keeps them current for free; a new one refetches (ETag)', async () => {
    const s = setup();
    await visit(s, forOrg('2026-11-30T10:00:00Z'));
    s.github.clear();
    vi.advanceTimersByTime(30 * MINUTE);
    await visit(s, forOrg('2026-11-30T10:00:00Z'));
    expect(s.github.requests).toHaveLength(0);
    vi.advanceTimersByTime(30 * MINUTE);
    await visit(s, forOrg('2026-11-30T12:00:00Z'));
    expect(s.github.requests.map((r) => r.path)).toEqual(['/repos/acme/rocket/stats/participation']);
    expect(s.github.requests[0]?.headers['if-none-match']).toBeTruthy();
  });

  it('leave the interactive reserve alone: held back (rate-limited, until the reset) once the budget is that low', async () => {
    const s = setup();
    s.github.state.rate = { limit: 60, remaining: 5 };
    // One answer teaches the governor the budget (5 of 60 left: under the 10 % reserve).
    await visit(s, { kind: 'repo-stats', host: 'github.com', owner: 'acme', repo: 'rocket', stat: 'punch-card' });
    s.github.clear();
    const held = await visit(s, forOrg('2026-11-30T10:00:00Z', 'other'));
    expect(held.last()?.state).toBe('rate-limited');
    expect(held.last()?.meta.rateLimitedUntil).toBeGreaterThan(Date.now());
    expect(s.github.requests).toHaveLength(0);
    // A page's own request (no pushedAt) still goes.
    await visit(s, { kind: 'repo-stats', host: 'github.com', owner: 'acme', repo: 'other', stat: 'participation' });
    expect(s.github.requests.some((r) => r.path === '/repos/acme/other/stats/participation')).toBe(true);
  });
});
