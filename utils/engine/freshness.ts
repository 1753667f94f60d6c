import { headRequest } from '../github/endpoints';
import type { GitHubHost } from '../github/hosts';
import type { Priority } from '../protocol';
import { entryKey, type Cache } from './cache';
import type { Transport } from './transport';

/**
 * Repository stats stay fresh until the default branch moves (GitHub recomputes them per head
 * sha). The head is checked at most once per freshness window per repository, and the check is
 * shared by the five stats: concurrent askers wait on the same request. The check sends the
 * last ETag, so an unchanged head costs a free 304.
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
