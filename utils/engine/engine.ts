import { buildRequest } from '../github/endpoints';
import type { Query, Snapshot } from '../protocol';
import { createAnswerFetcher } from './fetchAnswer';
import { createHeadTracker } from './freshness';
import { createRegistry, type Entry } from './queryRegistry';
import { createRateLimitGovernor } from './rateLimitGovernor';
import { createRateLimitQuery } from './rateLimitQuery';
import * as states from './states';
import { createStatsPoller } from './statsPoller';
import { createTransport, supportRequest } from './transport';
import type { Engine, EngineDeps, Watch } from './types';

/**
 * The engine, wired from its parts: the query registry (queryRegistry.ts) runs each entry
 * through `run` below, which hands data queries to fetchAnswer.ts and the budget query to
 * rateLimitQuery.ts; 202 sequences are statsPoller.ts's; every request goes through the
 * transport (queue per origin, rate-limit governor).
 */

export type { Credentials, Engine, EngineDeps, FreshnessSettings, Listener, SupportAnswer, Watch } from './types';
export { NETWORK_ERROR_RETRIES, NETWORK_RETRY_MS, SERVER_ERROR_RETRIES } from './fetchAnswer';

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
  const registry = createRegistry({
    now,
    governor,
    run,
    disposed(entry) {
      poller.forget(entry);
      transport.prune();
    },
    wakeUpAt: deps.wakeUpAt,
  });
  const poller = createStatsPoller({ registry, cache, governor, resolveHost: deps.resolveHost, now, wakeUpAt: deps.wakeUpAt });
  const fetchAnswer = createAnswerFetcher({ ...deps, registry, cache, governor, transport, heads, poller, now });
  const refreshRateLimit = createRateLimitQuery({ registry, governor, transport, credentials: deps.credentials, now });

  async function run(entry: Entry, force: boolean): Promise<void> {
    const query = entry.query;
    // A time report whose increment GitHub refused asks for the coarser one (fetchAnswer.ts).
    const built = buildRequest(query.kind === 'org-insights' && entry.increment ? { ...query, increment: entry.increment } : query);
    if (!built.ok) return registry.emit(entry, states.refused(built.problem));
    const host = await deps.resolveHost(query.host);
    if (!host) return registry.emit(entry, states.hostNotServed(query.host));
    if (query.kind === 'org-insights' && !host.hasApiInsights) return registry.emit(entry, states.unsupportedHost());
    if (query.kind === 'rate-limit') return refreshRateLimit(entry, host, built.request, force);
    return fetchAnswer(entry, host, built.request, force);
  }

  const engine: Engine = {
    governor,
    cache,
    get liveQueries() {
      return registry.entries.size;
    },
    watch: (query, priority, listener, visibility = 'visible') => registry.watch(query, priority, listener, visibility),
    credentialsChanged(host) {
      // Budgets and blocks belong to the old identity (the anonymous 60/h is per IP, a token has
      // its own): forget them, or the new token waits for the old reset.
      void deps
        .resolveHost(host)
        .catch(() => null)
        .then((resolved) => {
          if (resolved) governor.forget(resolved.apiBase);
          registry.identityChanged(host);
        });
    },
    fetchOnce(query: Query, priority = 'background') {
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
    resumePolls: () => poller.resume(),
    async githubRequest(hostId, request, options = {}) {
      const host = await deps.resolveHost(hostId);
      if (!host) return { kind: 'unknown-host' };
      return supportRequest(transport, host, request, options.token);
    },
  };
  return engine;
}
