import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimitGovernor } from '../../utils/engine/rateLimitGovernor';
import type { ResponseInfo } from '../../utils/github/client';
import { collect, repoQuery, setup, until, useFakeTime } from './engine-fakes';

beforeEach(useFakeTime);
afterEach(() => vi.useRealTimers());

const API = 'https://api.github.com';
const info = (status: number, extra: Partial<ResponseInfo> = {}): ResponseInfo => ({ status, headers: new Headers(), ...extra });
const rate = (remaining: number, limit = 5000, resetIn = 3_600_000) => ({
  limit,
  remaining,
  resetAt: Date.now() + resetIn,
  resource: 'core',
});

describe('rate-limit governor', () => {
  it('honours retry-after', () => {
    const g = createRateLimitGovernor();
    const answer = info(403, { retryAfter: 7 });
    expect(g.isRateLimited(403, 'You have exceeded a secondary rate limit', answer)).toBe(true);
    expect(g.limited(API, answer)).toBe(Date.now() + 7000);
    expect(g.blockedUntil(API, 'interactive')).toBe(Date.now() + 7000);
    vi.advanceTimersByTime(7000);
    expect(g.blockedUntil(API, 'interactive')).toBeNull();
  });

  it('waits for the reset when the budget is spent', () => {
    const g = createRateLimitGovernor();
    const answer = info(403, { rate: rate(0, 5000, 120_000) });
    g.observe(API, answer);
    expect(g.isRateLimited(403, 'API rate limit exceeded', answer)).toBe(true);
    const until = g.limited(API, answer);
    expect(until).toBeGreaterThanOrEqual(Date.now() + 120_000);
    expect(g.blockedUntil(API, 'interactive')).toBe(until);
  });

  it('waits at least a minute for a secondary limit without hints, doubling while it repeats', () => {
    const g = createRateLimitGovernor();
    const answer = info(429);
    expect(g.limited(API, answer)).toBe(Date.now() + 60_000);
    vi.advanceTimersByTime(60_000);
    expect(g.limited(API, answer)).toBe(Date.now() + 120_000);
    vi.advanceTimersByTime(120_000);
    g.succeeded(API);
    expect(g.limited(API, answer)).toBe(Date.now() + 60_000);
  });

  it('tells a permission 403 from a rate limit', () => {
    const g = createRateLimitGovernor();
    expect(g.isRateLimited(403, 'Resource not accessible by personal access token', info(403, { rate: rate(4000) }))).toBe(false);
    expect(g.isRateLimited(404, 'Not Found', info(404))).toBe(false);
  });

  it('keeps the last 10% for interactive work: background waits for the reset', () => {
    const g = createRateLimitGovernor();
    g.observe(API, info(200, { rate: rate(499) }));
    expect(g.blockedUntil(API, 'interactive')).toBeNull();
    expect(g.blockedUntil(API, 'background')).toBe(Date.now() + 3_600_000);
    g.observe(API, info(200, { rate: rate(500) }));
    expect(g.blockedUntil(API, 'background')).toBeNull();
  });

  it('forget clears the budget and the block of one API base only', () => {
    const g = createRateLimitGovernor();
    const OTHER = 'https://git.corp.example/api/v3';
    const spent = info(403, { rate: rate(0, 60) });
    g.observe(API, spent);
    g.limited(API, spent);
    g.observe(OTHER, info(200, { rate: rate(0, 60) }));
    expect(g.blockedUntil(API, 'interactive')).not.toBeNull();
    g.forget(API);
    expect(g.blockedUntil(API, 'interactive')).toBeNull();
    expect(g.current(API)).toBeUndefined();
    expect(g.blockedUntil(OTHER, 'interactive')).not.toBeNull();
    expect(g.current(OTHER)).toMatchObject({ limit: 60, remaining: 0 });
  });

  it('an answer to a request sent before forget never writes into the new budget or blocks', () => {
    const g = createRateLimitGovernor();
    const OTHER = 'https://git.corp.example/api/v3';
    const sentAt = g.generation(API);
    const otherAt = g.generation(OTHER);
    g.forget(API);
    // The old identity's answers arrive now: spent budget, then a rate-limit answer.
    const spent = info(403, { rate: rate(0, 60), retryAfter: 60 });
    g.observe(API, spent, sentAt);
    expect(g.limited(API, spent, sentAt)).toBe(Date.now() + 60_000);
    g.succeeded(API, sentAt);
    expect(g.current(API)).toBeUndefined();
    expect(g.blockedUntil(API, 'interactive')).toBeNull();
    // Answers sent after the forget count; the other API base was never forgotten.
    g.observe(API, info(200, { rate: rate(4999) }), g.generation(API));
    expect(g.current(API)).toMatchObject({ limit: 5000, remaining: 4999 });
    g.observe(OTHER, info(200, { rate: rate(10, 60) }), otherAt);
    expect(g.current(OTHER)).toMatchObject({ limit: 60, remaining: 10 });
  });
});

describe('rate limits in the engine', () => {
  it('a 403 with retry-after shows rate-limited, then recovers by itself', async () => {
    const s = setup();
    s.github.script(/punch_card/, [{ status: 403, body: { message: 'You have exceeded a secondary rate limit' }, headers: { 'retry-after': '2' } }]);
    const w = collect(s.engine, repoQuery('punch-card'));
    await until(() => w.last()?.state === 'rate-limited');
    expect(w.last()?.meta.rateLimitedUntil).toBe(Date.now() + 2000);
    expect(w.last()?.meta.message).toBeTruthy();
    const sent = s.github.requests.length;
    await vi.advanceTimersByTimeAsync(1999);
    expect(s.github.requests.length).toBe(sent);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => w.last()?.state === 'ready');
  });

  it('keeps cached data while rate limited', async () => {
    const s = setup();
    const w = collect(s.engine, repoQuery('punch-card'));
    await until(() => w.last()?.state === 'ready');
    w.watch.unwatch();
    vi.advanceTimersByTime(11 * 60_000);
    s.github.state.head = 'c'.repeat(40);
    s.github.script(/punch_card/, [{ status: 429, body: { message: 'slow down' } }]);
    const again = collect(s.engine, repoQuery('punch-card'));
    await until(() => again.last()?.state === 'rate-limited');
    expect(again.last()?.data).toEqual([{ day: 0, hour: 1, commits: 2 }]);
    expect(again.last()?.meta.rateLimitedUntil).toBe(Date.now() + 60_000);
  });

  it('background work pauses under the 10% reserve while interactive work goes on', async () => {
    const s = setup();
    s.github.state.rate.remaining = 100;
    const first = collect(s.engine, repoQuery('participation', 'one'));
    await until(() => first.last()?.state === 'ready');
    const sent = s.github.requests.length;
    const bg = collect(s.engine, repoQuery('participation', 'two'), 'background');
    await until(() => bg.last()?.state === 'rate-limited');
    expect(s.github.requests.length).toBe(sent);
    const fg = collect(s.engine, repoQuery('participation', 'three'), 'interactive');
    await until(() => fg.last()?.state === 'ready');
  });

  it('serves the rate-limit query from the last headers, or GET /rate_limit when none are known', async () => {
    const s = setup();
    const w = collect(s.engine, { kind: 'rate-limit', host: 'github.com' });
    await until(() => w.last()?.state === 'ready');
    expect(w.last()?.data).toMatchObject({ limit: 5000, remaining: 4000, resource: 'core' });
    expect(s.github.requests.map((r) => r.path)).toEqual(['/rate_limit']);
    const p = collect(s.engine, repoQuery('punch-card'));
    await until(() => p.last()?.state === 'ready');
    expect(w.last()?.data).toMatchObject({ limit: 5000, remaining: 4999 });
  });
});
