import { configuredHost, type GitHubHost } from '../github/hosts';
import type { HostId } from '../protocol';
import {
  hostsItem,
  NO_HOSTS,
  preferencesItem,
  tokensItem,
  withDefaultPreferences,
  type HostSettings,
  type Preferences,
  type StoredToken,
} from '../settings';

/**
 * The background's in-memory copy of the settings the engine reads on every run (hosts, tokens,
 * preferences). Each is read from storage once, on first use (a worker started cold awaits that
 * read), then kept fresh by the storage item's `watch()`, so a change made by the options page
 * or any other context is seen by the next run without reading storage again.
 *
 * `reload()` reads storage now: for a writer in this context that must not wait for the change
 * event (a token stored by the account handlers, before the engine re-runs under it), and for a
 * miss that may be a change not yet announced (a host just added).
 */

export interface Mirror<T> {
  get(): Promise<T>;
  reload(): Promise<T>;
}

interface WatchableItem<T> {
  getValue(): Promise<T>;
  watch(callback: (next: T | null) => void): () => void;
}

function mirror<T>(item: WatchableItem<T>, shape: (stored: T | null) => T, subscriptions: (() => void)[]): Mirror<T> {
  let current: { value: T } | null = null;
  let loading: Promise<T> | null = null;
  /** counts change events: a read that started before one must not overwrite what it brought */
  let changes = 0;
  subscriptions.push(
    item.watch((next) => {
      changes++;
      current = { value: shape(next) };
    }),
  );

  const read = async (): Promise<T> => {
    const seen = changes;
    const stored = await item.getValue();
    if (changes === seen || !current) current = { value: shape(stored) };
    return current.value;
  };

  return {
    get() {
      if (current) return Promise.resolve(current.value);
      loading ??= read().finally(() => {
        loading = null;
      });
      return loading;
    },
    reload: read,
  };
}

export interface LiveSettings {
  hosts: Mirror<HostSettings>;
  tokens: Mirror<Record<HostId, StoredToken>>;
  preferences: Mirror<Preferences>;
  /** stops watching (tests) */
  stop(): void;
}

/**
 * The host for a page host id: github.com or a host the user added (configuredHost). A miss
 * reads storage once more: a host added a moment ago in the options page may not have been
 * announced to this worker yet.
 */
export async function hostFor(settings: Pick<LiveSettings, 'hosts'>, id: string): Promise<GitHubHost | null> {
  return configuredHost(id, await settings.hosts.get()) ?? configuredHost(id, await settings.hosts.reload());
}

export function createLiveSettings(): LiveSettings {
  const subscriptions: (() => void)[] = [];
  return {
    hosts: mirror(hostsItem, (stored) => stored ?? NO_HOSTS, subscriptions),
    tokens: mirror(tokensItem, (stored) => stored ?? {}, subscriptions),
    preferences: mirror(preferencesItem, withDefaultPreferences, subscriptions),
    stop() {
      for (const unwatch of subscriptions.splice(0)) unwatch();
    },
  };
}
