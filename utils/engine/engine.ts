import { buildRequest, type EndpointRequest } from '../github/endpoints';
import type { GitHubResult } from '../github/client';
import type { GitHubHost } from '../github/hosts';
import { parseAnswer, parseRateLimit } from '../github/schemas';
import { queryKey, type HostId, type Priority, type Query, type Snapshot, type Visibility } from '../protocol';
import { entryKey, type Cache, type CacheEntry, type PendingPoll } from './cache';
import { createHeadTracker } from './freshness';
import { createRateLimitGovernor, PREFETCH_MIN_LIMIT, type RateLimitGovernor } from './rateLimitGovernor';
import * as states from './states';
import { ALARM_MIN_MS, lowBudgetPollDelay, pollDelay, shouldGiveUp } from './statsPoller';
import { capUntil, setSafeTimeout } from './safeTimer';
import { createTransport, type Outcome } from './transport';

/**
 * The query registry: one live entry per query key, shared by every watcher (ports from any
 * number of tabs). An entry serves cached data at once, decides whether it is still fresh,
 * fetches through the queue when it is not, polls 202 answers, waits out rate limits and turns
 * every outcome into a snapshot for its watchers.
 */

export interface Credentials {
  token?: string;
  /**
   * whose answers these are: `anonymous` without a token, else the token's fingerprint with the
   * login when known (utils/engine/index.ts credentialsFor). Part of every cache key.
   */
  viewer: string;
}

export interface FreshnessSettings {
  freshnessMinutes: number;
  insightsTtlMinutes: number;
}

export interface EngineDeps {
  cache: Cache;
  resolveHost(id: HostId): Promise<GitHubHost | null>;
  credentials(host: GitHubHost): Promise<Credentials>;
  settings(): Promise<FreshnessSettings>;
  fetch?: typeof fetch;
  now?: () => number;
  /** wakes the worker for polls longer than timers can be trusted with (browser.alarms) */
  wakeUpAt?(when: number): void;
  timeoutMs?: number;
}

export type Listener = (snapshot: Snapshot) => void;

export interface Watch {
  /** refetch now, ignoring freshness */
  retry(): void;
  /** this watcher's data came into view, left it, or may be fetched ahead */
  setVisibility(visibility: Visibility): void;
  unwatch(): void;
}

export interface Engine {
  /** `visibility` (default `visible`): see protocol.ts Visibility; nothing is fetched for `offscreen` */
  watch(query: Query, priority: Priority, listener: Listener, visibility?: Visibility): Watch;
  /** one refresh for background work (watch list): resolves with the first settled snapshot */
  fetchOnce(query: Query, priority?: Priority): Promise<Snapshot>;
  /**
   * The token of a host was stored, checked or removed: live queries of that host run again
   * under the new identity (not forced: what the new viewer has fresh in the cache costs nothing).
   */
  credentialsChanged(host: HostId): void;
  /** picks up 202 sequences persisted before the worker stopped */
  resumePolls(): Promise<void>;
  /** a single GET for support calls (`GET /user` token checks); headers in `info` */
  githubRequest(
    host: HostId,
    request: EndpointRequest,
    options?: { token?: string },
  ): Promise<GitHubResult | { kind: 'unknown-host' } | { kind: 'rate-limited'; until: number } | { kind: 'refused'; message: string }>;
  readonly governor: RateLimitGovernor;
  readonly cache: Cache;
  /** live entries, for tests and diagnostics */
  readonly liveQueries: number;
}

/** 5xx answers are retried this many times (1 s, 2 s, 4 s) before the error shows. */
export const SERVER_ERROR_RETRIES = 3;

/**
 * A request that got no answer at all (offline, DNS, connection reset) is retried this many
 * times, NETWORK_RETRY_MS apart (2 s, then 4 s), before the error shows. No jitter: a single
 * client's retries go through its own queue, and fixed waits keep fake-timer tests exact.
 */
export const NETWORK_ERROR_RETRIES = 2;
export const NETWORK_RETRY_MS = 2000;

interface Entry {
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
  /** consecutive requests that got no answer (see NETWORK_ERROR_RETRIES) */
  networkErrors: number;
  /** rate-limit queries: the API base they report on */
  apiBase?: string;
  /** bumped when the host's token changes: a run begun before must not show its answer */
  identity: number;
  /** the viewer of the last run: a poll begun under another identity starts over */
  viewer?: string;
}

/** Whether a snapshot is an outcome rather than a step on the way to one. */
export function isSettled(snapshot: Snapshot): boolean {
  if (snapshot.meta.deferred) return true;
  if (snapshot.state === 'loading' || snapshot.state === 'computing') return false;
  if (snapshot.state === 'ready' && snapshot.meta.stale && !snapshot.meta.offline && !snapshot.meta.refreshProblem) return false;
  return true;
}

export function createEngine(deps: EngineDeps): Engine {
  const now = deps.now ?? (() => Date.now());
  const cache = deps.cache;
  const governor = createRateLimitGovernor(now);
  const transport = createTransport(governor, deps.fetch, deps.timeoutMs);
  const heads = createHeadTracker(cache, transport, now);
  const entries = new Map<string, Entry>();
  let nextWatcher = 0;

  /** What the watchers need: the most of visible, prefetch, offscreen (no watchers: offscreen). */
  const demandOf = (entry: Entry): Visibility => {
    const seen = [...entry.watchers.values()].map((w) => w.visibility);
    return seen.includes('visible') ? 'visible' : seen.includes('prefetch') ? 'prefetch' : 'offscreen';
  };
  // Fetching ahead of the user waits behind everything seen (background in the queue).
  const priorityOf = (entry: Entry): Priority =>
    [...entry.watchers.values()].some((w) => w.priority === 'interactive' && w.visibility === 'visible') ? 'interactive' : 'background';
  /** Whether a request for this entry may go: seen, or fetched ahead while the budget is roomy. */
  const mayFetch = (entry: Entry, apiBase: string, hasToken: boolean): boolean => {
    const demand = demandOf(entry);
    return demand === 'visible' || (demand === 'prefetch' && governor.canPrefetch(apiBase, hasToken));
  };
  /** A 202 sequence already started goes on out of view, unless the budget is low. */
  const mayPoll = (entry: Entry, apiBase: string, hasToken: boolean): boolean =>
    mayFetch(entry, apiBase, hasToken) || !governor.isLow(apiBase);
  /** A tight budget (the anonymous 60) skips the cold head check: nothing cached to validate yet. */
  const tightBudget = (apiBase: string): boolean => {
    const known = governor.current(apiBase);
    return known !== undefined && known.limit < PREFETCH_MIN_LIMIT;
  };
  const wanted = (entry: Entry) => () => !entry.disposed;

  function emit(entry: Entry, snapshot: Snapshot): void {
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
    if (entry.poll) void cache.polls.remove(entry.key).catch(() => undefined);
    transport.prune();
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
      await run(entry, force);
    } catch {
      // A failure of our own (storage, IndexedDB) is no reason to take away data already shown,
      // unless that data belongs to the identity before a token change.
      if (entry.identity === identity) emit(entry, states.overSnapshot(states.internalProblem(), entry.snapshot));
      else emit(entry, states.internalProblem());
    } finally {
      entry.running = false;
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

  async function run(entry: Entry, force: boolean): Promise<void> {
    const query = entry.query;
    const built = buildRequest(query);
    if (!built.ok) return emit(entry, states.refused(built.problem));
    const host = await deps.resolveHost(query.host);
    if (!host) return emit(entry, states.hostNotServed(query.host));
    if (query.kind === 'org-insights' && !host.hasApiInsights) return emit(entry, states.unsupportedHost());
    if (query.kind === 'rate-limit') return refreshRateLimit(entry, host, built.request, force);

    const identity = entry.identity;
    /** the token changed since this run began: its answers are the old identity's, not shown */
    const superseded = () => entry.identity !== identity;
    const credentials = await deps.credentials(host);
    if (superseded()) return;
    if (entry.viewer !== undefined && entry.viewer !== credentials.viewer) {
      // A 202 sequence of another identity: this one asks from the start.
      await endPoll(entry);
    }
    entry.viewer = credentials.viewer;
    const request = built.request;
    const key = entryKey(host.apiBase, request.path, request.search, credentials.viewer);
    // A cache that cannot be read (IndexedDB did not open) is a miss: the network answers.
    const cached = await cache.get(key).catch(() => undefined);
    const settings = await deps.settings();
    if (superseded()) return;
    const t = now();
    const polling = entry.poll !== undefined;

    // An org's activity names each repository's last push: that stands in for the head check.
    const pushedAt = query.kind === 'repo-stats' ? query.pushedAt : undefined;
    // A head checked on the way here (stale revisit) is the head the stats will belong to.
    let checkedHead: Promise<string | undefined> | undefined;
    const hasToken = !!credentials.token;
    if (polling && !mayPoll(entry, host.apiBase, hasToken)) {
      // Out of view with the budget low: the poll waits until the section is seen again.
      entry.parked = true;
      const held = states.withCachedData(states.computing(entry.poll!.attempt, 0), cached);
      const { nextRetryAt: _next, ...meta } = held.meta;
      return emit(entry, { ...held, meta: { ...meta, deferred: true } });
    }
    entry.parked = false;
    if (cached && !force && !polling) {
      const windowMs = (query.kind === 'org-insights' ? settings.insightsTtlMinutes : settings.freshnessMinutes) * 60_000;
      if (t - cached.validatedAt < windowMs) return emit(entry, states.fromCache(cached, false));
      if (pushedAt !== undefined && cached.pushedAt === pushedAt) {
        // Nothing was pushed since these stats were fetched: still current, for free.
        await cache.markValidated(key, t).catch(() => undefined);
        return emit(entry, states.fromCache({ ...cached, validatedAt: t }, false));
      }
      // Out of view: the saved data stays shown with its age, checked once it is seen.
      if (!mayFetch(entry, host.apiBase, hasToken)) return emit(entry, states.deferred(cached));
      // Serve what we have at once, marked stale while it is checked.
      emit(entry, states.fromCache(cached, true));
      // A head recorded nowhere (a tight budget's cold visit) cannot validate anything: the
      // stats' own conditional requests do.
      if (query.kind === 'repo-stats' && pushedAt === undefined && (cached.headSha || !tightBudget(host.apiBase))) {
        const head = await heads.current(
          { host, ...credentials, owner: query.owner, repo: query.repo, priority: priorityOf(entry), isWanted: wanted(entry) },
          windowMs,
        );
        if (entry.disposed || superseded()) return;
        if (head && head === cached.headSha) {
          await cache.markValidated(key, now()).catch(() => undefined);
          return emit(entry, states.fromCache({ ...cached, validatedAt: now() }, false));
        }
        checkedHead = Promise.resolve(head);
      }
    } else if (!polling) {
      if (!mayFetch(entry, host.apiBase, hasToken)) return emit(entry, states.deferred(cached));
      emit(entry, cached ? states.fromCache(cached, true) : states.loading());
    }

    // The head the stats will belong to: known for warm repos; for cold ones checked alongside,
    // except on a tight budget, where it is recorded at the first revalidation instead.
    const headPromise =
      checkedHead ??
      (query.kind === 'repo-stats' && pushedAt === undefined
        ? heads.current(
            {
              host,
              ...credentials,
              owner: query.owner,
              repo: query.repo,
              priority: priorityOf(entry),
              isWanted: wanted(entry),
              cacheOnly: tightBudget(host.apiBase),
            },
            settings.freshnessMinutes * 60_000,
            // A head that cannot be learnt is an unknown head; and if the stats request below
            // throws, nobody awaits this, so its failure must not become an unhandled rejection.
          ).catch(() => undefined)
        : Promise.resolve(undefined));

    const out = await transport.send(host, request, {
      token: credentials.token,
      etag: cached?.status === 200 ? cached.etag : undefined,
      priority: priorityOf(entry),
      isWanted: wanted(entry),
      keepReserve: pushedAt !== undefined,
    });
    if (superseded()) return;
    await apply(entry, out, { key, cached, section: request.section, hasToken: !!credentials.token, headPromise, pushedAt });
  }

  interface ApplyContext {
    key: string;
    cached: CacheEntry | undefined;
    section: string;
    hasToken: boolean;
    headPromise: Promise<string | undefined>;
    /** the org list's `pushed_at` the answer is for (org activity only) */
    pushedAt?: string;
  }

  async function apply(entry: Entry, out: Outcome, ctx: ApplyContext): Promise<void> {
    if (out.kind === 'dropped') return;
    const { cached } = ctx;
    if (out.kind !== 'accepted') await endPoll(entry);
    if (out.kind !== 'http-error' || out.status < 500) entry.serverErrors = 0;
    if (out.kind !== 'network-error') entry.networkErrors = 0;

    switch (out.kind) {
      case 'blocked':
      case 'limited': {
        emit(entry, states.withCachedData(states.rateLimited(out.until), cached));
        // Recover by itself once the wait is over.
        return schedule(entry, out.until, false);
      }
      case 'ok': {
        const parsed = parseAnswer(entry.query, out.body);
        if (!parsed.ok) return emit(entry, states.overCache(states.notUnderstood(ctx.section), cached));
        return store(entry, ctx, { status: 200, data: parsed.data, etag: out.info.etag });
      }
      case 'not-modified': {
        if (!cached) return emit(entry, states.notUnderstood(ctx.section));
        const head = await ctx.headPromise;
        const t = now();
        await cache.markValidated(ctx.key, t, { ...(head ? { headSha: head } : {}), ...(ctx.pushedAt ? { pushedAt: ctx.pushedAt } : {}) }).catch(() => undefined);
        return emit(entry, states.fromCache({ ...cached, validatedAt: t }, false));
      }
      case 'no-content':
        return store(entry, ctx, { status: 204, data: null });
      case 'refused':
        return emit(entry, states.overCache(states.refused(out.message), cached));
      case 'oversized':
        return emit(entry, states.overCache(states.answerTooLarge(ctx.section, out.limitBytes), cached));
      case 'redirected':
        return emit(entry, states.overCache(states.redirected(out.message), cached));
      case 'accepted':
        return computing(entry, cached);
      case 'http-error': {
        const failure = states.fromHttpError(out.status, { query: entry.query, section: ctx.section, hasToken: ctx.hasToken });
        if (failure.state === 'too-large') return store(entry, ctx, { status: 422, data: null });
        if (out.status >= 500 && entry.serverErrors < SERVER_ERROR_RETRIES) {
          entry.serverErrors++;
          return schedule(entry, now() + 1000 * 2 ** (entry.serverErrors - 1), true);
        }
        entry.serverErrors = 0;
        return emit(entry, states.overCache(failure, cached));
      }
      case 'network-error': {
        // No answer came back, so no budget was spent, and every request here is a GET (safe to
        // repeat): try again a little later before saying so. The snapshot stays what it was
        // (loading, or the cached data marked stale) meanwhile. A timeout is not retried: that
        // request may have reached GitHub and been counted, and the user already waited for it.
        if (!out.timedOut && entry.networkErrors < NETWORK_ERROR_RETRIES) {
          entry.networkErrors++;
          return schedule(entry, now() + NETWORK_RETRY_MS * 2 ** (entry.networkErrors - 1), true);
        }
        entry.networkErrors = 0;
        return emit(entry, states.overCache(states.unreachable(out.message), cached));
      }
    }
  }

  async function store(entry: Entry, ctx: ApplyContext, answer: { status: number; data: unknown; etag?: string }): Promise<void> {
    const headSha = await ctx.headPromise;
    const t = now();
    const saved: Omit<CacheEntry, 'size' | 'lastAccess'> = {
      key: ctx.key,
      status: answer.status,
      data: answer.data,
      fetchedAt: t,
      validatedAt: t,
      ...(answer.etag ? { etag: answer.etag } : {}),
      ...(headSha ? { headSha } : {}),
      ...(ctx.pushedAt ? { pushedAt: ctx.pushedAt } : {}),
    };
    // Shown without waiting for IndexedDB's commit (the cache serves it to a get meanwhile). The
    // answer is good even when it cannot be kept (quota, a broken database).
    const kept = cache.put(saved).catch(() => false);
    emit(entry, states.fromCache({ ...saved, size: 0, lastAccess: t }, false));
    await kept;
  }

  async function computing(entry: Entry, cached: CacheEntry | undefined): Promise<void> {
    // Each poll costs a request: with the budget low, a visible section asks less often.
    const host = await deps.resolveHost(entry.query.host);
    // The last watcher left while the request was out: no poll is saved (resumePolls would
    // revive it for nobody). A later visit asks again.
    if (entry.disposed) return;
    const t = now();
    const poll: PendingPoll = entry.poll ?? { key: entry.key, query: entry.query, firstAt: t, attempt: 0, nextAt: t };
    poll.attempt++;
    if (shouldGiveUp(poll.firstAt, t)) {
      await endPoll(entry);
      return emit(entry, states.overCache(states.stillComputing(), cached));
    }
    poll.nextAt = t + (host && governor.isLow(host.apiBase) ? lowBudgetPollDelay(poll.attempt) : pollDelay(poll.attempt));
    entry.poll = poll;
    // Best effort: without storage the poll still runs while the worker does.
    await cache.polls.save({ ...poll }).catch(() => undefined);
    if (poll.nextAt - t >= ALARM_MIN_MS) deps.wakeUpAt?.(poll.nextAt);
    emit(entry, states.withCachedData(states.computing(poll.attempt, poll.nextAt), cached));
    schedule(entry, poll.nextAt, true);
  }

  async function endPoll(entry: Entry): Promise<void> {
    if (!entry.poll) return;
    entry.poll = undefined;
    await cache.polls.remove(entry.key).catch(() => undefined);
  }

  async function refreshRateLimit(entry: Entry, host: GitHubHost, request: EndpointRequest, force: boolean): Promise<void> {
    entry.apiBase = host.apiBase;
    const known = governor.current(host.apiBase);
    if (known && !force) return emit(entry, { state: 'ready', data: known, meta: { fetchedAt: now() } });
    if (!known) emit(entry, states.loading());
    const credentials = await deps.credentials(host);
    // `GET /rate_limit` is free: it is not held back by the governor.
    const out = await transport.send(host, request, {
      token: credentials.token,
      priority: priorityOf(entry),
      isWanted: wanted(entry),
      ungoverned: true,
    });
    if (out.kind === 'dropped') return;
    if (out.kind === 'ok') {
      const parsed = parseRateLimit(out.body);
      if (parsed.ok) return emit(entry, { state: 'ready', data: parsed.data, meta: { fetchedAt: now() } });
      return emit(entry, states.notUnderstood(request.section));
    }
    if (out.kind === 'http-error') {
      return emit(entry, states.fromHttpError(out.status, { query: entry.query, section: request.section, hasToken: !!credentials.token }));
    }
    if (out.kind === 'network-error') return emit(entry, states.unreachable(out.message));
    if (out.kind === 'blocked' || out.kind === 'limited') return emit(entry, states.rateLimited(out.until));
    if (out.kind === 'refused') return emit(entry, states.refused(out.message));
    if (out.kind === 'redirected') return emit(entry, states.redirected(out.message));
    return emit(entry, states.notUnderstood(request.section));
  }

  // Rate-limit watchers follow every answer's headers without extra requests.
  governor.onChange((apiBase) => {
    for (const entry of entries.values()) {
      if (entry.query.kind !== 'rate-limit' || entry.apiBase !== apiBase || entry.running) continue;
      const info = governor.current(apiBase);
      if (info) emit(entry, { state: 'ready', data: info, meta: { fetchedAt: now() } });
    }
  });

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

  const engine: Engine = {
    governor,
    cache,
    get liveQueries() {
      return entries.size;
    },
    watch(query, priority, listener, visibility = 'visible') {
      const entry = entryFor(query);
      const id = ++nextWatcher;
      const isNew = entry.watchers.size === 0 && !entry.running && !entry.timer;
      const watcher = { priority, listener, visibility };
      entry.watchers.set(id, watcher);
      entry.held = false;
      if (!isNew) listener(entry.snapshot);
      // A new watcher on an idle entry re-checks freshness (cheap when fresh).
      if (!entry.running && !entry.timer) void refresh(entry, false);
      return {
        retry() {
          if (entry.disposed || !entry.watchers.has(id)) return;
          clearTimeout(entry.timer);
          entry.timer = undefined;
          entry.serverErrors = 0;
          entry.networkErrors = 0;
          void refresh(entry, true);
        },
        setVisibility(next) {
          if (entry.disposed || !entry.watchers.has(id) || watcher.visibility === next) return;
          const before = demandOf(entry);
          watcher.visibility = next;
          const after = demandOf(entry);
          if (before === after || after === 'offscreen') return;
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
    },
    credentialsChanged(host) {
      // Budgets and blocks belong to the old identity (the anonymous 60/h is per IP, a token has
      // its own): forget them, or the new token waits for the old reset.
      void deps
        .resolveHost(host)
        .catch(() => null)
        .then((resolved) => {
          if (resolved) governor.forget(resolved.apiBase);
          for (const entry of entries.values()) {
            if (entry.query.host !== host) continue;
            // What is shown was fetched under the old identity: it goes now, and a run still
            // under way for that identity never shows its answer (the re-run below does).
            entry.identity++;
            if (entry.watchers.size === 0) continue;
            clearTimeout(entry.timer);
            entry.timer = undefined;
            entry.serverErrors = 0;
            entry.networkErrors = 0;
            if (entry.query.kind !== 'rate-limit') emit(entry, states.loading());
            void refresh(entry, false);
          }
        });
    },
    fetchOnce(query, priority = 'background') {
      return new Promise<Snapshot>((resolve) => {
        let done = false;
        const handle: Watch = engine.watch(query, priority, (snapshot) => {
          if (done || !isSettled(snapshot)) return;
          done = true;
          resolve(snapshot);
          // The first snapshot may arrive before `handle` is assigned: unwatch a moment later.
          queueMicrotask(() => handle.unwatch());
        });
      });
    },
    async resumePolls() {
      const polls = await cache.polls.all().catch(() => []);
      for (const poll of polls) {
        const key = queryKey(poll.query);
        if (key !== poll.key) {
          await cache.polls.remove(poll.key);
          continue;
        }
        // A poll for a host the user has since removed would be revived on every start, for
        // nobody: it goes.
        // (The host list unreadable: the poll stays stored for a later start.)
        const host = await deps.resolveHost(poll.query.host).catch(() => undefined);
        if (host === undefined) continue;
        if (!host) {
          await cache.polls.remove(poll.key);
          continue;
        }
        const entry = entryFor(poll.query);
        if (entry.running || entry.timer || entry.poll) continue;
        entry.poll = { ...poll };
        entry.held = entry.watchers.size === 0;
        emit(entry, states.computing(poll.attempt, poll.nextAt));
        schedule(entry, poll.nextAt, true);
      }
    },
    async githubRequest(hostId, request, options = {}) {
      const host = await deps.resolveHost(hostId);
      if (!host) return { kind: 'unknown-host' };
      // One request per user action (a token check): not held back by a block or budget the
      // governor learned under another identity. Its headers and any rate-limit answer are
      // still recorded.
      const out = await transport.send(host, request, { token: options.token, priority: 'interactive', ungoverned: true });
      if (out.kind === 'blocked' || out.kind === 'limited') return { kind: 'rate-limited', until: out.until };
      if (out.kind === 'dropped') return { kind: 'network-error', message: 'The request was dropped.', timedOut: false };
      if (out.kind === 'refused') return { kind: 'refused', message: out.message };
      return out;
    },
  };
  return engine;
}
