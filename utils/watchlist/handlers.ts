import { browser } from 'wxt/browser';
import type { WatchEntry } from '../protocol';
import { preferencesItem, withDefaultPreferences, type Preferences } from '../settings';
import { hostFor, type LiveSettings } from '../engine/liveSettings';
import { credentialsFor } from '../engine/identity';
import type { HostId } from '../protocol';
import type { CommandHandler } from '../engine/commands';
import { badgeCount, badgeText, markSeen } from './badge';
import { addWatchEntry, removeWatchEntry, watchKey } from './list';
import { refreshEntry, type FetchOnce } from './refresh';
import { watchlistItem, watchlistSeenItem } from './storage';

export const WATCH_ALARM = 'statboard-watchlist';

/**
 * What the watch list reads of the settings: the background's in-memory copy (liveSettings.ts).
 * Tokens tell whose numbers an entry holds (without them: anonymous).
 */
export type WatchlistSettings = Pick<LiveSettings, 'hosts' | 'preferences'> & Partial<Pick<LiveSettings, 'tokens'>>;

/** The identity the host's answers are fetched as now (utils/engine/identity.ts). */
async function identityOf(settings: WatchlistSettings, host: HostId): Promise<string> {
  return settings.tokens ? (await credentialsFor({ tokens: settings.tokens }, { id: host })).viewer : 'anonymous';
}

/**
 * The entries with only the numbers fetched under each host's current identity: numbers another
 * token fetched (a private repository's activity) are dropped, like that token's cached answers.
 */
export async function forCurrentIdentity(settings: WatchlistSettings, entries: readonly WatchEntry[]): Promise<WatchEntry[]> {
  const identities = new Map<HostId, string>();
  const out: WatchEntry[] = [];
  for (const entry of entries) {
    if (!entry.latest) {
      out.push(entry);
      continue;
    }
    if (!identities.has(entry.host)) identities.set(entry.host, await identityOf(settings, entry.host));
    if (entry.latest.identity === identities.get(entry.host)) out.push(entry);
    else {
      const { latest: _other, ...rest } = entry;
      out.push(rest);
    }
  }
  return out;
}

export interface WatchlistDeps {
  /** the engine's `fetchOnce(query, priority)`; called with `background` priority only */
  fetchOnce: FetchOnce;
  /** hosts and preferences, from the same copy the engine reads (no storage read per run) */
  settings: WatchlistSettings;
  /**
   * The engine's governor: whether an API base's budget is below its reserve. Background work
   * then does not start at all (the few requests left are the user's, for what they look at).
   */
  budgetLow?(apiBase: string): boolean;
  now?: () => number;
}

/** Sets the toolbar badge from the stored list and what the popup last showed. */
export async function updateBadge(): Promise<number> {
  const [entries, seen] = await Promise.all([watchlistItem.getValue(), watchlistSeenItem.getValue()]);
  const count = badgeCount(entries, seen);
  await browser.action.setBadgeText({ text: badgeText(count) });
  if (count > 0) await browser.action.setBadgeBackgroundColor({ color: '#cf222e' });
  return count;
}

let running: Promise<void> | null = null;

/**
 * Refreshes every watched entry, one after another (GitHub asks for serial requests), then
 * updates the badge. Overlapping calls share one run.
 */
export function refreshWatchlist(deps: WatchlistDeps, only?: (entry: WatchEntry) => boolean): Promise<void> {
  if (running && !only) return running;
  const run = (async () => {
    const now = deps.now ?? Date.now;
    // Older numbers of another identity are not "the numbers shown" that a failed refresh keeps.
    const entries = await forCurrentIdentity(deps.settings, (await watchlistItem.getValue()).filter((entry) => !only || only(entry)));
    const results = new Map<string, WatchEntry['latest']>();
    for (const entry of entries) {
      const host = await hostFor(deps.settings, entry.host);
      // Below the reserve: not started, the entry keeps its numbers (and their age) as they are.
      if (host && deps.budgetLow?.(host.apiBase)) continue;
      const identity = await identityOf(deps.settings, entry.host);
      const latest = await refreshEntry(entry, host, deps.fetchOnce, now());
      // The token changed while this entry refreshed: these numbers are the old identity's.
      if ((await identityOf(deps.settings, entry.host)) !== identity) continue;
      results.set(watchKey(entry), { ...latest, identity });
    }
    // Re-read: the user may have pinned or unpinned while the refresh ran.
    const current = await forCurrentIdentity(deps.settings, await watchlistItem.getValue());
    await watchlistItem.setValue(current.map((entry) => (results.has(watchKey(entry)) ? { ...entry, latest: results.get(watchKey(entry)) } : entry)));
    await updateBadge();
  })();
  if (!only) {
    running = run;
    void run.finally(() => {
      if (running === run) running = null;
    });
  }
  return run;
}

/** `watchlist.get/add/remove/refresh` and `popup.opened`. */
export function watchlistCommandHandlers(deps: WatchlistDeps): {
  'watchlist.get': CommandHandler<'watchlist.get'>;
  'watchlist.add': CommandHandler<'watchlist.add'>;
  'watchlist.remove': CommandHandler<'watchlist.remove'>;
  'watchlist.refresh': CommandHandler<'watchlist.refresh'>;
  'popup.opened': CommandHandler<'popup.opened'>;
} {
  const now = deps.now ?? Date.now;
  return {
    async 'watchlist.get'() {
      return forCurrentIdentity(deps.settings, await watchlistItem.getValue());
    },

    async 'watchlist.add'(command) {
      const list = await watchlistItem.getValue();
      const entry = command.entry;
      const host = await hostFor(deps.settings, String(entry?.host ?? ''));
      if (!host || (entry.kind !== 'repo' && entry.kind !== 'org') || typeof entry.name !== 'string') return forCurrentIdentity(deps.settings, list);
      const added = addWatchEntry(list, { host: host.id, kind: entry.kind, name: entry.name }, now());
      if (!added.ok) throw new Error(added.error);
      await watchlistItem.setValue(added.list);
      // Fill the new entry's numbers (from the cache when the panel already fetched them).
      const key = watchKey({ host: host.id, kind: entry.kind, name: entry.name });
      void refreshWatchlist(deps, (e) => watchKey(e) === key).catch(() => undefined);
      return forCurrentIdentity(deps.settings, added.list);
    },

    async 'watchlist.remove'(command) {
      const list = removeWatchEntry(await watchlistItem.getValue(), command);
      await watchlistItem.setValue(list);
      await updateBadge();
      return forCurrentIdentity(deps.settings, list);
    },

    async 'watchlist.refresh'() {
      await refreshWatchlist(deps);
      return { ok: true };
    },

    async 'popup.opened'() {
      await watchlistSeenItem.setValue(markSeen(await watchlistItem.getValue(), now()));
      await updateBadge();
      return { ok: true };
    },
  };
}

/**
 * The token of `host` changed: its entries' numbers of the old identity go now (the popup
 * follows the stored list), and those entries are refreshed under the new one.
 */
export async function watchlistIdentityChanged(deps: WatchlistDeps, host: HostId): Promise<void> {
  const stored = await watchlistItem.getValue();
  const kept = await forCurrentIdentity(deps.settings, stored);
  if (kept.some((entry, i) => entry.latest !== stored[i]?.latest)) {
    await watchlistItem.setValue(kept);
    await updateBadge();
  }
  if (kept.some((entry) => entry.host === host)) await refreshWatchlist(deps, (entry) => entry.host === host);
}

/**
 * Creates or re-times the refresh alarm; an alarm with the right period is left alone.
 * `changed`: the preferences a change event brought (the copy may not have seen it yet).
 */
export async function scheduleWatchAlarm(settings: WatchlistSettings, changed?: Preferences): Promise<void> {
  const { watchIntervalMinutes } = changed ?? (await settings.preferences.get());
  const period = Math.max(5, watchIntervalMinutes);
  const existing = await browser.alarms.get(WATCH_ALARM);
  // Re-creating on every worker start would push the alarm back forever.
  if (existing?.periodInMinutes === period) return;
  await browser.alarms.create(WATCH_ALARM, { periodInMinutes: period, delayInMinutes: period });
}

/**
 * Wires the background refresh: listens for the alarm (call at the top level of the
 * background's main, so a wake-up by the alarm finds the listener), keeps the alarm in step
 * with the preference, and restores the badge. Returns the listener (tests call it).
 */
export function onWatchAlarm(deps: WatchlistDeps): (alarm: { name: string }) => Promise<void> {
  const listener = async (alarm: { name: string }): Promise<void> => {
    if (alarm.name === WATCH_ALARM) await refreshWatchlist(deps);
  };
  browser.alarms.onAlarm.addListener(listener);
  void scheduleWatchAlarm(deps.settings).catch(() => undefined);
  // The change event's own value: this listener may run before the copy's (liveSettings.ts).
  preferencesItem.watch((next) => void scheduleWatchAlarm(deps.settings, withDefaultPreferences(next)).catch(() => undefined));
  void updateBadge().catch(() => undefined);
  return listener;
}
