import type { EndpointRequest } from '../github/endpoints';
import type { GitHubHost } from '../github/hosts';
import { parseAnswer } from '../github/schemas';
import { coarserIncrement, INCREMENTS, type Increment } from '../metrics/insights';
import { entryKey, type Cache, type CacheEntry } from './cache';
import { checksHeadWhenCold, checksHeadWhenStale, createConditionalStats, type HeadTracker } from './freshness';
import type { Entry, Registry } from './queryRegistry';
import { PREFETCH_MIN_LIMIT, type RateLimitGovernor } from './rateLimitGovernor';
import * as states from './states';
import type { StatsPoller } from './statsPoller';
import type { Outcome, Transport } from './transport';
import type { EngineDeps } from './types';
import type { Snapshot } from '../protocol';

/**
 * One run of a data query (repository stats, org repositories, API Insights): serve the cache
 * when it is fresh, else decide whether a request may go (seen, budget), send it with its ETag
 * and turn the outcome into a snapshot, storing a good answer and never letting a bad one
 * replace cached data.
 */

/** Same state and meta from the same cached answer (the data is that answer's). */
function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return a.state === b.state && (a.data === undefined) === (b.data === undefined) && JSON.stringify(a.meta) === JSON.stringify(b.meta);
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

/**
 * GitHub refuses some increments for some windows (400 or 422, FACTS.md): the time report is then
 * asked for at the next coarser increment, without showing the refusal. Null: no fallback.
 */
function fallbackIncrement(entry: Entry, status: number): Increment | null {
  const query = entry.query;
  if (query.kind !== 'org-insights' || query.report !== 'time' || (status !== 400 && status !== 422)) return null;
  const asked = entry.increment ?? query.increment;
  return (INCREMENTS as readonly string[]).includes(asked ?? '') ? coarserIncrement(asked as Increment) : null;
}

export interface AnswerFetcherDeps extends Pick<EngineDeps, 'credentials' | 'settings'> {
  registry: Registry;
  cache: Cache;
  governor: RateLimitGovernor;
  transport: Transport;
  heads: HeadTracker;
  poller: StatsPoller;
  now: () => number;
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

export type AnswerFetcher = (entry: Entry, host: GitHubHost, request: EndpointRequest, force: boolean) => Promise<void>;

export function createAnswerFetcher(deps: AnswerFetcherDeps): AnswerFetcher {
  const { registry, cache, governor, transport, heads, poller, now } = deps;
  const { emit, schedule } = registry;
  /** whether each API base answers the stats' conditional requests with 304 (freshness.ts) */
  const conditionals = createConditionalStats();

  /** A tight budget (the anonymous 60): no cold head check there (freshness.ts). */
  const tightBudget = (apiBase: string): boolean => {
    const known = governor.current(apiBase);
    return known !== undefined && known.limit < PREFETCH_MIN_LIMIT;
  };

  async function run(entry: Entry, host: GitHubHost, request: EndpointRequest, force: boolean): Promise<void> {
    const query = entry.query;
    const identity = entry.identity;
    /** the token changed since this run began: its answers are the old identity's, not shown */
    const superseded = () => entry.identity !== identity;
    const credentials = await deps.credentials(host);
    if (superseded()) return;
    if (entry.viewer !== undefined && entry.viewer !== credentials.viewer) {
      // A 202 sequence of another identity: this one asks from the start.
      await poller.end(entry);
    }
    entry.viewer = credentials.viewer;
    if (query.kind === 'org-insights' && !credentials.token) return emit(entry, states.insightsNeedToken());
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
    if (polling && !registry.mayPoll(entry, host.apiBase, hasToken)) return poller.park(entry, cached);
    entry.parked = false;
    const headAsk = (owner: string, repo: string) => ({
      host,
      ...credentials,
      owner,
      repo,
      priority: registry.priorityOf(entry),
      isWanted: registry.wanted(entry),
    });
    if (cached && !force && !polling) {
      const windowMs = (query.kind === 'org-insights' ? settings.insightsTtlMinutes : settings.freshnessMinutes) * 60_000;
      if (t - cached.validatedAt < windowMs) {
        const fresh = states.fromCache(cached, false);
        // Shown as is already (a watcher joined an entry just read, e.g. a prefetch hold, and was
        // given its snapshot): telling every watcher again would only send the same data again.
        if (sameSnapshot(entry.snapshot, fresh)) return;
        return emit(entry, fresh);
      }
      if (pushedAt !== undefined && cached.pushedAt === pushedAt) {
        // Nothing was pushed since these stats were fetched: still current, for free.
        await cache.markValidated(key, t).catch(() => undefined);
        return emit(entry, states.fromCache({ ...cached, validatedAt: t }, false));
      }
      // Out of view: the saved data stays shown with its age, checked once it is seen.
      if (!registry.mayFetch(entry, host.apiBase, hasToken)) return emit(entry, states.deferred(cached));
      // Serve what we have at once, marked stale while it is checked.
      emit(entry, states.fromCache(cached, true));
      // Stats stored without a head revalidate with their own ETags (freshness.ts).
      if (query.kind === 'repo-stats' && pushedAt === undefined && checksHeadWhenStale(cached, conditionals.support(host.apiBase))) {
        const head = await heads.current(headAsk(query.owner, query.repo), windowMs);
        if (entry.disposed || superseded()) return;
        if (head && head === cached.headSha) {
          await cache.markValidated(key, now()).catch(() => undefined);
          return emit(entry, states.fromCache({ ...cached, validatedAt: now() }, false));
        }
        checkedHead = Promise.resolve(head);
      }
    } else if (!polling) {
      if (!registry.mayFetch(entry, host.apiBase, hasToken)) return emit(entry, states.deferred(cached));
      emit(entry, cached ? states.fromCache(cached, true) : states.loading());
    }

    // The head the stats will belong to, when known: a head recorded within the window, or (on a
    // host that ignores conditional stats requests, freshness.ts) checked alongside.
    const headPromise =
      checkedHead ??
      (query.kind === 'repo-stats' && pushedAt === undefined
        ? heads
            .current(
              { ...headAsk(query.owner, query.repo), cacheOnly: !checksHeadWhenCold(conditionals.support(host.apiBase), tightBudget(host.apiBase)) },
              settings.freshnessMinutes * 60_000,
            )
            // A head that cannot be learnt is an unknown head; and if the stats request below
            // throws, nobody awaits this, so its failure must not become an unhandled rejection.
            .catch(() => undefined)
        : Promise.resolve(undefined));

    const sentEtag = cached?.status === 200 ? cached.etag : undefined;
    const out = await transport.send(host, request, {
      token: credentials.token,
      etag: sentEtag,
      priority: registry.priorityOf(entry),
      isWanted: registry.wanted(entry),
      keepReserve: pushedAt !== undefined,
    });
    if (superseded()) return;
    if (query.kind === 'repo-stats' && (out.kind === 'ok' || out.kind === 'not-modified')) {
      conditionals.note(host.apiBase, sentEtag, out.kind === 'ok' ? 200 : 304, out.kind === 'ok' ? out.info.etag : undefined);
    }
    await apply(entry, out, { key, cached, section: request.section, hasToken, headPromise, pushedAt });
  }

  async function apply(entry: Entry, out: Outcome, ctx: ApplyContext): Promise<void> {
    if (out.kind === 'dropped') return;
    const { cached } = ctx;
    if (out.kind !== 'accepted') await poller.end(entry);
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
        return poller.accepted(entry, cached);
      case 'http-error': {
        const coarser = fallbackIncrement(entry, out.status);
        if (coarser) {
          // Asked again as soon as this run ends (the registry's rerun), at the coarser increment.
          entry.increment = coarser;
          entry.rerun = { force: entry.rerun?.force ?? false };
          return;
        }
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

  return run;
}
