import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPO_STATS } from '../../utils/protocol';
import { collect, fakeGitHub, flush, repoQuery, setup, until, useFakeTime } from './engine-fakes';

const MINUTE = 60_000;

beforeEach(useFakeTime);
afterEach(() => vi.useRealTimers());

async function visitRepo(s: ReturnType<typeof setup>) {
  const watches = REPO_STATS.map((stat) => collect(s.engine, repoQuery(stat)));
  await until(() => watches.every((w) => w.last()?.state === 'ready' && !w.last()?.meta.stale));
  for (const w of watches) w.watch.unwatch();
  return watches;
}

describe('repository freshness', () => {
  it('a cold repo costs one request per stat plus one shared head check', async () => {
    const s = setup();
    await visitRepo(s);
    expect(s.github.requests.map((r) => r.path).sort()).toEqual([
      '/repos/acme/rocket/commits/HEAD',
      '/repos/acme/rocket/stats/code_frequency',
      '/repos/acme/rocket/stats/commit_activity',
      '/repos/acme/rocket/stats/contributors',
      '/repos/acme/rocket/stats/participation',
      '/repos/acme/rocket/stats/punch_card',
    ]);
    expect(s.github.requests.find((r) => r.path.endsWith('HEAD'))?.headers.accept).toBe('application/vnd.github.sha');
  });

  it('a revisit within the window costs zero requests', async () => {
    const s = setup();
    await visitRepo(s);
    s.github.clear();
    vi.advanceTimersByTime(9 * MINUTE);
    const again = await visitRepo(s);
    expect(s.github.requests).toHaveLength(0);
    expect(again.every((w) => w.snapshots.length === 1)).toBe(true);
  });

  it('after the window one head check (304) revalidates all five stats without refetching', async () => {
    const s = setup();
    await visitRepo(s);
    s.github.clear();
    vi.advanceTimersByTime(11 * MINUTE);
    const again = await visitRepo(s);
    expect(s.github.requests.map((r) => [r.path, r.status])).toEqual([['/repos/acme/rocket/commits/HEAD', 304]]);
    expect(s.github.requests[0]?.headers['if-none-match']).toBe(`"h-${'a'.repeat(40)}"`);
    // stale copy at once, then confirmed
    expect(again[0]?.snapshots.map((x) => [x.state, x.meta.stale ?? false])).toEqual([
      ['ready', true],
      ['ready', false],
    ]);
    s.github.clear();
    vi.advanceTimersByTime(5 * MINUTE);
    await visitRepo(s);
    expect(s.github.requests).toHaveLength(0);
  });

  it('the shared head check stays wanted while any stat still waits on it', async () => {
    const github = fakeGitHub();
    const inner = github.fetch;
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let held = 0;
    github.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      if (String(input).includes('/repos/acme/other/')) {
        held++;
        await gate;
      }
      return inner(input, init);
    }) as typeof fetch;
    const s = setup({ github });
    await visitRepo(s);
    s.github.clear();
    vi.advanceTimersByTime(11 * MINUTE);
    // Another repo's cold visit fills the queue (two in flight): rocket's head check waits in it.
    const other = collect(s.engine, repoQuery('punch-card', 'other'));
    await until(() => held === 2);
    const watches = REPO_STATS.map((stat) => collect(s.engine, repoQuery(stat)));
    await until(() => watches.every((w) => w.last()?.state === 'ready' && w.last()?.meta.stale === true));
    await flush();
    // The first asker leaves while the check is still queued; four stats still wait on it.
    watches[0]!.watch.unwatch();
    open();
    await until(() => other.last()?.state === 'ready');
    const rest = watches.slice(1);
    await until(() => rest.every((w) => w.last()?.state === 'ready' && !w.last()?.meta.stale));
    const rocket = s.github.requests.filter((r) => r.path.startsWith('/repos/acme/rocket/'));
    expect(rocket.map((r) => [r.path, r.status])).toEqual([['/repos/acme/rocket/commits/HEAD', 304]]);
    expect(s.github.counted().filter((r) => r.path.startsWith('/repos/acme/rocket/'))).toHaveLength(0);
  });

  it('a stale revisit checks the head once, even when the check tells nothing', async () => {
    const s = setup();
    const first = collect(s.engine, repoQuery('punch-card'));
    await until(() => first.last()?.state === 'ready' && !first.last()?.meta.stale);
    first.watch.unwatch();
    s.github.clear();
    vi.advanceTimersByTime(11 * MINUTE);
    s.github.script(/commits\/HEAD/, [{ status: 0, networkError: true }]);
    const again = collect(s.engine, repoQuery('punch-card'));
    await until(() => again.last()?.state === 'ready' && !again.last()?.meta.stale);
    // The unknown head is the head the stats go with: no second check for the same visit.
    expect(s.github.requests.map((r) => r.path)).toEqual(['/repos/acme/rocket/commits/HEAD', '/repos/acme/rocket/stats/punch_card']);
  });

  it('a moved head refetches the stats with If-None-Match', async () => {
    const s = setup();
    await visitRepo(s);
    s.github.clear();
    s.github.state.head = 'b'.repeat(40);
    s.github.state.version = 2;
    vi.advanceTimersByTime(11 * MINUTE);
    await visitRepo(s);
    const paths = s.github.requests.map((r) => r.path);
    expect(paths.filter((p) => p.endsWith('HEAD'))).toHaveLength(1);
    const stats = s.github.requests.filter((r) => r.path.includes('/stats/'));
    expect(stats).toHaveLength(5);
    for (const r of stats) expect(r.headers['if-none-match']).toMatch(/^"s-\w+-1"$/);
    // the new head is recorded: the next window check is a free 304 and nothing else
    s.github.clear();
    vi.advanceTimersByTime(11 * MINUTE);
    await visitRepo(s);
    expect(s.github.requests.map((r) => r.status)).toEqual([304]);
  });

  it('API insights follow their TTL and revalidate with If-None-Match', async () => {
    const s = setup({ token: 't0k' });
    s.github.script(/summary-stats/, [
      { status: 200, body: { total_request_count: 5, rate_limited_request_count: 1 }, headers: { etag: '"i1"' } },
      { status: 304 },
    ]);
    const query = {
      kind: 'org-insights', host: 'github.com', org: 'acme', report: 'summary', scope: { type: 'org' },
      minTimestamp: '2026-05-25T00:00:00Z', maxTimestamp: '2026-06-01T00:00:00Z',
    } as const;
    const first = collect(s.engine, query);
    await until(() => first.last()?.state === 'ready');
    first.watch.unwatch();
    vi.advanceTimersByTime(5 * MINUTE);
    const second = collect(s.engine, query);
    await until(() => second.last()?.state === 'ready');
    second.watch.unwatch();
    expect(s.github.requests).toHaveLength(1);
    vi.advanceTimersByTime(6 * MINUTE);
    const third = collect(s.engine, query);
    await until(() => third.last()?.state === 'ready' && !third.last()?.meta.stale);
    expect(s.github.requests).toHaveLength(2);
    expect(s.github.requests[1]?.headers['if-none-match']).toBe('"i1"');
    expect(third.last()?.data).toEqual({ totalRequests: 5, rateLimitedRequests: 1 });
  });
});

describe('dedup and the queue', () => {
  it('two watchers of one query share one fetch and both get every snapshot', async () => {
    const s = setup();
    const a = collect(s.engine, repoQuery('punch-card'));
    const b = collect(s.engine, repoQuery('punch-card'));
    await until(() => a.last()?.state === 'ready' && b.last()?.state === 'ready');
    expect(s.github.requests.filter((r) => r.path.endsWith('punch_card'))).toHaveLength(1);
    expect(a.last()?.data).toEqual([{ day: 0, hour: 1, commits: 2 }]);
    expect(b.last()).toEqual(a.last());
  });

  it('ten watchers on one repo make one request per endpoint', async () => {
    const s = setup();
    const all = Array.from({ length: 10 }, () => REPO_STATS.map((stat) => collect(s.engine, repoQuery(stat)))).flat();
    await until(() => all.every((w) => w.last()?.state === 'ready'));
    expect(s.github.requests).toHaveLength(6);
    expect(s.engine.liveQueries).toBe(5);
  });

  it('work for a query nobody watches any more is dropped before it is sent', async () => {
    const s = setup();
    // Five cold repos: with two requests in flight, most wait in the queue.
    const watches = ['r1', 'r2', 'r3', 'r4', 'r5'].map((repo) => collect(s.engine, repoQuery('participation', repo)));
    for (const w of watches.slice(1)) w.watch.unwatch();
    await until(() => watches[0]!.last()?.state === 'ready');
    await until(() => s.engine.liveQueries === 0 || s.engine.liveQueries === 1);
    const sentFor = new Set(s.github.requests.map((r) => r.path.split('/')[3]));
    expect(sentFor.has('r1')).toBe(true);
    expect(sentFor.size).toBeLessThan(5);
    expect(s.engine.liveQueries).toBe(1);
  });
});
