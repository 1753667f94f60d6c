import { browser } from 'wxt/browser';
import { resolveHost, type GitHubHost } from '../github/hosts';
import { getPreferences, hostsItem, tokensItem } from '../settings';
import { createCache } from './cache';
import { createEngine, type Credentials, type Engine } from './engine';
import { POLL_ALARM } from './statsPoller';

/**
 * The background's single engine, wired to the user's settings. Only the background imports
 * this: it is where the token is read.
 */

export type { Engine, Watch, Listener } from './engine';
export { registerCommandHandlers, dispatchCommand, cacheCommandHandlers, type CommandHandlers } from './commands';
export { POLL_ALARM } from './statsPoller';

const MB = 1024 * 1024;

/** The token and viewer login for a host; the viewer separates cached answers per account. */
export async function credentialsFor(host: GitHubHost): Promise<Credentials> {
  const stored = (await tokensItem.getValue())?.[host.id];
  const token = stored?.token?.trim() || undefined;
  if (!token) return { viewer: 'anonymous' };
  return { token, viewer: stored?.status?.login ?? 'unchecked-token' };
}

export async function hostFor(id: string): Promise<GitHubHost | null> {
  const hosts = await hostsItem.getValue();
  return resolveHost(id, [...(hosts?.enterpriseServers ?? [])]);
}

let engine: Engine | null = null;

export function getEngine(): Engine {
  engine ??= createEngine({
    cache: createCache({ capBytes: async () => (await getPreferences()).cacheCapMB * MB }),
    resolveHost: hostFor,
    credentials: credentialsFor,
    settings: getPreferences,
    wakeUpAt: (when) => void browser.alarms.create(POLL_ALARM, { when }),
  });
  return engine;
}
