// Issue 12: hostile answers and headers must not make the engine spin, wipe the cache or lie.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../utils/engine/engine';
import { createRateLimitGovernor } from '../../utils/engine/rateLimitGovernor';
import { MAX_WAIT_MS, TIMER_MAX_MS, capUntil, safeDelay } from '../../utils/engine/safeTimer';
import { createCache } from '../../utils/engine/cache';
import { resolveHost } from '../../utils/github/hosts';
import { collect, fakeGitHub, flush, repoQuery, setup, until, useFakeTime } from './engine-fakes';

beforeEach(useFakeTime);
afterEach(() => vi.useRealTimers());

describe('long waits (retry-after, reset far away) never overflow a timer', () => {
  it('safeDelay: NaN, negative and huge delays become 0 .. one hour', () => {
    expect(safeDelay(Number.NaN)).toBe(0);
    expect(safeDelay(-5)).toBe(0);
    expect(safeDelay(Number.POSITIVE_INFINITY)).toBe(MAX_WAIT_MS);
    expect(safeDelay(3_000_000_000)).toBe(MAX_WAIT_MS);
    expect(MAX_WAIT_MS).toBeLessThan(TIMER_MAX_MS);
    expect(capUntil(1e23, 1000)).toBe(1000 + MAX_WAIT_MS);
  });

  it('the governor holds requests at most an hour, whatever retry-after or the reset say', () => {
    const g = createRateLimitGovernor();
    const api = 'https://api.github.com';
    const t = Date.now();
    expect(g.limited(api, { status: 403, headers: new Headers(), retryAfter: 3_000_000 })).toBe(t + MAX_WAIT_MS);
    g.forget(api);
    g.observe(api, { status: 200, headers: new Headers(), rate: { limit: 60, remaining: 0, resetAt: 1e23, resource: 'core' } });
    expect(g.blockedUntil(api, 'interactive')).toBe(t + MAX_WAIT_MS);
  });

  for (const [name, headers] of [
    ['retry-after: 3000000', { 'retry-after': '3000000' }],
    ['retry-after: 1e20', { 'retry-after': '1e20' }],
    ['x-ratelimit-reset far in the future', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1e20' }],
  ] as const) {
    it(`${name}: one rate-limited snapshot, no spin; asks again after an hour`, async () => {
      const s = setup();
      s.github.script(/\/stats\/punch_card/, [{ status: 403, body: { message: 'API rate limit exceeded' }, headers }]);
      const w = collect(s.engine, repoQuery('punch-card'));
      await until(() => w.last()?.state === 'rate-limited');
      const sent = s.github.requests.filter((r) => r.path.endsWith('punch_card')).length;
      // Three seconds of time with timers running: a spinning engine would ask and emit on and on.
      await vi.advanceTimersByTimeAsync(3000);
      await flush();
      expect(w.snapshots.length).toBeLessThan(6);
      expect(s.github.requests.filter((r) => r.path.endsWith('punch_card')).length).toBe(sent);
      const until_ = w.last()!.meta.rateLimitedUntil!;
      expect(until_).toBeLessThanOrEqual(Date.now() + MAX_WAIT_MS);
      expect(w.last()!.meta.message).not.toMatch(/Invalid/);
      // The long wait is handed to an alarm too (the worker may stop meanwhile).
      expect(s.wakeUps.some((when) => when === until_)).toBe(true);
      await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
      await until(() => w.last()?.state === 'ready');
    });
  }
});

describe('an address the client refuses to build', () => {
  it('is reported as what it is, at once, with no network retries', async () => {
    const github = fakeGitHub();
    const engine = createEngine({
      cache: createCache({ capBytes: () => 1e9, dbName: 'refused-address' }),
      fetch: github.fetch,
      // An API base that is not HTTPS: apiUrl refuses it (the token must never go over http).
      resolveHost: async (id) => {
        const host = resolveHost(id, []);
        return host ? { ...host, apiBase: 'http://api.github.com' } : null;
      },
      credentials: async () => ({ viewer: 'anonymous' }),
      settings: async () => ({ freshnessMinutes: 10, insightsTtlMinutes: 10 }),
    });
    const w = collect(engine, repoQuery('punch-card'));
    await until(() => w.last()?.state === 'error');
    expect(w.last()!.meta.message).toMatch(/did not send this request: it could not build a safe address/);
    expect(w.last()!.meta.message).not.toMatch(/connection/);
    expect(w.last()!.meta.retryable).toBe(false);
    const shown = w.snapshots.length;
    await vi.advanceTimersByTimeAsync(10_000);
    await flush();
    expect(w.snapshots.length).toBe(shown);
    expect(github.requests).toHaveLength(0);
  });
});
