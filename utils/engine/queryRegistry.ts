import { queryKey, type HostId, type Priority, type Query, type Snapshot, type Visibility } from '../protocol';
import type { PendingPoll } from './cache';
import type { RateLimitGovernor } from './rateLimitGovernor';
import { ALARM_MIN_MS, capUntil, setSafeTimeout } from './safeTimer';
import * as states from './states';
import type { Listener, Watch } from './types';

/**
 * The query registry: one live entry per query key, shared by every watcher (ports from any
 * number of tabs). It keeps each entry's watchers and last snapshot, emits to them, schedules
 * the next run and makes sure a refresh asked for during a run is not lost. What a run does
 * (fetch, poll, the rate-limit query) is the engine's `run`.
 */

export interface Entry {
  key: string;
  query: Query;
  watchers: Map<number, { priority: Priority; listener: Listener; visibility: Visibility }>;
  snapshot: Snapshot;
  running: boolean;
  /** a refresh was asked for while one was running (forced if any of the asks was) */
  rerun?: { force: boolean };
  timer?: ReturnType<typeof setTimeout>;
  /** a 202 sequence in progress */
  poll?: PendingPoll;
  /** a 202 poll held back (out of view, budget low) until a watcher sees it */
  parked?: boolean;
  /** a watcher came into view while a run was going: if that run held back, run again */
  seenWhileRunning?: boolean;
  /** kept alive without watchers: a resumed poll finishes and fills the cache */
  held: boolean;
  disposed: boolean;
  serverErrors: number;
  /** when the last run ended in a failure (an error, no access, too large, rate limited) */
  failedAt?: number;
  /** consecutive requests that got no answer (see NETWORK_ERROR_RETRIES) */
  networkErrors: number;
  /** rate-limit queries: the API base they report on */
  apiBase?: string;
  /** bumped when the host's token changes: a run begun before must not show its answer */
  identity: number;
  /** the viewer of the last run: a poll begun under another identity starts over */
  viewer?: string;
  /**
   * time reports: the coarser increment asked for instead of the query's, which GitHub refused
   * (fetchAnswer.ts); every snapshot says it in `meta.increment`
   */
  increment?: string;
}

export interface RegistryDeps {
  now: () => number;
  governor: RateLimitGovernor;
  /** one run of an entry: decides, fetches and emits */
  run(entry: Entry, force: boolean): Promise<void>;
  /** an entry left the registry (no watchers, nothing held) */
  disposed(entry: Entry): void;
  wakeUpAt?(when: number): void;
}

export interface Registry {
  readonly entries: ReadonlyMap<string, Entry>;
  entryFor(query: Query): Entry;
  emit(entry: Entry, snapshot: Snapshot): void;
  /** runs the entry again at `at` (capped, see safeTimer.ts), replacing any wait it had */
  schedule(entry: Entry, at: number, force: boolean): void;
  watch(query: Query, priority: Priority, listener: Listener, visibility: Visibility): Watch;
  /** the host's identity changed: what its entries show goes, and the watched ones run again */
  identityChanged(host: HostId): void;
  /** What the watchers need: the most of visible, prefetch, offscreen (no watchers: offscreen). */
  demandOf(entry: Entry): Visibility;
  priorityOf(entry: Entry): Priority;
  /** Whether a request for this entry may go: seen, or fetched ahead while the budget is roomy. */
  mayFetch(entry: Entry, apiBase: string, hasToken: boolean): boolean;
  /** A 202 sequence already started goes on out of view, unless the budget is low. */
  mayPoll(entry: Entry, apiBase: string, hasToken: boolean): boolean;
  /** for the queue: whether anyone still wants this entry's request */
  wanted(entry: Entry): () => boolean;
}

/** How recent a failed run is shown as is to a watcher that joins (the prefetch hold's 5 s). */
export const JUST_FAILED_MS = 5_000;

export function createRegistry(deps: RegistryDeps): Registry {
  const { now, governor } = deps;
  const entries = new Map<string, Entry>();
  let nextWatcher = 0;

  const demandOf = (entry: Entry): Visibility => {
    const seen = [...entry.watchers.values()].map((w) => w.visibility);
    return seen.includes('visible') ? 'visible' : seen.includes('prefetch') ? 'prefetch' : 'offscreen';
  };
  // Fetching ahead of the user waits behind everything seen (background in the queue).
  const priorityOf = (entry: Entry): Priority =>
    [...entry.watchers.values()].some((w) => w.priority === 'interactive' && w.visibility === 'visible') ? 'interactive' : 'background';
  const mayFetch = (entry: Entry, apiBase: string, hasToken: boolean): boolean => {
    const demand = demandOf(entry);
    return demand === 'visible' || (demand === 'prefetch' && governor.canPrefetch(apiBase, hasToken));
  };
  const mayPoll = (entry: Entry, apiBase: string, hasToken: boolean): boolean =>
    mayFetch(entry, apiBase, hasToken) || !governor.isLow(apiBase);

  function emit(entry: Entry, shown: Snapshot): void {
    const snapshot = entry.increment ? { ...shown, meta: { ...shown.meta, increment: entry.increment } } : shown;
    entry.snapshot = snapshot;
    for (const watcher of [...entry.watchers.values()]) {
      try {
        watcher.listener(snapshot);
      } catch {
        // one broken watcher (a closed port) must not starve the others
      }
    }
  }

  function schedule(entry: Entry, at: number, force: boolean): void {
    clearTimeout(entry.timer);
    // Never an overflowing or endless delay (safeTimer.ts): at most an hour, then ask again.
    const t = now();
    const when = capUntil(at, t);
    // A long wait may outlive the worker: an alarm wakes it (the panels' ports then reconnect).
    if (when - t >= ALARM_MIN_MS) deps.wakeUpAt?.(when);
    entry.timer = setSafeTimeout(() => {
      entry.timer = undefined;
      void refresh(entry, force);
    }, when - t);
  }

  function dispose(entry: Entry): void {
    entry.disposed = true;
    clearTimeout(entry.timer);
    entries.delete(entry.key);
    deps.disposed(entry);
  }

  function release(entry: Entry): void {
    if (entry.watchers.size === 0 && !entry.held && !entry.disposed) dispose(entry);
  }

  async function refresh(entry: Entry, force: boolean): Promise<void> {
    if (entry.disposed) return;
    if (entry.running) {
      // Run again once this run ends: a token change or a retry must not be lost.
      entry.rerun = { force: force || (entry.rerun?.force ?? false) };
      return;
    }
    entry.running = true;
    const identity = entry.identity;
    entry.seenWhileRunning = false;
    try {
      await deps.run(entry, force);
    } catch {
      // A failure of our own (storage, IndexedDB) is no reason to take away data already shown,
      // unless that data belongs to the identity before a token change.
      if (entry.identity === identity) emit(entry, states.overSnapshot(states.internalProblem(), entry.snapshot));
      else emit(entry, states.internalProblem());
    } finally {
      entry.running = false;
      const failed = ['error', 'no-access', 'too-large', 'rate-limited'].includes(entry.snapshot.state);
      entry.failedAt = failed && !entry.snapshot.meta.deferred ? now() : undefined;
      if (entry.rerun && !entry.disposed) {
        const again = entry.rerun;
        entry.rerun = undefined;
        // The rerun replaces whatever this run scheduled (a poll, a wait).
        clearTimeout(entry.timer);
        entry.timer = undefined;
        void refresh(entry, again.force);
      } else if (entry.seenWhileRunning && entry.snapshot.meta.deferred && !entry.disposed && !entry.timer) {
        void refresh(entry, entry.parked === true);
      } else if (!entry.poll && entry.held) {
        entry.held = false;
        release(entry);
      }
    }
  }

  function entryFor(query: Query): Entry {
    const key = queryKey(query);
    let entry = entries.get(key);
    if (!entry) {
      entry = {
        key,
        query,
        watchers: new Map(),
        snapshot: states.loading(),
        running: false,
        held: false,
        disposed: false,
        serverErrors: 0,
        networkErrors: 0,
        identity: 0,
      };
      entries.set(key, entry);
    }
    return entry;
  }

  /** Runs the entry again now, dropping any wait and the error counts. */
  function restart(entry: Entry, force: boolean, beforeRun?: () => void): void {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.serverErrors = 0;
    entry.networkErrors = 0;
    beforeRun?.();
    void refresh(entry, force);
  }

  function watch(query: Query, priority: Priority, listener: Listener, visibility: Visibility): Watch {
    const entry = entryFor(query);
    const id = ++nextWatcher;
    const isNew = entry.watchers.size === 0 && !entry.running && !entry.timer;
    const watcher = { priority, listener, visibility };
    entry.watchers.set(id, watcher);
    entry.held = false;
    // "Not loaded yet" (said to out-of-view watchers: nothing cached) is not for one that sees it.
    const notYet = entry.snapshot.meta.deferred === true && entry.snapshot.state === 'loading';
    const heldBack = notYet && visibility !== 'offscreen' && (entry.running || !entry.timer);
    if (!isNew && !heldBack) listener(entry.snapshot);
    // A new watcher on an idle entry re-checks freshness (cheap when fresh), unless a run has
    // just failed (a panel's watch joining the prefetch hold that fetched ahead: the failure is
    // shown, not asked again at once; Retry asks); one that joins a run begun for out-of-view
    // watchers (a prefetch hold) has it run again if it held back.
    const justFailed = entry.failedAt !== undefined && now() - entry.failedAt < JUST_FAILED_MS;
    if (!entry.running && !entry.timer && !justFailed) void refresh(entry, false);
    else if (entry.running && visibility !== 'offscreen') entry.seenWhileRunning = true;
    return {
      retry() {
        if (entry.disposed || !entry.watchers.has(id)) return;
        restart(entry, true);
      },
      setVisibility(next) {
        if (entry.disposed || !entry.watchers.has(id) || watcher.visibility === next) return;
        const before = demandOf(entry);
        watcher.visibility = next;
        const after = demandOf(entry);
        // Unchanged demand needs nothing, except for an entry held back ("not loaded yet"): the
        // budget may allow now what it did not when the demand began (a prefetch hold asked
        // before the budget was known; the panel asks again once it is).
        if (after === 'offscreen' || (before === after && !entry.snapshot.meta.deferred)) return;
        // Seen now (or may be fetched ahead): what was held back goes. A wait in progress (a
        // poll's backoff, a rate limit) keeps its time; a parked poll resumes at once.
        if (entry.running) return void (entry.seenWhileRunning = true);
        if (entry.parked && entry.timer === undefined) return void refresh(entry, true);
        if (!entry.timer && entry.snapshot.meta.deferred) void refresh(entry, false);
      },
      unwatch() {
        if (!entry.watchers.delete(id)) return;
        release(entry);
      },
    };
  }

  function identityChanged(host: HostId): void {
    for (const entry of entries.values()) {
      if (entry.query.host !== host) continue;
      // What is shown was fetched under the old identity: it goes now, and a run still
      // under way for that identity never shows its answer (the re-run below does).
      entry.identity++;
      if (entry.watchers.size === 0) continue;
      restart(entry, false, () => {
        if (entry.query.kind !== 'rate-limit') emit(entry, states.loading());
      });
    }
  }

  return {
    entries,
    entryFor,
    emit,
    schedule,
    watch,
    identityChanged,
    demandOf,
    priorityOf,
    mayFetch,
    mayPoll,
    wanted: (entry) => () => !entry.disposed,
  };
}
