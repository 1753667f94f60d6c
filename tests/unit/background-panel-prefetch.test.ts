import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../components/repo/sections';
import { createPanelPrefetch, panelQueries } from '../../utils/background/panelPrefetch';
import { queryKey, type RepoStat, type Snapshot } from '../../utils/protocol';
import { flush, setup, until } from './engine-fakes';

/**
 * The prefetch hold at injection time: the panel's own queries, read from the cache and kept in
 * memory for a few seconds, with no counted request for anything not seen.
 */

const PAGE = { kind: 'repo', host: 'github.com', owner: 'acme', repo: 'rocket', nwo: 'acme/rocket' } as const;
const ALL_ON = async () => ({});

describe('panelQueries', () => {
  it('are exactly the repository panel’s section queries, without the sections turned off', () => {
    const panel = SECTIONS.map((s) => queryKey(s.query(PAGE)));
    expect(panelQueries(PAGE, {}).map(queryKey).sort()).toEqual([...panel].sort());
    const off: Partial<Record<RepoStat, boolean>> = { contributors: false, 'punch-card': false };
    expect(panelQueries(PAGE, off).map(queryKey).sort()).toEqual(SECTIONS.filter((s) => off[s.id] !== false).map((s) => queryKey(s.query(PAGE))).sort());
  });

  it('ask for the section in view first and the contributors (the one large answer) last', () => {
    const stats = panelQueries(PAGE, {}).map((q) => (q.kind === 'repo-stats' ? q.stat : q.kind));
    expect(stats[0]).toBe('commit-activity');
    expect(stats.at(-1)).toBe('contributors');
    expect(panelQueries(PAGE, { contributors: false }).map((q) => (q.kind === 'repo-stats' ? q.stat : q.kind)).at(-1)).toBe('code-frequency');
  });

  it('for an organization, the Activity list', () => {
    expect(panelQueries({ kind: 'org', host: 'github.com', org: 'acme' }, {})).toEqual([{ kind: 'org-repos', host: 'github.com', org: 'acme' }]);
  });
});

describe('createPanelPrefetch', () => {
  it('a cold repository: the hold sends no request; the panel’s visible watch then fetches, never told "not loaded yet"', async () => {
    const { engine, github } = setup();
    const prefetch = createPanelPrefetch(engine, ALL_ON, 60_000);
    prefetch(PAGE);
    await until(() => prefetch.held === 5);
    await flush();
    expect(github.requests).toEqual([]);

    const seen: Snapshot[] = [];
    const query = panelQueries(PAGE, {})[0]!;
    engine.watch(query, 'interactive', (s) => seen.push(s), 'visible');
    await until(() => seen.at(-1)?.state === 'ready');
    expect(seen.some((s) => s.meta.deferred)).toBe(false);
    expect(github.requests.some((r) => r.path === '/repos/acme/rocket/stats/commit_activity')).toBe(true);
  });

  it('a visible watch that joins while a hold’s run is still under way is fetched too', async () => {
    const { engine } = setup();
    const query = panelQueries(PAGE, {})[0]!;
    const seen: Snapshot[] = [];
    // The panel's watch arrives at the worst moment: the hold was just told "not loaded yet" and
    // its run has not ended yet (the engine tells watchers inside the run).
    let joined = false;
    engine.watch(query, 'background', (s) => {
      if (joined || !s.meta.deferred) return;
      joined = true;
      engine.watch(query, 'interactive', (t) => seen.push(t), 'visible');
    }, 'offscreen');
    await until(() => seen.at(-1)?.state === 'ready');
    expect(joined).toBe(true);
    expect(seen.some((s) => s.meta.deferred)).toBe(false);
  });

  it('a warm repository: the panel’s first watch is answered at once, from memory, with no request', async () => {
    const { engine, github } = setup();
    // An earlier visit filled the cache.
    for (const query of panelQueries(PAGE, {})) {
      const done: Snapshot[] = [];
      const watch = engine.watch(query, 'interactive', (s) => done.push(s));
      await until(() => done.at(-1)?.state === 'ready');
      watch.unwatch();
    }
    expect(engine.liveQueries).toBe(0);
    const before = github.requests.length;

    const prefetch = createPanelPrefetch(engine, ALL_ON, 60_000);
    prefetch(PAGE);
    await until(() => prefetch.held === 5);
    await flush();
    const first: Array<Snapshot | undefined> = [];
    const all: Snapshot[][] = [];
    for (const query of panelQueries(PAGE, {})) {
      const got: Snapshot[] = [];
      engine.watch(query, 'interactive', (s) => got.push(s));
      first.push(got[0]); // delivered inside watch(): no cache read, no round trip
      all.push(got);
    }
    expect(first.map((s) => s?.state)).toEqual(['ready', 'ready', 'ready', 'ready', 'ready']);
    await flush();
    expect(github.requests.length).toBe(before);
    // The freshness re-check finds the same answer: not sent again (a big answer crosses the port once).
    expect(all.map((got) => got.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('holds nobody watched are let go', async () => {
    const { engine } = setup();
    const prefetch = createPanelPrefetch(engine, async () => ({ 'code-frequency': false }), 30);
    prefetch(PAGE);
    await until(() => prefetch.held === 4);
    expect(engine.liveQueries).toBe(4);
    await new Promise((r) => setTimeout(r, 80));
    await flush();
    expect(prefetch.held).toBe(0);
    expect(engine.liveQueries).toBe(0);
  });

  it('a second decision for the same page keeps one hold per query', async () => {
    const { engine } = setup();
    const prefetch = createPanelPrefetch(engine, ALL_ON, 60_000);
    prefetch(PAGE);
    prefetch(PAGE);
    await until(() => prefetch.held === 5);
    await flush();
    expect(prefetch.held).toBe(5);
  });
});

describe('a confirmed page', () => {
  it('with a token (roomy budget): the hold fetches what is missing at once, behind what is seen; the panel’s watch then gets it', async () => {
    const { engine, github } = setup({ token: 'ghp_test' });
    const prefetch = createPanelPrefetch(engine, ALL_ON, 60_000);
    prefetch(PAGE); // from the URL: cache only
    await until(() => prefetch.held === 5);
    await flush();
    expect(github.requests).toEqual([]);
    prefetch(PAGE, true); // the page's tags agree
    await until(() => github.counted().length === 5);
    expect(new Set(github.counted().map((r) => r.path))).toEqual(new Set(REPO_PATHS));
    const seen: Snapshot[] = [];
    engine.watch(panelQueries(PAGE, {})[0]!, 'interactive', (s) => seen.push(s), 'visible');
    await until(() => seen.at(-1)?.state === 'ready');
    await flush();
    expect(github.counted()).toHaveLength(5);
  });

  it('without a token (GitHub’s 60 an hour): still cache only', async () => {
    const { engine, github } = setup();
    github.state.rate = { limit: 60, remaining: 59 };
    // The budget is known to be the anonymous one (an earlier answer's headers said so).
    const warmup: Snapshot[] = [];
    const other = { kind: 'repo-stats', host: 'github.com', owner: 'acme', repo: 'other', stat: 'punch-card' } as const;
    const w = engine.watch(other, 'interactive', (s) => warmup.push(s), 'visible');
    await until(() => warmup.at(-1)?.state === 'ready');
    w.unwatch();
    const before = github.counted().length;
    const prefetch = createPanelPrefetch(engine, ALL_ON, 60_000);
    prefetch(PAGE, true);
    await until(() => prefetch.held === 5);
    await flush();
    expect(github.counted().length).toBe(before);
  });
});

const REPO_PATHS = ['commit_activity', 'code_frequency', 'contributors', 'participation', 'punch_card'].map((s) => `/repos/acme/rocket/stats/${s}`);
