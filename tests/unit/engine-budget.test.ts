import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimitGovernor, INTERACTIVE_RESERVE, RESERVE_REQUESTS } from '../../utils/engine/rateLimitGovernor';
import { lowBudgetPollDelay, pollDelay } from '../../utils/engine/statsPoller';
import type { ResponseInfo } from '../../utils/github/client';
import { BUDGET_RESERVE_REQUESTS, BUDGET_RESERVE_SHARE, budgetNotice } from '../../utils/metrics/budget';
import type { Snapshot, Visibility } from '../../utils/protocol';
import { flush, repoQuery, setup, until, useFakeTime } from './engine-fakes';

// Spending the budget on what is seen (issue 17): offscreen watches cost nothing, prefetch only
// on a roomy budget, polls out of view stop below the reserve, and the headers are believed.

const API = 'https://api.github.com';
const rate = (remaining: number, limit = 60, resetAt = Date.now() + 3_600_000) =>
  ({ etag: undefined, rate: { limit, remaining, resetAt, resource: 'core' } }) as unknown as ResponseInfo;

function watchAs(s: ReturnType<typeof setup>, stat: Parameters<typeof repoQuery>[0], visibility: Visibility, repo = 'rocket') {
  const snapshots: Snapshot[] = [];
  const watch = s.engine.watch(repoQuery(stat, repo), 'interactive', (snap) => snapshots.push(snap), visibility);
  return { snapshots, watch, last: () => snapshots[snapshots.length - 1] };
}

const statRequests = (s: ReturnType<typeof setup>, stat: string) => s.github.requests.filter((r) => r.path.endsWith(`/stats/${stat}`));

describe('governor: the budget from the headers', () => {
  it('believes an answer that lowers remaining below its own expectation (others on the network spend it too)', () => {
    const g = createRateLimitGovernor();
    g.observe(API, rate(50));
    // We sent one request and expect 49; another program on the same IP spent 30 meanwhile.
    const done = g.sending(API);
    g.observe(API, rate(19));
    done();
    expect(g.current(API)?.remaining).toBe(19);
    g.observe(API, rate(14));
    expect(g.isLow(API)).toBe(true);
  });

  it('counts requests in flight: the last request left is never sent twice', () => {
    const g = createRateLimitGovernor();
    g.observe(API, rate(1));
    expect(g.blockedUntil(API, 'interactive')).toBeNull();
    const done = g.sending(API);
    expect(g.blockedUntil(API, 'interactive')).not.toBeNull();
    done();
    done(); // twice is harmless
    expect(g.blockedUntil(API, 'interactive')).toBeNull();
  });

  it('background waits below the reserve (15, or 10% of a large limit)', () => {
    const g = createRateLimitGovernor();
    g.observe(API, rate(RESERVE_REQUESTS));
    expect(g.blockedUntil(API, 'background')).toBeNull();
    g.observe(API, rate(RESERVE_REQUESTS - 1));
    expect(g.blockedUntil(API, 'background')).not.toBeNull();
    expect(g.blockedUntil(API, 'interactive')).toBeNull();
  });

  it('prefetch is affordable on a token-sized budget above the reserve; on the anonymous 60 never', () => {
    const g = createRateLimitGovernor();
    expect(g.canPrefetch(API, false)).toBe(false);
    expect(g.canPrefetch(API, true)).toBe(true);
    g.observe(API, rate(60, 60));
    expect(g.canPrefetch(API, true)).toBe(false);
    g.observe(API, rate(4000, 5000));
    expect(g.canPrefetch(API, false)).toBe(true);
    g.observe(API, rate(400, 5000));
    expect(g.canPrefetch(API, true)).toBe(false);
  });

  it('the panels warn at the same reserve the governor keeps', () => {
    expect(BUDGET_RESERVE_REQUESTS).toBe(RESERVE_REQUESTS);
    expect(BUDGET_RESERVE_SHARE).toBe(INTERACTIVE_RESERVE);
  });
});

describe('budget notice (what the panel and popup say)', () => {
  const at = new Date(2026, 5, 1, 14, 5).getTime();
  it('says what is left, when it comes back in local time, and what a token changes', () => {
    const n = budgetNotice({ limit: 60, remaining: 12, used: 48, resetAt: at, resource: 'core' }, at - 600_000);
    expect(n).toMatchObject({ level: 'low', back: 'They come back at 14:05. Saved statistics stay shown with their age.', token: 'A token raises the limit to 5,000 an hour.' });
    expect(n?.left).toMatch(/^12 of 60 requests left this hour/);
    expect(budgetNotice({ limit: 60, remaining: 0, used: 60, resetAt: at, resource: 'core' }, at - 1)?.level).toBe('spent');
  });
  it('is silent while the budget is healthy or past its reset; a token budget gets no token sentence', () => {
    expect(budgetNotice({ limit: 60, remaining: 15, used: 45, resetAt: at, resource: 'core' }, at - 1)).toBeNull();
    expect(budgetNotice({ limit: 60, remaining: 0, used: 60, resetAt: at, resource: 'core' }, at + 1)).toBeNull();
    expect(budgetNotice({ limit: 5000, remaining: 100, used: 4900, resetAt: at, resource: 'core' }, at - 1)?.token).toBeUndefined();
  });
});

describe('engine: fetch what is seen', () => {
  beforeEach(useFakeTime);
  afterEach(() => vi.useRealTimers());

  it('an offscreen watch requests nothing and says "not loaded yet"; seen, it is fetched at once', async () => {
    const s = setup();
    const w = watchAs(s, 'punch-card', 'offscreen');
    await until(() => w.last()?.meta.deferred === true);
    await flush();
    expect(w.last()).toMatchObject({ state: 'loading', meta: { deferred: true } });
    expect(s.github.requests).toHaveLength(0);
    w.watch.setVisibility('visible');
    await until(() => w.last()?.state === 'ready');
    expect(statRequests(s, 'punch_card')).toHaveLength(1);
  });

  it('an offscreen watch is served from the cache for free, with its age', async () => {
    const s = setup({ freshnessMinutes: 1 });
    const first = watchAs(s, 'punch-card', 'visible');
    await until(() => first.last()?.state === 'ready');
    first.watch.unwatch();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    s.github.clear();
    const w = watchAs(s, 'punch-card', 'offscreen');
    await until(() => w.last()?.meta.deferred === true);
    expect(w.last()).toMatchObject({ state: 'ready', meta: { stale: true, deferred: true } });
    expect(w.last()?.data).toBeDefined();
    expect(w.last()?.meta.fetchedAt).toBeLessThan(Date.now());
    expect(s.github.requests).toHaveLength(0);
  });

  it('prefetch: fetched on a token-sized budget, held back on the anonymous 60', async () => {
    const roomy = setup();
    const seen = watchAs(roomy, 'commit-activity', 'visible');
    await until(() => seen.last()?.state === 'ready');
    const ahead = watchAs(roomy, 'punch-card', 'prefetch');
    await until(() => ahead.last()?.state === 'ready');
    expect(statRequests(roomy, 'punch_card')).toHaveLength(1);

    const tight = setup();
    tight.github.state.rate = { limit: 60, remaining: 50 };
    const seen2 = watchAs(tight, 'commit-activity', 'visible');
    await until(() => seen2.last()?.state === 'ready');
    const ahead2 = watchAs(tight, 'punch-card', 'prefetch');
    await until(() => ahead2.last()?.meta.deferred === true);
    await flush();
    expect(statRequests(tight, 'punch_card')).toHaveLength(0);
  });

  it('a cold visit on the anonymous 60 makes no head check (nothing to validate yet)', async () => {
    const s = setup();
    s.github.state.rate = { limit: 60, remaining: 55 };
    // The budget is learnt from the first answer; the visit after it is the one measured.
    const first = watchAs(s, 'participation', 'visible', 'other');
    await until(() => first.last()?.state === 'ready');
    s.github.clear();
    const w = watchAs(s, 'commit-activity', 'visible');
    await until(() => w.last()?.state === 'ready');
    expect(s.github.requests.map((r) => r.path)).toEqual(['/repos/acme/rocket/stats/commit_activity']);
  });

  it('below the reserve: a poll out of view is not sent until the section is seen; a visible one backs off longer', async () => {
    const s = setup();
    s.github.state.rate = { limit: 60, remaining: 10 };
    s.github.script(/stats\/contributors/, [{ status: 202, body: {} }, { status: 202, body: {} }]);
    s.github.script(/stats\/code_frequency/, [{ status: 202, body: {} }, { status: 202, body: {} }]);
    const out = watchAs(s, 'contributors', 'visible');
    const seen = watchAs(s, 'code-frequency', 'visible');
    await until(() => out.last()?.state === 'computing' && seen.last()?.state === 'computing');
    // The visible one: the low-budget backoff, not 1 s.
    expect(seen.last()?.meta.nextRetryAt).toBe(Date.now() + lowBudgetPollDelay(1));
    expect(lowBudgetPollDelay(1)).toBeGreaterThan(pollDelay(1));
    out.watch.setVisibility('offscreen');
    await vi.advanceTimersByTimeAsync(lowBudgetPollDelay(1) + 100);
    await until(() => out.last()?.meta.deferred === true);
    await flush();
    expect(statRequests(s, 'contributors')).toHaveLength(1);
    expect(statRequests(s, 'code_frequency')).toHaveLength(2);
    // Seen again: the poll resumes at once.
    out.watch.setVisibility('visible');
    await until(() => statRequests(s, 'contributors').length === 2);
  });
});

describe('port protocol: which watches are seen', () => {
  it('accepts a watch with a visibility and a visibility change, refuses anything else', async () => {
    const { parseClientMessage } = await import('../../utils/protocolSchemas');
    const query = repoQuery('punch-card');
    expect(parseClientMessage({ type: 'watch', id: 'a', query, visibility: 'offscreen' })).toMatchObject({ visibility: 'offscreen' });
    expect(parseClientMessage({ type: 'watch', id: 'a', query })).not.toBeNull();
    expect(parseClientMessage({ type: 'visibility', id: 'a', visibility: 'prefetch' })).toEqual({ type: 'visibility', id: 'a', visibility: 'prefetch' });
    expect(parseClientMessage({ type: 'visibility', id: 'a', visibility: 'everywhere' })).toBeNull();
    expect(parseClientMessage({ type: 'visibility', id: 'a' })).toBeNull();
    expect(parseClientMessage({ type: 'watch', id: 'a', query, visibility: true })).toBeNull();
    expect(parseClientMessage({ type: 'visibility', id: 'a', visibility: 'visible', extra: 1 })).toBeNull();
  });
});
