import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createLiveSettings } from '../../utils/engine/liveSettings';
import { resetProtectedStore } from '../../utils/protectedStore';
import { hostsItem, tokensItem } from '../../utils/settings';
import { watchlistItem } from '../../utils/watchlist/storage';

const TOKEN = 'ghp_' + 'p'.repeat(36);
const OTHER = 'ghp_' + 'q'.repeat(36);

/** Closes the database and forgets the watchers, keeping the data: what a worker restart does. */
const restartWorker = () => resetProtectedStore({ keepData: true });

afterEach(() => {
  delete (globalThis as { location?: unknown }).location;
});

describe('the protected store (tokens, hosts, watch list)', () => {
  it('moves the settings of earlier versions out of storage.local once, and deletes them there', async () => {
    await fakeBrowser.storage.local.set({
      tokens: { 'github.com': { token: TOKEN } },
      hosts: { gheCom: ['acme.ghe.com'], enterpriseServers: [] },
      watchlist: [{ host: 'github.com', kind: 'repo', name: 'acme/secret', addedAt: 1 }],
      panelUi: { collapsed: { repo: true, org: false } },
    });
    expect((await tokensItem.getValue())['github.com']?.token).toBe(TOKEN);
    expect(await hostsItem.getValue()).toEqual({ gheCom: ['acme.ghe.com'], enterpriseServers: [] });
    expect(await watchlistItem.getValue()).toHaveLength(1);
    const left = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(left)).toEqual(['panelUi']);
    expect(JSON.stringify(left)).not.toContain(TOKEN);
  });

  it('never reads storage.local again: a token or host written there later changes nothing the background uses', async () => {
    await tokensItem.setValue({ 'github.com': { token: TOKEN } });
    const live = createLiveSettings();
    expect((await live.tokens.get())['github.com']?.token).toBe(TOKEN);
    // What a content script can do: write storage.local.
    await fakeBrowser.storage.local.set({
      tokens: { 'github.com': { token: OTHER } },
      hosts: { gheCom: ['evil.ghe.com'], enterpriseServers: ['evil.example'] },
    });
    expect((await live.tokens.reload())['github.com']?.token).toBe(TOKEN);
    expect(await live.hosts.reload()).toEqual({ gheCom: [], enterpriseServers: [] });
    live.stop();
    // Nor after a restart of the worker (the migration is done once, not on every start).
    await restartWorker();
    const after = createLiveSettings();
    expect((await after.tokens.get())['github.com']?.token).toBe(TOKEN);
    expect(await after.hosts.get()).toEqual({ gheCom: [], enterpriseServers: [] });
    after.stop();
  });

  it('tells watchers in this context of a change', async () => {
    const seen: unknown[] = [];
    const stop = hostsItem.watch((next) => seen.push(next));
    await hostsItem.setValue({ gheCom: ['acme.ghe.com'], enterpriseServers: [] });
    stop();
    await hostsItem.setValue({ gheCom: [], enterpriseServers: [] });
    expect(seen).toEqual([{ gheCom: ['acme.ghe.com'], enterpriseServers: [] }]);
  });

  it('refuses to run in a web page (a content script would open the page’s own IndexedDB)', async () => {
    (globalThis as { location?: unknown }).location = { protocol: 'https:', href: 'https://github.com/acme' };
    await expect(tokensItem.getValue()).rejects.toThrow(/only for the background/);
    expect(() => hostsItem.watch(() => undefined)).toThrow(/only for the background/);
  });
});
