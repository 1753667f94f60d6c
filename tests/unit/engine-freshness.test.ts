import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checksHeadWhenCold, checksHeadWhenStale, createConditionalStats } from '../../utils/engine/freshness';
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

/**
 * Makes the fake GitHub ignore If-None-Match on the stats endpoints, and lets the engine learn it
 * the way it would from GitHub: one stat of another repo, cold, then revalidated past its window
 * (a 200 with the ETag it sent). Leaves the request log empty.
 */
async function ignoringHost(s: ReturnType<typeof setup>) {
  s.github.state.conditionalStats = false;
  for (let i = 0; i < 2; i++) {
    const w = collect(s.engine, repoQuery('punch-card', 'probe'));
    await until(() => w.last()?.state === 'ready' && !w.last()?.meta.stale);
    w.watch.unwatch();
    vi.advanceTimersByTime(11 * MINUTE);
  }
  expect(s.github.requests.filter((r) => r.path.endsWith('/stats/punch_card')).map((r) => [r.status, r.headers['if-none-match'] ?? null])).toEqual([
    [200, null],
    [200, '"s-punch_card-1"'],
  ]);
  s.github.clear();
}

describe('repository freshness', () => {
  it('a cold repo costs one request per stat and nothing else (no head check)', async () => {
    const s = setup();
    await visitRepo(s);
    expect(s.github.requests.map((r) => r.path).sort()).toEqual([
      '/repos/acme/rocket/stats/code_frequency',
      '/repos/acme/rocket/stats/commit_activity',
      '/repos/acme/rocket/stats/contributors',
      '/repos/acme/rocket/stats/participation',
      '/repos/acme/rocket/stats/punch_card',
    ]);
    expect(s.github.counted()).toHaveLength(5);
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

  it('after the window each stat revalidates with its own ETag: five free 304s, nothing refetched', async () => {
    const s = setup();
    const first = await visitRepo(s);
    s.github.clear();
    vi.advanceTimersByTime(11 * MINUTE);
    const again = await visitRepo(s);
    expect(s.github.requests.map((r) => [r.path.split('/').pop(), r.status, r.headers['if-none-match']]).sort()).toEqual(
      ['code_frequency', 'commit_activity', 'contributors', 'participation', 'punch_card'].map((stat) => [stat, 304, `"s-${stat}-1"`]),
    );
    expect(s.github.counted()).toHaveLength(0);
    // stale copy at once, then confirmed, with the data of the first visit
    expect(again[0]?.snapshots.map((x) => [x.state, x.meta.stale ?? false])).toEqual([
      ['ready', true],
      ['ready', false],
    ]);
    expect(again.map((w) => w.last()?.data)).toEqual(first.map((w) => w.last()?.data));
    s.github.clear();
    vi.advanceTimersByTime(5 * MINUTE);
    await visitRepo(s);
    expect(s.github.requests).toHaveLength(0);
  });

  it('after a push, the conditional revalidation brings the new stats (GitHub recomputed them)', async () => {
    const s = setup();
    await visitRepo(s);
    s.github.clear();
    s.github.state.version = 2;
    vi.advanceTimersByTime(11 * MINUTE);
    await visitRepo(s);
    expect(s.github.requests.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(s.github.requests.filter((r) => r.path.includes('/commits/'))).toHaveLength(0);
    s.github.clear();
    vi.advanceTimersByTime(11 * MINUTE);
    await visitRepo(s);
    // the new ETags were kept: unchanged since, all free
    expect(s.github.requests.map((r) => [r.status, r.headers['if-none-match']?.endsWith('-2"')])).toEqual(Array(5).fill([304, true]));
  });

  it('a host that ignores If-None-Match on the stats is learnt from its answers: the head is checked instead, and then one free 304 revalidates all five', async () => {
    const s = setup();
    await ignoringHost(s);
    // cold: the stats plus one shared head check, so the next window costs nothing
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
    s.github.clear();
    vi.advanceTimersByTime(11 * MINUTE);
    const again = await visitRepo(s);
    expect(s.github.requests.map((r) => [r.path, r.status])).toEqual([['/repos/acme/rocket/commits/HEAD', 304]]);
    expect(s.github.requests[0]?.headers['if-none-match']).toBe(`"h-${'a'.repeat(40)}"`);
    expect(again[0]?.snapshots.map((x) => [x.state, x.meta.stale ?? false])).toEqual([
      ['ready', true],
      ['ready', false],
    ]);
    s.github.clear();
    vi.advanceTimersByTime(5 * MINUTE);
    await visitRepo(s);
    expect(s.github.requests).toHaveLength(0);
  });

  it('stats cached without a head, on a host found to ignore If-None-Match: the head is learnt once, then validates them', async () => {
    const s = setup();
    await visitRepo(s);
    s.github.clear();
    await ignoringHost(s);
    vi.advanceTimersByTime(11 * MINUTE);
    await visitRepo(s);
    const paths = s.github.requests.map((r) => r.path);
    expect(paths.filter((p) => p.endsWith('HEAD'))).toHaveLength(1);
    expect(paths.filter((p) => p.includes('/stats/'))).toHaveLength(5);
    s.github.clear();
    vi.advanceTimersByTime(11 * MINUTE);
    await visitRepo(s);
    expect(s.github.requests.map((r) => [r.path, r.status])).toEqual([['/repos/acme/rocket/commits/HEAD', 304]]);
  });

  it('a 422 (too many commits) has no ETag to send: past its window it records the head once, then that validates it for free', async () => {
    const s = setup();
    const tooLarge = { status: 422, body: { message: 'The statistics for this repository are not available because it has more than 10,000 commits.' } };
    s.github.script(/code_frequency/, [tooLarge, tooLarge]);
    const w = collect(s.engine, repoQuery('code-frequency'));
    await until(() => w.last()?.state === 'too-large');
    w.watch.unwatch();
    expect(s.github.requests.map((r) => r.path)).toEqual(['/repos/acme/rocket/stats/code_frequency']);
    for (const round of [1, 2]) {
      s.github.clear();
      vi.advanceTimersByTime(11 * MINUTE);
      const again = collect(s.engine, repoQuery('code-frequency'));
      await until(() => s.github.requests.length === (round === 1 ? 2 : 1));
      await flush();
      expect(again.last()?.state).toBe('too-large');
      again.watch.unwatch();
      if (round === 1) {
        expect(s.github.requests.map((r) => [r.path, r.status])).toEqual([
          ['/repos/acme/rocket/commits/HEAD', 200],
          ['/repos/acme/rocket/stats/code_frequency', 422],
        ]);
      } else {
        expect(s.github.requests.map((r) => [r.path, r.status])).toEqual([['/repos/acme/rocket/commits/HEAD', 304]]);
      }
    }
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
    await ignoringHost(s);
    await visitRepo(s);
    s.github.clear();
    vi.advanceTimersByTime(11 * MINUTE);
    // Another repo's cold visit fills the queue (two in flight: its stat and, on this host, its
    // head check): rocket's head check waits in it.
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
    await ignoringHost(s);
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
    await ignoringHost(s);
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
    expect(s.github.requests).toHaveLength(5);
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

describe('freshness decisions', () => {
  it("a host's conditional-request support is what its stats answers showed, weak or strong ETag", () => {
    const c = createConditionalStats();
    const api = 'https://api.github.com';
    expect(c.support(api)).toBe('unknown');
    // nothing sent, nothing learnt; a changed ETag is new data, not a refusal
    c.note(api, undefined, 200, 'W/"a"');
    c.note(api, 'W/"a"', 200, 'W/"b"');
    expect(c.support(api)).toBe('unknown');
    c.note(api, 'W/"a"', 304, undefined);
    expect(c.support(api)).toBe('honoured');
    c.note(api, 'W/"a"', 200, '"a"');
    expect(c.support(api)).toBe('ignored');
    expect(c.support('https://git.corp.example/api/v3')).toBe('unknown');
  });

  it('the head is checked only where it saves requests', () => {
    expect(checksHeadWhenCold('unknown', false)).toBe(false);
    expect(checksHeadWhenCold('honoured', false)).toBe(false);
    expect(checksHeadWhenCold('ignored', false)).toBe(true);
    expect(checksHeadWhenCold('ignored', true)).toBe(false);
    const withEtag = { status: 200, etag: 'W/"s1"' };
    expect(checksHeadWhenStale(withEtag, 'unknown')).toBe(false);
    expect(checksHeadWhenStale(withEtag, 'honoured')).toBe(false);
    expect(checksHeadWhenStale(withEtag, 'ignored')).toBe(true);
    expect(checksHeadWhenStale({ ...withEtag, headSha: 'a'.repeat(40) }, 'honoured')).toBe(true);
    // an answer without an ETag has nothing to revalidate with: the head can
    expect(checksHeadWhenStale({ status: 200 }, 'unknown')).toBe(true);
    // nor has a 204 or a 422 (too many commits)
    expect(checksHeadWhenStale({ status: 204 }, 'unknown')).toBe(true);
    expect(checksHeadWhenStale({ status: 422 }, 'honoured')).toBe(true);
  });
});
