import { headRequest } from '../github/endpoints';
import type { GitHubHost } from '../github/hosts';
import type { Priority } from '../protocol';
import { entryKey, type Cache } from './cache';
import type { Transport } from './transport';

/**
 * Repository stats stay fresh until the default branch moves (GitHub recomputes them per head
 * sha). What a visit past the freshness window sends is decided here:
 * - Each stat revalidates with its own ETag (`If-None-Match`; a 304 is free), so a cold visit
 *   needs the stats requests and nothing else that counts: no head check.
 * - Whether GitHub answers the stats endpoints' conditional requests with 304 is unverified
 *   (FACTS.md), so the answers tell: a 200 carrying the very ETag that was sent means the host
 *   ignores the condition (`ConditionalStats`). On such a host the head is checked instead, as
 *   before: at most once per freshness window per repository, shared by the five stats
 *   (concurrent askers wait on the same request), with the head's last ETag, so an unchanged head
 *   costs a free 304. Stats stored with a head (by such a check) are always validated by it.
 */

const SHA = /^[0-9a-f]{40,64}$/;

export interface HeadAsk {
  host: GitHubHost;
  token?: string;
  viewer: string;
  owner: string;
  repo: string;
  priority: Priority;
  isWanted?: () => boolean;
  /** no request: only a head already recorded within the window (a tight budget's cold visit) */
  cacheOnly?: boolean;
}

export interface HeadTracker {
  /** the default-branch head sha, from a check at most `windowMs` old; undefined when unknown */
  current(ask: HeadAsk, windowMs: number): Promise<string | undefined>;
}

export function createHeadTracker(cache: Cache, transport: Transport, now: () => number): HeadTracker {
  /** shared checks; `askers` are the isWanted of everyone waiting on one */
  const inFlight = new Map<string, { pending: Promise<string | undefined>; askers: (() => boolean)[] }>();

  async function check(key: string, ask: HeadAsk, windowMs: number): Promise<string | undefined> {
    const request = headRequest(ask.owner, ask.repo);
    if (!request) return undefined;
    const record = await cache.get(key).catch(() => undefined);
    if (record?.headSha && now() - record.validatedAt < windowMs) return record.headSha;
    if (ask.cacheOnly) return undefined;
    const out = await transport.send(ask.host, request, {
      token: ask.token,
      etag: record?.headSha ? record.etag : undefined,
      priority: ask.priority,
      isWanted: ask.isWanted,
    });
    // Keeping the answer is best effort: the head is known either way.
    if (out.kind === 'not-modified' && record?.headSha) {
      await cache.markValidated(key, now()).catch(() => undefined);
      return record.headSha;
    }
    if (out.kind === 'ok' && typeof out.body === 'string' && SHA.test(out.body)) {
      const t = now();
      const saved = { key, status: 200, data: out.body, etag: out.info.etag, headSha: out.body, fetchedAt: t, validatedAt: t };
      await cache.put(saved).catch(() => undefined);
      return out.body;
    }
    // Empty repository (409), no access, limits, network: the stats request will tell.
    return undefined;
  }

  return {
    current(ask, windowMs) {
      const request = headRequest(ask.owner, ask.repo);
      if (!request) return Promise.resolve(undefined);
      const key = entryKey(ask.host.apiBase, request.path, request.search, ask.viewer);
      const wanted = ask.isWanted ?? (() => true);
      const shared = inFlight.get(key);
      if (ask.cacheOnly) return shared ? shared.pending : check(key, ask, windowMs);
      if (shared) {
        shared.askers.push(wanted);
        return shared.pending;
      }
      // The check is wanted while any asker still wants it, not only the first one.
      const askers = [wanted];
      const pending = check(key, { ...ask, isWanted: () => askers.some((w) => w()) }, windowMs).finally(() =>
        inFlight.delete(key),
      );
      inFlight.set(key, { pending, askers });
      return pending;
    },
  };
}

/**
 * Whether an API host answers a stats request's `If-None-Match` with 304, as its answers showed
 * (kept for the worker's life; the first revalidation after a start tells again).
 */
export type ConditionalSupport = 'unknown' | 'honoured' | 'ignored';

export interface ConditionalStats {
  support(apiBase: string): ConditionalSupport;
  /** a stats answer (`status`, its ETag) to a request that sent `sentEtag` (if any) */
  note(apiBase: string, sentEtag: string | undefined, status: number, answerEtag: string | undefined): void;
}

// Weak and strong forms name the same version for If-None-Match (weak comparison, RFC 9110).
const opaque = (etag: string) => etag.trim().replace(/^W\//, '');

export function createConditionalStats(): ConditionalStats {
  const seen = new Map<string, ConditionalSupport>();
  return {
    support: (apiBase) => seen.get(apiBase) ?? 'unknown',
    note(apiBase, sentEtag, status, answerEtag) {
      if (!sentEtag) return;
      if (status === 304) seen.set(apiBase, 'honoured');
      else if (status === 200 && answerEtag && opaque(answerEtag) === opaque(sentEtag)) seen.set(apiBase, 'ignored');
    },
  };
}

/**
 * A cold visit checks the head alongside the stats only on a host known to ignore conditional
 * stats requests (there the head is what makes the next revalidation free), and never on a tight
 * budget (the anonymous 60): nothing is cached to validate yet.
 */
export function checksHeadWhenCold(support: ConditionalSupport, tightBudget: boolean): boolean {
  return support === 'ignored' && !tightBudget;
}

/**
 * A stat past its window checks the head first when it was stored with one (one free 304
 * validates all five), on a host that ignores conditional stats requests, or when it has no ETag
 * to revalidate with (an answer without one, a 204 or a 422: once the head is recorded with it,
 * later windows cost nothing); otherwise it revalidates with its own ETag.
 */
export function checksHeadWhenStale(cached: { headSha?: string; status?: number; etag?: string }, support: ConditionalSupport): boolean {
  return !!cached.headSha || support === 'ignored' || !(cached.status === 200 && cached.etag);
}
