import type { EndpointRequest } from '../github/endpoints';
import type { GitHubHost } from '../github/hosts';
import { parseRateLimit } from '../github/schemas';
import type { Entry, Registry } from './queryRegistry';
import type { RateLimitGovernor } from './rateLimitGovernor';
import * as states from './states';
import type { Transport } from './transport';
import type { Credentials } from './types';

/**
 * The `rate-limit` query: what the governor knows of a host's budget, asked of GitHub
 * (`GET /rate_limit`, free) only when nothing is known or on retry. Its watchers follow every
 * answer's headers without extra requests.
 */

export interface RateLimitQueryDeps {
  registry: Registry;
  governor: RateLimitGovernor;
  transport: Transport;
  credentials(host: GitHubHost): Promise<Credentials>;
  now: () => number;
}

export function createRateLimitQuery(deps: RateLimitQueryDeps): (entry: Entry, host: GitHubHost, request: EndpointRequest, force: boolean) => Promise<void> {
  const { registry, governor, transport, now } = deps;
  const emit = registry.emit;

  governor.onChange((apiBase) => {
    for (const entry of registry.entries.values()) {
      if (entry.query.kind !== 'rate-limit' || entry.apiBase !== apiBase || entry.running) continue;
      const info = governor.current(apiBase);
      if (info) emit(entry, { state: 'ready', data: info, meta: { fetchedAt: now() } });
    }
  });

  return async function refreshRateLimit(entry, host, request, force) {
    entry.apiBase = host.apiBase;
    const known = governor.current(host.apiBase);
    if (known && !force) return emit(entry, { state: 'ready', data: known, meta: { fetchedAt: now() } });
    if (!known) emit(entry, states.loading());
    const credentials = await deps.credentials(host);
    // `GET /rate_limit` is free: it is not held back by the governor.
    const out = await transport.send(host, request, {
      token: credentials.token,
      priority: registry.priorityOf(entry),
      isWanted: registry.wanted(entry),
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
  };
}
