import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCache } from '../../utils/engine/cache';
import { POLL_GIVE_UP_MS, pollDelay } from '../../utils/engine/statsPoller';
import { queryKey } from '../../utils/protocol';
import { collect, fakeGitHub, repoQuery, setup, until, useFakeTime } from './engine-fakes';

beforeEach(useFakeTime);
afterEach(() => vi.useRealTimers());

const STATS = /stats\/contributors/;

describe('202 poller', () => {
  it('backs off 1 s, doubling, capped at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 12].map(pollDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('shows computing with attempt and next try, asks again on schedule, ends ready', async () => {
    const s = setup();
    s.github.script(STATS, [{ status: 202, body: {} }, { status: 202, body: {} }, { status: 202, body: {} }]);
    const w = collect(s.engine, repoQuery('contributors'));
    await until(() => w.last()?.state === 'computing');
    const t0 = Date.now();
    expect(w.last()?.meta).toMatchObject({ attempt: 1, nextRetryAt: t0 + 1000 });
    expect(w.last()?.meta.message).toBeTruthy();
    expect(w.last()?.data).toBeUndefined();

    await vi.advanceTimersByTimeAsync(999);
    expect(s.github.requests.filter((r) => STATS.test(r.path))).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => w.last()?.meta.attempt === 2);
    expect(w.last()?.meta.nextRetryAt).toBe(Date.now() + 2000);
    await vi.advanceTimersByTimeAsync(2000);
    await until(() => w.last()?.meta.attempt === 3);
    expect(w.last()?.meta.nextRetryAt).toBe(Date.now() + 4000);
    await vi.advanceTimersByTimeAsync(4000);
    await until(() => w.last()?.state === 'ready');
    expect(s.github.requests.filter((r) => STATS.test(r.path))).toHaveLength(4);
    expect(await s.cache.polls.all()).toEqual([]);
  });

  it('gives up after about three minutes with a retryable message', async () => {
    const s = setup();
    s.github.script(STATS, Array.from({ length: 40 }, () => ({ status: 202, body: {} })));
    const w = collect(s.engine, repoQuery('contributors'));
    await until(() => w.last()?.state === 'computing');
    const start = Date.now();
    while (w.last()?.state === 'computing') {
      await vi.advanceTimersByTimeAsync(1000);
      await until(() => true);
      if (Date.now() - start > 10 * 60_000) throw new Error('never gave up');
    }
    await until(() => w.last()?.state === 'error');
    expect(Date.now() - start).toBeGreaterThanOrEqual(POLL_GIVE_UP_MS - 1000);
    expect(Date.now() - start).toBeLessThan(POLL_GIVE_UP_MS + 31_000);
    expect(w.last()?.meta).toMatchObject({
      retryable: true,
      message: 'GitHub is still computing these statistics; try again in a few minutes.',
    });
    // 1+2+4+8+16 s, then every 30 s until 3 minutes: 11 tries
    expect(s.github.requests.filter((r) => STATS.test(r.path))).toHaveLength(11);
    expect(s.wakeUps.length).toBeGreaterThan(0);
    expect(await s.cache.polls.all()).toEqual([]);
  });

  it('a poll persisted before the worker stopped resumes and ends ready', async () => {
    const github = fakeGitHub();
    github.script(STATS, [{ status: 202, body: {} }, { status: 202, body: {} }]);
    const dbName = 'poll-resume';
    const first = setup({ github, cache: createCache({ capBytes: () => 1e9, dbName }) });
    const w = collect(first.engine, repoQuery('contributors'));
    await until(() => w.last()?.meta.attempt === 1);
    const persisted = await first.cache.polls.all();
    expect(persisted).toHaveLength(1);
    expect(persisted[0]).toMatchObject({ attempt: 1, query: repoQuery('contributors') });

    // The worker stops: its timers are gone. A new engine over the same database wakes up.
    vi.clearAllTimers();
    const second = setup({ github, cache: createCache({ capBytes: () => 1e9, dbName }) });
    await second.engine.resumePolls();
    expect(second.engine.liveQueries).toBe(1);
    // The page reconnects and watches again: it joins the resumed poll (no extra request).
    const again = collect(second.engine, repoQuery('contributors'));
    expect(again.last()?.state).toBe('computing');
    expect(again.last()?.meta.attempt).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    await until(() => again.last()?.meta.attempt === 2);
    await vi.advanceTimersByTimeAsync(2000);
    await until(() => again.last()?.state === 'ready');
    expect(github.requests.filter((r) => STATS.test(r.path))).toHaveLength(3);
    expect(await second.cache.polls.all()).toEqual([]);
  });

  it('a resumed poll nobody watches still finishes and fills the cache', async () => {
    const github = fakeGitHub();
    github.script(STATS, [{ status: 202, body: {} }]);
    const dbName = 'poll-resume-unwatched';
    const first = setup({ github, cache: createCache({ capBytes: () => 1e9, dbName }) });
    collect(first.engine, repoQuery('contributors'));
    await until(() => github.requests.some((r) => STATS.test(r.path)));
    await until(() => first.engine.liveQueries === 1);
    await until(() => false, 20).catch(() => undefined);
    vi.clearAllTimers();
    const second = setup({ github, cache: createCache({ capBytes: () => 1e9, dbName }) });
    await second.engine.resumePolls();
    await vi.advanceTimersByTimeAsync(1000);
    await until(() => second.engine.liveQueries === 0);
    const later = collect(second.engine, repoQuery('contributors'));
    await until(() => later.last()?.state === 'ready');
    expect(github.requests.filter((r) => STATS.test(r.path))).toHaveLength(2);
  });

  it('a 202 that arrives after the last watcher left saves no poll: nothing is revived on wake-up', async () => {
    const github = fakeGitHub();
    github.script(STATS, [{ status: 202, body: {} }]);
    const inner = github.fetch;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    github.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      if (STATS.test(String(input))) await gate;
      return inner(input, init);
    }) as typeof fetch;
    const s = setup({ github, cache: createCache({ capBytes: () => 1e9, dbName: 'poll-orphan' }) });
    const w = collect(s.engine, repoQuery('contributors'));
    // The stats request is on the wire when the panel goes away.
    await until(() => s.engine.liveQueries === 1 && w.snapshots.length > 0);
    await until(() => false, 20).catch(() => undefined);
    w.watch.unwatch();
    expect(s.engine.liveQueries).toBe(0);
    open();
    await until(() => github.requests.some((r) => STATS.test(r.path) && r.status === 202));
    await until(() => false, 30).catch(() => undefined);
    expect(await s.cache.polls.all()).toEqual([]);
    expect(w.snapshots.some((snap) => snap.state === 'computing')).toBe(false);

    await s.engine.resumePolls();
    expect(s.engine.liveQueries).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(github.requests.filter((r) => STATS.test(r.path))).toHaveLength(1);
  });

  it('a saved poll for a host the user has since removed is dropped at start, not revived', async () => {
    const github = fakeGitHub();
    const cache = createCache({ capBytes: () => 1e9, dbName: 'poll-removed-host' });
    const gone = { kind: 'repo-stats', host: 'old.corp.example', owner: 'acme', repo: 'rocket', stat: 'contributors' } as const;
    const kept = repoQuery('contributors');
    const t = Date.now();
    await cache.polls.save({ key: queryKey(gone), query: gone, firstAt: t, attempt: 1, nextAt: t + 1000 });
    await cache.polls.save({ key: queryKey(kept), query: kept, firstAt: t, attempt: 1, nextAt: t + 1000 });
    // setup() serves github.com and git.corp.example only: the Enterprise Server old.corp.example was removed.
    const s = setup({ github, cache });
    await s.engine.resumePolls();
    expect(s.engine.liveQueries).toBe(1);
    expect((await cache.polls.all()).map((p) => p.query.host)).toEqual(['github.com']);
    await vi.advanceTimersByTimeAsync(1000);
    await until(() => github.requests.some((r) => STATS.test(r.path)));
    expect(github.requests.filter((r) => r.url.includes('old.corp.example'))).toHaveLength(0);
  });
});
