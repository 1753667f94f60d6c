import { browser } from 'wxt/browser';
import type { HostId } from '../protocol';
import { createCache } from './cache';
import { createEngine, type Engine, type EngineDeps } from './engine';
import { createLiveSettings, hostFor, type LiveSettings } from './liveSettings';
import { credentialsFor } from './identity';
import { POLL_ALARM } from './statsPoller';

/**
 * The background's single engine, wired to the user's settings. Only the background imports
 * this: it is where the token is read.
 */

export type { Engine, Watch, Listener } from './engine';
export { registerCommandHandlers, dispatchCommand, cacheCommandHandlers, type CommandHandlers } from './commands';
export { POLL_ALARM } from './statsPoller';
export type { LiveSettings } from './liveSettings';
export { credentialsFor, tokenFingerprint } from './identity';

const MB = 1024 * 1024;

/** What the engine reads of the settings, from the in-memory copy. */
export function engineSettings(settings: LiveSettings): Pick<EngineDeps, 'resolveHost' | 'credentials' | 'settings'> {
  return {
    resolveHost: (id) => hostFor(settings, id),
    credentials: (host) => credentialsFor(settings, host),
    settings: () => settings.preferences.get(),
  };
}

/**
 * One alarm wakes the worker for every long wait (202 polls, rate-limit waits): the earliest is
 * kept, so a later wait never pushes back an earlier one (whatever runs then schedules again).
 */
async function wakeUpAt(when: number): Promise<void> {
  const current = await browser.alarms.get(POLL_ALARM).catch(() => undefined);
  if (current && current.scheduledTime > Date.now() && current.scheduledTime <= when) return;
  await browser.alarms.create(POLL_ALARM, { when });
}

let live: LiveSettings | null = null;
let engine: Engine | null = null;

/** The background's copy of hosts, tokens and preferences (see liveSettings.ts). */
export function getLiveSettings(): LiveSettings {
  live ??= createLiveSettings();
  return live;
}

export function getEngine(): Engine {
  const settings = getLiveSettings();
  engine ??= createEngine({
    cache: createCache({ capBytes: async () => (await settings.preferences.get()).cacheCapMB * MB }),
    ...engineSettings(settings),
    wakeUpAt: (when) => void wakeUpAt(when),
  });
  return engine;
}

/**
 * A token of `host` was stored, checked or removed (by the account handlers, in this worker):
 * the copy is re-read first, so the re-run cannot race the storage change event, then the engine
 * forgets the old identity's budgets and re-runs that host's live queries.
 */
export async function tokenChanged(host: HostId): Promise<void> {
  await getLiveSettings().tokens.reload();
  getEngine().credentialsChanged(host);
}
