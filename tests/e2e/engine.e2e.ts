/**
 * The background engine through the real built extension: an extension page speaks the port
 * protocol to the worker, the worker's requests go to MockGitHub. Request counts are printed
 * for the lead (cold / warm / after the freshness window).
 */
import type { Page } from '@playwright/test';
import { DEMO_TOKENS } from '../mock-github';
import { test, expect, writeProtected } from './fixtures';

const STATS = ['commit-activity', 'code-frequency', 'contributors', 'participation', 'punch-card'] as const;
const API = 'https://api.github.com';

type Snap = { state: string; data?: unknown; meta: Record<string, unknown> };

/** The few extension APIs these page/worker scripts use (they run in the browser, not in Node). */
interface ChromePort {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: { id: string; snapshot: Snap }) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}
declare const chrome: {
  runtime: { connect(info: { name: string }): ChromePort };
  storage: { local: { set(items: object): Promise<void> }; sync: { set(items: object): Promise<void> } };
};

/** Opens an extension page and installs a tiny port client (reconnects and re-watches like statboardClient). */
async function client(openExtensionPage: (path: string) => Promise<Page>): Promise<Page> {
  const tab = await openExtensionPage('manifest.json');
  await tab.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const snaps: Record<string, Snap[]> = {};
    const queries = new Map<string, unknown>();
    let port: ChromePort | null = null;
    const open = () => {
      const p = chrome.runtime.connect({ name: 'statboard' });
      p.onMessage.addListener((m: { id: string; snapshot: Snap }) => (snaps[m.id] ??= []).push(m.snapshot));
      p.onDisconnect.addListener(() => {
        port = null;
        // the worker stopped: reconnect (wakes it) and resume every watch
        for (const [id, query] of queries) ensure().postMessage({ type: 'watch', id, query });
      });
      return p;
    };
    const ensure = () => (port ??= open());
    w.snaps = snaps;
    w.watch = (id: string, query: unknown) => {
      queries.set(id, query);
      ensure().postMessage({ type: 'watch', id, query });
    };
    w.unwatchAll = () => {
      for (const id of queries.keys()) ensure().postMessage({ type: 'unwatch', id });
      queries.clear();
    };
  });
  return tab;
}

const repoQuery = (stat: string, repo = 'rocket') => ({ kind: 'repo-stats', host: 'github.com', owner: 'acme', repo, stat });

async function watch(tab: Page, id: string, query: unknown) {
  await tab.evaluate(([i, q]) => (window as unknown as { watch(i: string, q: unknown): void }).watch(i as string, q), [id, query] as const);
}

async function snaps(tab: Page, id: string): Promise<Snap[]> {
  return tab.evaluate((i) => (window as unknown as { snaps: Record<string, Snap[]> }).snaps[i] ?? [], id);
}

async function lastState(tab: Page, id: string): Promise<string | undefined> {
  const all = await snaps(tab, id);
  const last = all[all.length - 1];
  return last && (last.state === 'ready' && last.meta.stale ? 'ready-stale' : last.state);
}

async function watchRepo(tab: Page, prefix: string, repo = 'rocket') {
  for (const stat of STATS) await watch(tab, `${prefix}-${stat}`, repoQuery(stat, repo));
  for (const stat of STATS) await expect.poll(() => lastState(tab, `${prefix}-${stat}`), { timeout: 30_000 }).toBe('ready');
  await tab.evaluate(() => (window as unknown as { unwatchAll(): void }).unwatchAll());
}

/** Counted (non-304, non-/rate_limit) API requests per path, 202 polls aside. */
function countedPerPath(mock: { requests: { url: string; path: string; status: number; counted: boolean }[] }) {
  const out: Record<string, number> = {};
  for (const r of mock.requests) if (r.url.startsWith(API) && r.counted && r.status !== 202) out[r.path] = (out[r.path] ?? 0) + 1;
  return out;
}

test('cold repo: one request per endpoint and nothing else; warm: zero; after the freshness window: a free 304 per endpoint', async ({ worker, mock, openExtensionPage }) => {
  test.setTimeout(90_000); // it waits out a 12 s freshness window
  // A 12-second freshness window: long enough for the warm visit on a busy machine, short enough to pass.
  await worker.evaluate(() => chrome.storage.sync.set({ preferences: { freshnessMinutes: 0.2 } }));
  mock.addRepo({ owner: 'acme', name: 'rocket', computeAttempts: 1 });
  const tab = await client(openExtensionPage);

  await watchRepo(tab, 'cold');
  const coldDone = Date.now();
  const cold = countedPerPath(mock);
  expect(cold).toEqual({
    '/repos/acme/rocket/stats/commit_activity': 1,
    '/repos/acme/rocket/stats/code_frequency': 1,
    '/repos/acme/rocket/stats/contributors': 1,
    '/repos/acme/rocket/stats/participation': 1,
    '/repos/acme/rocket/stats/punch_card': 1,
  });
  const cold202 = mock.requests.filter((r) => r.status === 202).length;
  const coldTotal = mock.counted().length - cold202;

  mock.clearRequests();
  await watchRepo(tab, 'warm');
  const warm = mock.requests.filter((r) => r.url.startsWith(API)).length;
  expect(warm).toBe(0);

  await new Promise((r) => setTimeout(r, Math.max(0, coldDone + 12_500 - Date.now())));
  mock.clearRequests();
  await watchRepo(tab, 'later');
  const later = mock.requests.filter((r) => r.url.startsWith(API));
  // Each stat revalidated with its own ETag; GitHub counts none of the 304s.
  expect(later.map((r) => [r.path, r.status, !!r.headers['if-none-match']]).sort()).toEqual(STATS.map((s) => [`/repos/acme/rocket/stats/${s.replace('-', '_')}`, 304, true]).sort());
  expect(later.filter((r) => r.counted)).toHaveLength(0);

  console.log(
    `[engine request counts] cold: ${coldTotal} counted (+${cold202} 202 polls); warm revisit: ${warm}; ` +
      `after freshness window: ${later.length} request(s), ${later.filter((r) => r.counted).length} counted (conditional, 304)`,
  );
});

test.describe('a host whose stats endpoints ignore If-None-Match', () => {
  test.use({ mockOptions: { conditionalStats: false } });

  test('is learnt from its answers: the head is checked instead, then one free 304 validates the five stats', async ({ worker, mock, openExtensionPage }) => {
    test.setTimeout(90_000); // it waits out a 12 s freshness window twice
    await worker.evaluate(() => chrome.storage.sync.set({ preferences: { freshnessMinutes: 0.2 } }));
    mock.addRepo({ owner: 'acme', name: 'probe', weeks: 20 });
    const tab = await client(openExtensionPage);
    // One stat of another repository, cold and then past its window: a 200 with the ETag sent.
    await watch(tab, 'probe', repoQuery('punch-card', 'probe'));
    await expect.poll(async () => (await snaps(tab, 'probe')).at(-1)?.state, { timeout: 15_000 }).toBe('ready');
    await new Promise((r) => setTimeout(r, 12_500));
    await watch(tab, 'probe-again', repoQuery('punch-card', 'probe'));
    await expect.poll(async () => mock.requestsTo('/repos/acme/probe/stats/punch_card').map((r) => [r.status, !!r.headers['if-none-match']]), { timeout: 15_000 }).toEqual([[200, false], [200, true]]);

    mock.clearRequests();
    await watchRepo(tab, 'cold');
    const coldDone = Date.now();
    expect(countedPerPath(mock)).toEqual({
      '/repos/acme/rocket/commits/HEAD': 1,
      ...Object.fromEntries(STATS.map((s) => [`/repos/acme/rocket/stats/${s.replace('-', '_')}`, 1])),
    });
    await new Promise((r) => setTimeout(r, Math.max(0, coldDone + 12_500 - Date.now())));
    mock.clearRequests();
    await watchRepo(tab, 'later');
    const later = mock.requests.filter((r) => r.url.startsWith(API));
    expect(later.map((r) => [r.path, r.status])).toEqual([['/repos/acme/rocket/commits/HEAD', 304]]);
  });
});

test('ten watchers on one repo make one request per endpoint', async ({ mock, openExtensionPage }) => {
  const tabs = [await client(openExtensionPage), await client(openExtensionPage)];
  for (let i = 0; i < 10; i++) {
    const tab = tabs[i % 2]!;
    for (const stat of STATS) await watch(tab, `w${i}-${stat}`, repoQuery(stat));
  }
  // One evaluate per tab per poll: every watcher's last state.
  const states = async () =>
    (
      await Promise.all(
        tabs.map((tab) =>
          tab.evaluate(() => Object.values((window as unknown as { snaps: Record<string, Snap[]> }).snaps).map((list) => [list.length, list.at(-1)?.state, list.at(-1)?.meta.stale ?? false])),
        ),
      )
    ).flat();
  await expect
    .poll(async () => {
      const all = await states();
      return all.length === 50 && all.every(([, state, stale]) => state === 'ready' && !stale);
    }, { timeout: 30_000 })
    .toBe(true)
    .catch(async (e) => {
      console.log(JSON.stringify(await states()));
      throw e;
    });
  expect(Object.values(countedPerPath(mock))).toEqual([1, 1, 1, 1, 1]);
  console.log(`[engine request counts] ten watchers x five stats: ${mock.counted().length} counted requests`);
});

test('stopping the worker in the middle of a 202 sequence still ends ready', async ({ mock, openExtensionPage, stopWorker }) => {
  mock.addRepo({ owner: 'acme', name: 'slow', computeAttempts: 0 });
  const path = '/repos/acme/slow/stats/contributors';
  mock.script('GET', path, [{ status: 202, body: {} }, { status: 202, body: {} }, { status: 202, body: {} }, { status: 202, body: {} }]);
  const tab = await client(openExtensionPage);
  await watch(tab, 'c', repoQuery('contributors', 'slow'));
  await expect.poll(async () => (await snaps(tab, 'c')).some((s) => s.state === 'computing' && (s.meta.attempt as number) >= 2), { timeout: 15_000 }).toBe(true);
  await stopWorker();
  await expect.poll(() => lastState(tab, 'c'), { timeout: 35_000 }).toBe('ready');
  expect(mock.requestsTo(path).map((r) => r.status)).toEqual([202, 202, 202, 202, 200]);
});

test('a 403 with retry-after: 2 shows rate-limited, then ready', async ({ mock, openExtensionPage }) => {
  mock.script('GET', '/repos/acme/rocket/stats/punch_card', [
    { status: 403, headers: { 'retry-after': '2' }, body: { message: 'You have exceeded a secondary rate limit.' } },
  ]);
  const tab = await client(openExtensionPage);
  await watch(tab, 'p', repoQuery('punch-card'));
  await expect.poll(() => lastState(tab, 'p'), { timeout: 15_000 }).toBe('ready');
  const states = (await snaps(tab, 'p')).map((s) => s.state);
  expect(states).toContain('rate-limited');
  const limited = (await snaps(tab, 'p')).find((s) => s.state === 'rate-limited')!;
  expect(limited.meta.rateLimitedUntil).toEqual(expect.any(Number));
});

test('a malformed body is an error for that stat while the others are ready', async ({ mock, openExtensionPage }) => {
  mock.script('GET', '/repos/acme/rocket/stats/commit_activity', [{ status: 200, body: 'not json{', raw: true }]);
  const tab = await client(openExtensionPage);
  for (const stat of STATS) await watch(tab, stat, repoQuery(stat));
  await expect.poll(() => lastState(tab, 'commit-activity'), { timeout: 15_000 }).toBe('error');
  for (const stat of STATS.filter((s) => s !== 'commit-activity')) {
    await expect.poll(() => lastState(tab, stat), { timeout: 15_000 }).toBe('ready');
  }
  const error = (await snaps(tab, 'commit-activity')).at(-1)!;
  expect(error.meta.message).toBe('GitHub sent an answer Statboard does not understand for commit activity.');
});

test("requests carry GitHub's headers and the token, and the token goes nowhere else", async ({ worker, mock, page, openExtensionPage }) => {
  await writeProtected(worker, 'tokens', {
    'github.com': { token: DEMO_TOKENS.admin, status: { host: 'github.com', status: 'valid', login: 'mona' }, login: 'mona' },
  });
  const tab = await client(openExtensionPage);
  for (const stat of STATS) await watch(tab, stat, repoQuery(stat));
  for (const stat of STATS) await expect.poll(() => lastState(tab, stat), { timeout: 15_000 }).toBe('ready');
  // A GitHub page too, so page/avatar requests exist to check.
  await page.goto('https://github.com/acme/rocket');

  const api = mock.requests.filter((r) => r.url.startsWith(`${API}/`));
  expect(api.length).toBeGreaterThanOrEqual(5);
  for (const r of api) {
    expect(r.headers['accept']).toMatch(/^application\/vnd\.github(\+json|\.sha)$/);
    expect(r.headers['x-github-api-version']).toBe('2022-11-28');
    expect(r.headers['authorization']).toBe(`Bearer ${DEMO_TOKENS.admin}`);
  }
  const elsewhere = mock.requests.filter((r) => !r.url.startsWith(`${API}/`));
  expect(elsewhere.length).toBeGreaterThan(0);
  for (const r of elsewhere) expect(JSON.stringify(r.headers)).not.toContain(DEMO_TOKENS.admin);
});
