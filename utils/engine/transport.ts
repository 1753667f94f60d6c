import { apiUrl, send, type GitHubResult } from '../github/client';
import type { EndpointRequest } from '../github/endpoints';
import type { GitHubHost } from '../github/hosts';
import type { Priority } from '../protocol';
import type { RateLimitGovernor } from './rateLimitGovernor';
import { DROPPED, createRequestQueue, type RequestQueue } from './requestQueue';
import type { SupportAnswer } from './types';

/**
 * Sends a prepared request through the origin's queue and the rate-limit governor: a request
 * is held back (`blocked`) when the governor says wait, and a rate-limit answer becomes
 * `limited` with the time requests may resume.
 */

export type Outcome =
  | GitHubResult
  | { kind: 'blocked'; until: number }
  | { kind: 'limited'; until: number }
  /** the client would not build this address (not HTTPS, leaves the API base): nothing was sent */
  | { kind: 'refused'; message: string }
  | { kind: 'dropped' };

/** Why a request was not sent when its address could not be built (completes "did not send this request: …"). */
export const REFUSED_ADDRESS = 'it could not build a safe address for it (the API address must use HTTPS and stay on its host)';

export interface SendOptions {
  token?: string;
  etag?: string;
  priority: Priority;
  isWanted?: () => boolean;
  /** free calls (`/rate_limit`) are not held back by the governor */
  ungoverned?: boolean;
  /**
   * Bulk work for a visible panel (an org's activity, one request per repository): queued as
   * interactive, but held back like background work once the budget is down to the reserve.
   */
  keepReserve?: boolean;
}

export interface Transport {
  send(host: GitHubHost, request: EndpointRequest, options: SendOptions): Promise<Outcome>;
  /** drops queued work nobody wants */
  prune(): void;
  /** counts per API origin, for tests and diagnostics */
  queues: Map<string, RequestQueue>;
}

export function createTransport(
  governor: RateLimitGovernor,
  fetchFn: typeof fetch | undefined,
  timeoutMs?: number,
): Transport {
  const queues = new Map<string, RequestQueue>();
  const queueFor = (origin: string) => {
    let queue = queues.get(origin);
    if (!queue) queues.set(origin, (queue = createRequestQueue()));
    return queue;
  };

  return {
    queues,
    prune() {
      for (const queue of queues.values()) queue.prune();
    },
    async send(host, request, options) {
      const url = apiUrl(host.apiBase, request.path, request.search);
      // Our own refusal, not a network failure: no retries, no "check your connection".
      if (!url) return { kind: 'refused', message: REFUSED_ADDRESS };
      const apiBase = host.apiBase;
      const queue = queueFor(url.origin);
      // Bulk work counts what it would spend: the requests still out (their cost is not in the
      // headers yet) and itself, so the reserve is still whole after it.
      const held = (spend: number) =>
        options.ungoverned ? null : governor.blockedUntil(apiBase, options.keepReserve ? 'background' : options.priority, options.keepReserve ? spend : 0);
      const early = held(queue.inFlight + 1);
      if (early) return { kind: 'blocked', until: early };

      const outcome = await queue.enqueue<Outcome>(
        options.priority,
        async () => {
          // Time passed in the queue: ask the governor again (this request is one of those in flight).
          const until = held(queue.inFlight);
          if (until) return { kind: 'blocked', until };
          // Taken as the request leaves: if the identity changes (forget) while it is out, its
          // headers belong to the old identity and must not refill the new budget.
          const generation = governor.generation(apiBase);
          const sent = options.ungoverned ? () => undefined : governor.sending(apiBase);
          let result: GitHubResult;
          try {
            result = await send(url, new URL(apiBase).origin, {
              token: options.token,
              accept: request.accept,
              etag: options.etag,
              fetch: fetchFn,
              timeoutMs,
            });
          } finally {
            // Released after the answer's headers are read (below, in this same turn).
            queueMicrotask(sent);
          }
          if (result.kind === 'network-error' || result.kind === 'redirected') return result;
          governor.observe(apiBase, result.info, generation);
          if (result.kind === 'http-error' && governor.isRateLimited(result.status, result.message, result.info)) {
            return { kind: 'limited', until: governor.limited(apiBase, result.info, generation) };
          }
          governor.succeeded(apiBase, generation);
          return result;
        },
        options.isWanted,
      );
      return outcome === DROPPED ? { kind: 'dropped' } : outcome;
    },
  };
}

/**
 * A single GET for a support call (`GET /user` for a token check): one request per user action,
 * so it is not held back by a block or budget the governor learned under another identity. Its
 * headers and any rate-limit answer are still recorded.
 */
export async function supportRequest(
  transport: Transport,
  host: GitHubHost,
  request: EndpointRequest,
  token: string | undefined,
): Promise<Exclude<SupportAnswer, { kind: 'unknown-host' }>> {
  const out = await transport.send(host, request, { token, priority: 'interactive', ungoverned: true });
  if (out.kind === 'blocked' || out.kind === 'limited') return { kind: 'rate-limited', until: out.until };
  if (out.kind === 'dropped') return { kind: 'network-error', message: 'The request was dropped.', timedOut: false };
  if (out.kind === 'refused') return { kind: 'refused', message: out.message };
  return out;
}
