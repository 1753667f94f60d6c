import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Query } from '../../utils/protocol';
import { createCache } from '../../utils/engine/cache';
import { createEngine } from '../../utils/engine/engine';
import { resolveHost } from '../../utils/github/hosts';
import { collect, flush, insightsTimeQuery, repoQuery, setup, until, useFakeTime } from './engine-fakes';

beforeEach(useFakeTime);
afterEach(() => vi.useRealTimers());

const settled = (w: ReturnType<typeof collect>) => () => {
  const s = w.last();
  return !!s && s.state !== 'loading' && s.state !== 'computing' && !(s.state === 'ready' && s.meta.stale && !s.meta.refreshProblem && !s.meta.offline);
};

async function answerWith(stat: Parameters<typeof repoQuery>[0], answer: Parameters<ReturnType<typeof setup>['github']['script']>[1][number], token?: string) {
  const s = setup({ token });
  s.github.script(/\/stats\//, [answer]);
  const w = collect(s.engine, repoQuery(stat));
  await until(settled(w));
  return { s, w, snapshot: w.last()! };
}


/** Lets a query's two network retries run (2 s, then 4 s after the attempt numbered `first`). */
async function runNetworkRetries(sent: () => number, first: number): Promise<void> {
  await until(() => sent() === first);
  await flush();
  await vi.advanceTimersByTimeAsync(2000);
  await until(() => sent() === first + 1);
  await flush();
  await vi.advanceTimersByTimeAsync(4000);
}

describe('errors to states', () => {
  it('401 with a token → no-access bad-token', async () => {
    const { snapshot } = await answerWith('punch-card', { status: 401, body: { message: 'Bad credentials' } }, 'tok');
    expect(snapshot).toMatchObject({ state: 'no-access', meta: { reason: 'bad-token', status: 401 } });
    expect(snapshot.meta.message).toMatch(/rejected the token/);
  });

  it('401 without a token → no-access no-token: nobody is told a token they never set was rejected', async () => {
    const { snapshot } = await answerWith('punch-card', { status: 401, body: { message: 'Requires authentication' } });
    expect(snapshot).toMatchObject({ state: 'no-access', meta: { reason: 'no-token', status: 401 } });
    expect(snapshot.meta.message).toMatch(/add one in Statboard's options/);
    expect(snapshot.meta.message).not.toMatch(/rejected/);
  });

  it('403 without rate-limit signs → no-access missing-permission', async () => {
    const { snapshot } = await answerWith('punch-card', { status: 403, body: { message: 'Resource not accessible by personal access token' } }, 'tok');
    expect(snapshot).toMatchObject({ state: 'no-access', meta: { reason: 'missing-permission' } });
  });

  it('403 without a token → no-access no-token: no sentence about a token the user never set', async () => {
    const { snapshot } = await answerWith('punch-card', { status: 403, body: { message: 'Must have push access to view repository statistics.' } });
    expect(snapshot).toMatchObject({ state: 'no-access', meta: { reason: 'no-token', status: 403 } });
    expect(snapshot.meta.message).toMatch(/add one in Statboard's options/);
    expect(snapshot.meta.message).not.toMatch(/your token/i);
  });

  it('API Insights without a token → no-token at once, without a request (it would spend one of the anonymous 60 on a 401)', async () => {
    const insights = insightsTimeQuery('1h');
    const anonymous = setup();
    const w = collect(anonymous.engine, insights);
    await until(settled(w));
    expect(w.last()).toMatchObject({ state: 'no-access', meta: { reason: 'no-token', message: "API Insights need a token: add one in Statboard's options." } });
    expect(anonymous.github.requests).toEqual([]);
    // With a token the same query is asked.
    const withToken = setup({ token: 'tok' });
    withToken.github.script(/time-stats/, [{ status: 200, body: [] }]);
    const t = collect(withToken.engine, insights);
    await until(settled(t));
    expect(withToken.github.requests.map((r) => new URL(r.url).pathname)).toEqual(['/orgs/acme/insights/api/time-stats']);
  });

  it('404 with a token → not-found; without a token → no-token with the private-repo sentence', async () => {
    const withToken = await answerWith('punch-card', { status: 404, body: { message: 'Not Found' } }, 'tok');
    expect(withToken.snapshot).toMatchObject({ state: 'no-access', meta: { reason: 'not-found' } });
    const anonymous = await answerWith('punch-card', { status: 404, body: { message: 'Not Found' } });
    expect(anonymous.snapshot).toMatchObject({
      state: 'no-access',
      meta: { reason: 'no-token', message: "This repository may be private: add a token in Statboard's options." },
    });
  });

  it('422 on code frequency → too-large (cached: a revisit costs nothing)', async () => {
    const { s, snapshot, w } = await answerWith('code-frequency', { status: 422, body: { message: 'too many commits' } });
    expect(snapshot.state).toBe('too-large');
    expect(snapshot.meta.message).toMatch(/10,000/);
    w.watch.unwatch();
    s.github.clear();
    const again = collect(s.engine, repoQuery('code-frequency'));
    await until(settled(again));
    expect(again.last()?.state).toBe('too-large');
    expect(s.github.requests).toHaveLength(0);
  });

  it('204 → empty', async () => {
    const { snapshot } = await answerWith('commit-activity', { status: 204 });
    expect(snapshot.state).toBe('empty');
    expect(snapshot.meta.message).toBeTruthy();
  });

  it('5xx is retried three times with backoff, then error retryable', async () => {
    const s = setup();
    s.github.script(/punch_card/, Array.from({ length: 4 }, () => ({ status: 502, body: { message: 'Bad Gateway' } })));
    const w = collect(s.engine, repoQuery('punch-card'));
    const sent = () => s.github.requests.filter((r) => r.path.endsWith('punch_card')).length;
    await until(() => sent() === 1);
    for (const wait of [1000, 2000, 4000]) {
      await until(() => false, 10).catch(() => undefined);
      await vi.advanceTimersByTimeAsync(wait);
    }
    await until(() => w.last()?.state === 'error');
    expect(sent()).toBe(4);
    expect(w.last()?.meta).toMatchObject({ retryable: true, status: 502 });
    // the retry action refetches
    w.watch.retry();
    await until(() => w.last()?.state === 'ready');
  });

  it('a network failure is retried twice (2 s, then 4 s), then error retryable with the message; never more', async () => {
    const s = setup();
    s.github.script(/punch_card/, Array.from({ length: 3 }, () => ({ status: 0, networkError: true })));
    const w = collect(s.engine, repoQuery('punch-card'));
    const sent = () => s.github.requests.filter((r) => r.path.endsWith('punch_card')).length;
    await until(() => sent() === 1);
    await flush();
    expect(w.last()?.state).toBe('loading');
    await vi.advanceTimersByTimeAsync(1999);
    expect(sent()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => sent() === 2);
    await flush();
    await vi.advanceTimersByTimeAsync(3999);
    expect(sent()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => w.last()?.state === 'error');
    expect(sent()).toBe(3);
    expect(w.last()).toMatchObject({ state: 'error', meta: { retryable: true, offline: true } });
    expect(w.last()?.meta.message).toMatch(/Could not reach GitHub\. Check your connection/);
    // Nothing but loading was shown before the attempts ran out.
    expect(w.snapshots.slice(0, -1).every((snap) => snap.state === 'loading')).toBe(true);
    // Bounded: no further attempt by itself.
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await flush();
    expect(sent()).toBe(3);
    // The retry action refetches (and gets its own retries again).
    w.watch.retry();
    await until(() => w.last()?.state === 'ready');
    expect(sent()).toBe(4);
  });

  it('a network failure that clears up within the retries never shows an error', async () => {
    const s = setup();
    s.github.script(/punch_card/, [{ status: 0, networkError: true }, { status: 0, networkError: true }]);
    const w = collect(s.engine, repoQuery('punch-card'));
    const sent = () => s.github.requests.filter((r) => r.path.endsWith('punch_card')).length;
    await runNetworkRetries(sent, 1);
    await until(() => w.last()?.state === 'ready');
    expect(sent()).toBe(3);
    expect(w.snapshots.some((snap) => snap.state === 'error')).toBe(false);
  });

  it('network failures with cached data: the data stays shown (stale), then ready + offline with the problem', async () => {
    const s = setup();
    const first = collect(s.engine, repoQuery('punch-card'));
    await until(() => first.last()?.state === 'ready');
    first.watch.unwatch();
    vi.advanceTimersByTime(11 * 60_000);
    s.github.script(/commits\/HEAD/, Array.from({ length: 3 }, () => ({ status: 0, networkError: true })));
    s.github.script(/punch_card/, Array.from({ length: 3 }, () => ({ status: 0, networkError: true })));
    const sent = () => s.github.requests.filter((r) => r.path.endsWith('punch_card')).length;
    const again = collect(s.engine, repoQuery('punch-card'));
    await runNetworkRetries(sent, 2);
    await until(settled(again));
    expect(sent()).toBe(4);
    expect(again.last()).toMatchObject({ state: 'ready', data: [{ day: 0, hour: 1, commits: 2 }], meta: { stale: true, offline: true } });
    expect(again.last()?.meta.refreshProblem?.state).toBe('error');
    // Every snapshot on the way had the cached data.
    expect(again.snapshots.every((snap) => snap.state === 'ready' && snap.data !== undefined)).toBe(true);
  });

  it('a 4xx and a timeout are not retried by themselves', async () => {
    const s = setup();
    s.github.script(/punch_card/, [{ status: 404, body: { message: 'Not Found' } }]);
    const w = collect(s.engine, repoQuery('punch-card'));
    await until(() => w.last()?.state === 'no-access');
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await flush();
    expect(s.github.requests.filter((r) => r.path.endsWith('punch_card'))).toHaveLength(1);

    let calls = 0;
    const hanging = ((_input: string | URL | Request, init?: RequestInit) => {
      calls++;
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }) as typeof fetch;
    const engine = createEngine({
      cache: createCache({ capBytes: () => 50 * 1024 * 1024, dbName: 'engine-errors-timeout' }),
      fetch: hanging,
      timeoutMs: 1000,
      resolveHost: async (id) => resolveHost(id, []),
      credentials: async () => ({ viewer: 'anonymous' }),
      settings: async () => ({ freshnessMinutes: 10, insightsTtlMinutes: 10 }),
    });
    const t = collect(engine, repoQuery('punch-card'));
    await until(() => calls === 1); // the stats (a cold visit checks no head)
    await vi.advanceTimersByTimeAsync(1000);
    await until(() => t.last()?.state === 'error');
    expect(t.last()?.meta.message).toMatch(/did not answer in time/);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    await flush();
    expect(calls).toBe(1);
  });

  it('a malformed answer is an error, is not cached, and never replaces good data', async () => {
    const s = setup();
    s.github.script(/punch_card/, [{ status: 200, raw: 'not json{' }]);
    const w = collect(s.engine, repoQuery('punch-card'));
    await until(settled(w));
    expect(w.last()).toMatchObject({
      state: 'error',
      meta: { message: 'GitHub sent an answer Statboard does not understand for punch card.' },
    });
    w.watch.unwatch();
    // not cached: the next visit asks again and gets good data
    const good = collect(s.engine, repoQuery('punch-card'));
    await until(() => good.last()?.state === 'ready');
    good.watch.unwatch();
    // a later bad answer keeps the good data
    vi.advanceTimersByTime(11 * 60_000);
    s.github.state.head = 'd'.repeat(40);
    s.github.script(/punch_card/, [{ status: 200, body: [[9, 99, 'x']] }]);
    const later = collect(s.engine, repoQuery('punch-card'));
    await until(settled(later));
    expect(later.last()).toMatchObject({ state: 'ready', data: [{ day: 0, hour: 1, commits: 2 }] });
    expect(later.last()?.meta.refreshProblem?.message).toMatch(/does not understand/);
    // and the cache still holds the good answer
    later.watch.unwatch();
    vi.advanceTimersByTime(60_000);
    const fromCache = collect(s.engine, repoQuery('punch-card'));
    await until(settled(fromCache));
    expect(fromCache.last()?.data).toEqual([{ day: 0, hour: 1, commits: 2 }]);
  });

  it('API Insights on Enterprise Server → no-access unsupported-host, without a request', async () => {
    const s = setup();
    const query: Query = {
      kind: 'org-insights', host: 'git.corp.example', org: 'acme', report: 'summary', scope: { type: 'org' },
      minTimestamp: '2026-05-25T00:00:00Z', maxTimestamp: '2026-06-01T00:00:00Z',
    };
    const w = collect(s.engine, query);
    await until(settled(w));
    expect(w.last()).toMatchObject({ state: 'no-access', meta: { reason: 'unsupported-host' } });
    expect(w.last()?.meta.message).toBeTruthy();
    expect(s.github.requests).toHaveLength(0);
  });

  it('an invalid query is an error and never reaches the network', async () => {
    const s = setup();
    const bad = [
      repoQuery('punch-card', '..'),
      { ...repoQuery('punch-card'), owner: '-acme' },
      { ...repoQuery('punch-card'), owner: 'acme/../../user' },
      { kind: 'org-insights', host: 'github.com', org: 'acme', report: 'time', scope: { type: 'org' }, minTimestamp: '2026-05-25', maxTimestamp: '2026-06-01T00:00:00Z', increment: '1h' },
    ] as Query[];
    for (const query of bad) {
      const w = collect(s.engine, query);
      await until(settled(w));
      expect(w.last()?.state).toBe('error');
      expect(w.last()?.meta.message).toMatch(/did not send/);
    }
    expect(s.github.requests).toHaveLength(0);
  });

  it('an unknown host is an error and never reaches the network', async () => {
    const s = setup();
    const w = collect(s.engine, { ...repoQuery('punch-card'), host: 'evil.example' });
    await until(settled(w));
    expect(w.last()?.state).toBe('error');
    expect(s.github.requests).toHaveLength(0);
  });

  it('every non-ready state carries a message', async () => {
    const answers = [401, 403, 404, 422, 204, 400].map((status) => ({ status, body: status === 204 ? undefined : { message: 'x' } }));
    for (const answer of answers) {
      const { snapshot } = await answerWith('code-frequency', answer, 'tok');
      expect(snapshot.state).not.toBe('ready');
      expect(snapshot.meta.message, `status ${answer.status}`).toBeTruthy();
    }
  });
});

describe('failures of our own never take away good data', () => {
  it('an answer that cannot be saved (IndexedDB full) is still shown', async () => {
    const s = setup();
    const put = vi.spyOn(s.cache, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const w = collect(s.engine, repoQuery('punch-card'));
    await until(settled(w));
    expect(put).toHaveBeenCalled();
    expect(w.last()).toMatchObject({ state: 'ready', data: [{ day: 0, hour: 1, commits: 2 }] });
  });

  it('an internal failure during a refresh keeps the data shown, marked stale with the problem', async () => {
    const s = setup();
    const w = collect(s.engine, repoQuery('punch-card'));
    await until(settled(w));
    // The next run fails inside the engine (here: the governor throws; a cache that cannot be
    // read is no longer a failure but a miss, see engine-hostile.test.ts).
    vi.spyOn(s.engine.governor, 'blockedUntil').mockImplementation(() => {
      throw new Error('broken');
    });
    w.watch.retry();
    await until(() => w.last()?.meta.refreshProblem !== undefined);
    expect(w.last()).toMatchObject({ state: 'ready', data: [{ day: 0, hour: 1, commits: 2 }], meta: { stale: true } });
    expect(w.last()?.meta.refreshProblem?.message).toMatch(/internal problem/);
  });
});
