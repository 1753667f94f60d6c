import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userAnswer } from './user-answer';
import { dispatchCommand, registerCommandHandlers, resetCommandHandlers } from '../../utils/engine/commands';
import { accountCommandHandlers } from '../../utils/account/handlers';
import { watchlistCommandHandlers } from '../../utils/watchlist/handlers';
import { createLiveSettings, type LiveSettings } from '../../utils/engine/liveSettings';
import { hostsItem, tokensItem } from '../../utils/settings';
import { watchlistItem } from '../../utils/watchlist/storage';
import type { TokenStatus, WatchEntry } from '../../utils/protocol';

const TOKEN = 'ghp_' + 's'.repeat(36);
const CORP_TOKEN = 'ghp_' + 'c'.repeat(36);

const fromPage = (url: string) => ({ from: 'content-script', sender: { url, tab: { id: 1 }, frameId: 0 } }) as const;
const extensionPage = { from: 'extension-page', sender: { url: 'chrome-extension://test-extension-id/popup.html' } } as const;

let live: LiveSettings;

beforeEach(async () => {
  live = createLiveSettings();
  resetCommandHandlers();
  registerCommandHandlers(accountCommandHandlers({ request: async () => userAnswer(200, {}, { login: 'mona' }) }));
  registerCommandHandlers(watchlistCommandHandlers({ fetchOnce: async () => ({ state: 'error', meta: {} }), settings: live }));
  await hostsItem.setValue({ gheCom: [], enterpriseServers: ['git.corp.example'] });
  const status = (host: string, login: string): TokenStatus => ({ host, status: 'valid', login, scopes: ['repo'], kind: 'classic', message: `Signed in as ${login}.`, warnings: [] });
  await tokensItem.setValue({
    'github.com': { token: TOKEN, status: status('github.com', 'mona'), login: 'mona' },
    'git.corp.example': { token: CORP_TOKEN, status: status('git.corp.example', 'corp-admin'), login: 'corp-admin' },
  });
  const entries: WatchEntry[] = [
    { host: 'github.com', kind: 'repo', name: 'acme/rocket', addedAt: 1, latest: { refreshedAt: 1, state: 'ready', total: 12 } },
    { host: 'git.corp.example', kind: 'repo', name: 'infra/payroll-secrets', addedAt: 2 },
  ];
  await watchlistItem.setValue(entries);
});
afterEach(() => {
  live.stop();
  resetCommandHandlers();
});

describe('what a content script may ask', () => {
  it('token.status: only for its own page’s host, and only whether a token is set', async () => {
    const page = fromPage('https://github.com/acme/rocket');
    expect(await dispatchCommand({ type: 'token.status', host: 'github.com' }, page)).toEqual({ host: 'github.com', status: 'valid' });
    await expect(dispatchCommand({ type: 'token.status', host: 'git.corp.example' }, page)).rejects.toThrow(/only ask about its own host/);
    // The options page still gets everything it shows.
    expect(await dispatchCommand({ type: 'token.status', host: 'git.corp.example' }, extensionPage)).toMatchObject({ login: 'corp-admin', scopes: ['repo'] });
  });

  it('watchlist.get: only its host’s entries, without their numbers', async () => {
    const list = (await dispatchCommand({ type: 'watchlist.get' }, fromPage('https://github.com/acme/rocket'))) as WatchEntry[];
    expect(list).toEqual([{ host: 'github.com', kind: 'repo', name: 'acme/rocket', addedAt: 1 }]);
    expect(JSON.stringify(list)).not.toContain('payroll');
    const corp = (await dispatchCommand({ type: 'watchlist.get' }, fromPage('https://git.corp.example/infra/payroll-secrets'))) as WatchEntry[];
    expect(corp.map((e) => e.name)).toEqual(['infra/payroll-secrets']);
  });

  it('watchlist.add / remove: only on its own host; the answer is scoped the same way', async () => {
    const page = fromPage('https://github.com/acme/rocket');
    await expect(
      dispatchCommand({ type: 'watchlist.add', entry: { host: 'git.corp.example', kind: 'repo', name: 'infra/other' } }, page),
    ).rejects.toThrow(/own host/);
    await expect(dispatchCommand({ type: 'watchlist.remove', host: 'git.corp.example', kind: 'repo', name: 'infra/payroll-secrets' }, page)).rejects.toThrow(/own host/);
    const added = (await dispatchCommand({ type: 'watchlist.add', entry: { host: 'github.com', kind: 'repo', name: 'acme/widgets' } }, page)) as WatchEntry[];
    expect(added.map((e) => `${e.host}/${e.name}`)).toEqual(['github.com/acme/widgets', 'github.com/acme/rocket']);
    expect((await watchlistItem.getValue()).map((e) => e.name)).toContain('infra/payroll-secrets');
  });

  it('a sender without a page URL gets nothing', async () => {
    await expect(dispatchCommand({ type: 'watchlist.get' }, { from: 'content-script' })).rejects.toThrow(/own host/);
  });

  it('the popup (an extension page) still sees the entries of every host', async () => {
    const list = (await dispatchCommand({ type: 'watchlist.get' }, extensionPage)) as WatchEntry[];
    expect(list.map((e) => e.name)).toEqual(['acme/rocket', 'infra/payroll-secrets']);
  });
});
