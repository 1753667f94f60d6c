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

describe('answers too large for the cache', () => {
  it('the client stops reading past the byte limit (declared or streamed) and says so', async () => {
    const { send } = await import('../../utils/github/client');
    const url = new URL('https://api.github.com/repos/a/b/stats/punch_card');
    const streamed = new Response(new ReadableStream({
      pull(controller) {
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    }));
    const fetchStream = (async () => streamed) as unknown as typeof fetch;
    const result = await send(url, 'https://api.github.com', { fetch: fetchStream, maxBytes: 1024 * 1024 });
    expect(result).toMatchObject({ kind: 'oversized', limitBytes: 1024 * 1024 });
    const declared = new Response('[]', { headers: { 'content-length': String(1e12) } });
    expect(await send(url, 'https://api.github.com', { fetch: (async () => declared) as unknown as typeof fetch })).toMatchObject({ kind: 'oversized' });
  });

  it('an oversized answer leaves the cached data shown and stored', async () => {
    const s = setup({ freshnessMinutes: 0 });
    const first = collect(s.engine, repoQuery('punch-card'));
    await until(() => first.last()?.state === 'ready' && !first.last()!.meta.stale);
    first.watch.unwatch();
    s.github.script(/\/stats\/punch_card/, [{ status: 200, raw: '[' + '[0,1,2],'.repeat(1_400_000) + '[0,1,2]]' }]);
    s.github.state.head = 'b'.repeat(40);
    const again = collect(s.engine, repoQuery('punch-card'));
    await until(() => !!again.last()?.meta.refreshProblem);
    expect(again.last()).toMatchObject({ state: 'ready', data: [{ day: 0, hour: 1, commits: 2 }] });
    expect(again.last()!.meta.refreshProblem!.message).toMatch(/too large: Statboard reads answers up to 10 MB/);
    // The good answer is still the stored one.
    expect((await s.cache.sizeReport()).bytes).toBeLessThan(1000);
  });

  it('an entry over a quarter of the cap is not stored, and the other entries stay', async () => {
    const cache = createCache({ capBytes: () => 1_000_000, dbName: 'share-cap' });
    for (let i = 0; i < 6; i++) await cache.put({ key: `k${i}`, status: 200, data: 'x'.repeat(100_000), fetchedAt: 1, validatedAt: 1 });
    expect(await cache.put({ key: 'big', status: 200, data: 'x'.repeat(600_000), fetchedAt: 1, validatedAt: 1 })).toBe(false);
    expect((await cache.sizeReport()).entries).toBe(6);
    expect(await cache.get('big')).toBeUndefined();
    // Within the share, eviction makes room but never takes the new entry or everything else.
    expect(await cache.put({ key: 'fits', status: 200, data: 'x'.repeat(240_000), fetchedAt: 1, validatedAt: 1 })).toBe(true);
    const report = await cache.sizeReport();
    expect(await cache.get('fits')).toBeDefined();
    expect(report.entries).toBeGreaterThan(1);
    expect(report.bytes).toBeLessThanOrEqual(1_000_000);
  });
});

describe('IndexedDB that cannot open', () => {
  it('is tried again later; meanwhile reads fail fast and the problem is said', async () => {
    const { openDB, deleteDB } = await import('idb');
    const { OPEN_RETRY_MS } = await import('../../utils/engine/cache');
    // A newer-version database, as a downgrade leaves it.
    (await openDB('downgraded', 99)).close();
    let t = 1_000_000;
    const cache = createCache({ capBytes: () => 1e9, dbName: 'downgraded', now: () => t });
    await expect(cache.get('k')).rejects.toBeTruthy();
    expect(cache.problem()).toMatch(/cannot open its saved answers .*VersionError.*fetch from GitHub on every visit/);
    await deleteDB('downgraded');
    await expect(cache.get('k')).rejects.toBeTruthy(); // not before the retry time
    t += OPEN_RETRY_MS;
    expect(await cache.get('k')).toBeUndefined();
    expect(cache.problem()).toBeNull();
    await cache.put({ key: 'k', status: 200, data: 1, fetchedAt: 1, validatedAt: 1 });
    expect((await cache.get('k'))?.data).toBe(1);
  });

  it('the engine treats a cache it cannot read as a miss and shows the network answer', async () => {
    const { openDB } = await import('idb');
    (await openDB('downgraded-engine', 99)).close();
    const cache = createCache({ capBytes: () => 1e9, dbName: 'downgraded-engine' });
    const s = setup({ cache });
    const w = collect(s.engine, repoQuery('punch-card'));
    await until(() => w.last()?.state === 'ready' || w.last()?.state === 'error');
    expect(w.last()).toMatchObject({ state: 'ready', data: [{ day: 0, hour: 1, commits: 2 }] });
    const { cacheCommandHandlers } = await import('../../utils/engine/commands');
    const report = await cacheCommandHandlers(cache)['cache.size']!({ type: 'cache.size' }, {} as never);
    expect(report).toMatchObject({ entries: 0, unavailable: expect.stringMatching(/cannot open its saved answers/) });
  });
});

describe('answers from another origin', () => {
  it('a redirect is never followed with a token, and a foreign final URL is discarded', async () => {
    const { send } = await import('../../utils/github/client');
    const url = new URL('https://api.github.com/repos/a/b/stats/punch_card');
    const seen: RequestInit[] = [];
    const foreign = new Response('[[0,1,2]]', { status: 200 });
    Object.defineProperty(foreign, 'url', { value: 'https://evil.example/x' });
    const fetchFn = (async (_u: string, init: RequestInit) => (seen.push(init), foreign)) as unknown as typeof fetch;
    expect(await send(url, 'https://api.github.com', { fetch: fetchFn })).toMatchObject({ kind: 'redirected' });
    expect(seen[0]!.redirect).toBe('follow');
    const opaque = new Response(null, { status: 302, headers: { location: 'https://evil.example/x' } });
    const fetchOpaque = (async (_u: string, init: RequestInit) => (seen.push(init), opaque)) as unknown as typeof fetch;
    expect(await send(url, 'https://api.github.com', { fetch: fetchOpaque, token: 'ghp_x' })).toMatchObject({ kind: 'redirected' });
    expect(seen[1]!.redirect).toBe('manual');
  });

  it('a redirected answer never replaces cached data', async () => {
    const s = setup({ freshnessMinutes: 0 });
    const first = collect(s.engine, repoQuery('punch-card'));
    await until(() => first.last()?.state === 'ready' && !first.last()!.meta.stale);
    first.watch.unwatch();
    s.github.script(/\/stats\/punch_card/, [{ status: 302, headers: { location: 'https://evil.example/' } }]);
    s.github.state.head = 'c'.repeat(40);
    const again = collect(s.engine, repoQuery('punch-card'));
    await until(() => !!again.last()?.meta.refreshProblem);
    expect(again.last()).toMatchObject({ state: 'ready', data: [{ day: 0, hour: 1, commits: 2 }] });
    expect(again.last()!.meta.refreshProblem!.message).toMatch(/redirect to another address/);
  });
});
