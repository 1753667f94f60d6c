import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDB } from 'idb';
import { PROTECTED_DB } from '../../utils/protectedStore';
import { createCache } from '../../utils/engine/cache';
import { createEngine } from '../../utils/engine/engine';
import { engineSettings } from '../../utils/engine';
import { createLiveSettings, type LiveSettings } from '../../utils/engine/liveSettings';
import { hostsItem, preferencesItem, tokensItem } from '../../utils/settings';
import type { Query, RepoStat } from '../../utils/protocol';
import { collect, fakeGitHub, flush, until, useFakeTime } from './engine-fakes';

const STATS: RepoStat[] = ['commit-activity', 'code-frequency', 'contributors', 'participation', 'punch-card'];
const TOKEN = 'ghp_' + 'c'.repeat(36);

let live: LiveSettings;
let reads: () => number;
let dbCount = 0;

beforeEach(() => {
  useFakeTime();
  // After setup.ts's fakeBrowser.reset(): the copy watches the fresh storage.
  live = createLiveSettings();
  // Preferences are in storage.sync; hosts and tokens in the protected store (protectedStore.ts).
  const sync = vi.spyOn(fakeBrowser.storage.sync, 'get');
  const hosts = vi.spyOn(hostsItem, 'getValue');
  const tokens = vi.spyOn(tokensItem, 'getValue');
  reads = () => sync.mock.calls.length + hosts.mock.calls.length + tokens.mock.calls.length;
});
afterEach(() => {
  live.stop();
  vi.useRealTimers();
});

function wiredEngine(github = fakeGitHub()) {
  const engine = createEngine({
    cache: createCache({ capBytes: async () => (await live.preferences.get()).cacheCapMB * 1024 * 1024, dbName: `engine-settings-${++dbCount}` }),
    fetch: github.fetch,
    ...engineSettings(live),
  });
  return { engine, github };
}

const repoStat = (repo: string, stat: RepoStat, host = 'github.com'): Query => ({ kind: 'repo-stats', host, owner: 'acme', repo, stat });

async function visit(engine: ReturnType<typeof wiredEngine>['engine'], repo: string, host = 'github.com') {
  const panels = STATS.map((stat) => collect(engine, repoStat(repo, stat, host)));
  await until(() => panels.every((p) => p.last() !== undefined && p.last()?.state !== 'loading' && p.last()?.state !== 'computing'));
  await flush();
  for (const p of panels) p.watch.unwatch();
  return panels;
}

describe('the in-memory settings copy', () => {
  it('reads each setting once however many runs ask: the count does not grow with visits', async () => {
    const { engine } = wiredEngine();
    await visit(engine, 'one');
    const afterOne = reads();
    // hosts, tokens, preferences: one read each (before: 21 reads per cold repository visit).
    expect(afterOne).toBe(3);
    for (const repo of ['two', 'three', 'four', 'five']) await visit(engine, repo);
    expect(reads()).toBe(afterOne);
  });

  it('a worker started cold: concurrent first asks share one read and wait for it', async () => {
    await preferencesItem.setValue({ ...(await live.preferences.get()), freshnessMinutes: 42 });
    const fresh = createLiveSettings();
    const before = reads();
    const [a, b] = await Promise.all([fresh.preferences.get(), fresh.preferences.get()]);
    expect(a.freshnessMinutes).toBe(42);
    expect(b).toBe(a);
    expect(reads() - before).toBe(1);
    fresh.stop();
  });

  it('a change made through storage (the options page) is seen by the next run without reading again', async () => {
    const { engine, github } = wiredEngine();
    // A GHES host the copy does not know yet is refused.
    await live.hosts.get();
    const before = reads();
    await hostsItem.setValue({ gheCom: [], enterpriseServers: ['git.corp.example'] });
    await flush();
    await visit(engine, 'rocket', 'git.corp.example');
    expect(github.requests.filter((r) => r.url.startsWith('https://git.corp.example/api/v3/repos/acme/rocket/stats/'))).toHaveLength(5);

    // Preferences too: a freshness of 0 makes a revisit check again (10 would make it free).
    await visit(engine, 'fresh');
    const requests = github.requests.length;
    await visit(engine, 'fresh');
    expect(github.requests.length).toBe(requests);
    await preferencesItem.setValue({ ...(await live.preferences.get()), freshnessMinutes: 0 });
    await flush();
    await visit(engine, 'fresh');
    expect(github.requests.length).toBeGreaterThan(requests);
    // The engine read storage once for tokens and once for preferences (first use), never again.
    expect(reads() - before).toBe(2);
  });

  it('a host added a moment ago, not yet announced, is found by one more read', async () => {
    await live.hosts.get();
    // Written behind the item's back, so the copy hears nothing, as if the news were on its way.
    const db = await openDB(PROTECTED_DB);
    await db.put('items', { gheCom: [], enterpriseServers: ['git.corp.example'] }, 'hosts');
    db.close();
    expect((await live.hosts.get()).enterpriseServers).toEqual([]);
    const { engine, github } = wiredEngine();
    await visit(engine, 'rocket', 'git.corp.example');
    expect(github.requests.filter((r) => r.url.startsWith('https://git.corp.example/api/v3/'))).not.toHaveLength(0);
    expect((await live.hosts.get()).enterpriseServers).toEqual(['git.corp.example']);
  });

  it('a GHE.com host the user did not add is refused without a request, and served once added', async () => {
    const { engine, github } = wiredEngine();
    await hostsItem.setValue({ gheCom: ['other.ghe.com'], enterpriseServers: [] });
    await flush();
    const refused = collect(engine, repoStat('rocket', 'punch-card', 'acme.ghe.com'));
    await until(() => refused.last()?.state === 'error');
    expect(refused.last()?.meta.message).toMatch(/not set up for acme\.ghe\.com/);
    refused.watch.unwatch();
    expect(github.requests.filter((r) => r.url.includes('acme.ghe.com'))).toHaveLength(0);

    await hostsItem.setValue({ gheCom: ['other.ghe.com', 'acme.ghe.com'], enterpriseServers: [] });
    await flush();
    await visit(engine, 'rocket', 'acme.ghe.com');
    expect(github.requests.filter((r) => r.url.startsWith('https://api.acme.ghe.com/repos/acme/rocket/stats/'))).toHaveLength(5);
  });

  it('a change that lands while the first read is under way wins over that read', async () => {
    const fresh = createLiveSettings();
    const first = fresh.tokens.get();
    await tokensItem.setValue({ 'github.com': { token: TOKEN } });
    await first;
    await flush();
    expect((await fresh.tokens.get())['github.com']?.token).toBe(TOKEN);
    fresh.stop();
  });
});

describe('a token stored in this worker', () => {
  it('is used by the re-run at once (reload before credentialsChanged), and the old budget is forgotten', async () => {
    const { engine, github } = wiredEngine();
    const panel = collect(engine, repoStat('rocket', 'punch-card'));
    await until(() => panel.last()?.state === 'ready');
    await flush();
    expect(engine.governor.current('https://api.github.com')).toBeDefined();
    const forget = vi.spyOn(engine.governor, 'forget');

    // What utils/engine/index.ts `tokenChanged` does after the account handlers wrote the token.
    await tokensItem.setValue({ 'github.com': { token: TOKEN, status: { host: 'github.com', status: 'valid', login: 'mona' } } });
    await live.tokens.reload();
    engine.credentialsChanged('github.com');
    await until(() => github.requests.some((r) => r.headers.authorization === `Bearer ${TOKEN}`));
    await until(() => panel.last()?.state === 'ready' && forget.mock.calls.length > 0);
    expect(forget).toHaveBeenCalledWith('https://api.github.com');
    panel.watch.unwatch();
  });
});
