import type { Priority, RateLimitInfo } from '../protocol';
import type { ResponseInfo } from '../github/client';
import { capUntil } from './safeTimer';

/**
 * Keeps Statboard inside GitHub's rate limits, per API base. It learns the budget from every
 * answer's `x-ratelimit-*` headers (the limit is per IP without a token: other software on the
 * same network spends it too, so the last answer is believed, never our own count), keeps a
 * reserve for interactive use (background work waits for the reset), and honours GitHub's "slow down" answers: `retry-after`, a spent
 * budget (wait for the reset), or a secondary limit with no hints (wait at least a minute,
 * doubling while it repeats).
 */

export const INTERACTIVE_RESERVE = 0.1;
/**
 * Below this many requests left (or 10% of the limit, whichever is more) the budget is low:
 * background work does not start, 202 polls of sections out of view stop and visible ones back
 * off longer (engine.ts), and nothing is fetched ahead of being seen. 15 of GitHub's anonymous 60
 * is what a visible section's worth of retries and a few more repositories need.
 */
export const RESERVE_REQUESTS = 15;
/**
 * A budget this large (a token's 5,000, Enterprise limits) can afford fetching sections before
 * they are seen; the anonymous 60 cannot.
 */
export const PREFETCH_MIN_LIMIT = 1000;
const SECONDARY_BASE_MS = 60_000;
const SECONDARY_CAP_MS = 15 * 60_000;

interface Block {
  until: number;
  /** consecutive secondary-limit answers without hints */
  strikes: number;
}

export interface RateLimitGovernor {
  /**
   * The API base's generation: bumped by `forget`. A request takes it when it goes out and hands
   * it back with its answer, so an answer to a request sent before a forget (under the old
   * identity) never writes into the new identity's budget or blocks.
   */
  generation(apiBase: string): number;
  /** records the budget from an answer's headers (any status); ignored from an older generation */
  observe(apiBase: string, info: ResponseInfo | undefined, generation?: number): void;
  /** records a successful answer: the secondary-limit backoff starts over */
  succeeded(apiBase: string, generation?: number): void;
  /** whether a 403/429 is a rate limit rather than a permission problem */
  isRateLimited(status: number, message: string, info: ResponseInfo): boolean;
  /**
   * records a rate-limit answer; returns when requests may resume (unix ms). From an older
   * generation the wait is computed for that answer but not recorded.
   */
  limited(apiBase: string, info: ResponseInfo, generation?: number): number;
  /**
   * when a request of this priority may go (unix ms), or null when it may go now. `unanswered`:
   * requests already sent whose answers (and cost) are not known yet, counted against the budget.
   */
  blockedUntil(apiBase: string, priority: Priority, unanswered?: number): number | null;
  /** the last known core budget of an API base */
  current(apiBase: string, resource?: string): RateLimitInfo | undefined;
  /**
   * A counted request is leaving: until `done` is called (its answer's headers were read) it is
   * taken off the budget, so two requests in flight never both spend the last one.
   */
  sending(apiBase: string): () => void;
  /** the known core budget, less the requests in flight, is below the reserve */
  isLow(apiBase: string): boolean;
  /**
   * Whether fetching ahead of what is seen is affordable: a known budget of at least
   * PREFETCH_MIN_LIMIT above the reserve; an unknown one only with a token.
   */
  canPrefetch(apiBase: string, hasToken: boolean): boolean;
  /**
   * Forgets what is known of an API base (budgets and blocks): the identity changed (a token was
   * stored or removed), so the old budget says nothing about the new one. The next answer's
   * headers teach it again.
   */
  forget(apiBase: string): void;
  onChange(listener: (apiBase: string) => void): () => void;
}

export function createRateLimitGovernor(now: () => number = Date.now): RateLimitGovernor {
  const budgets = new Map<string, RateLimitInfo>();
  const blocks = new Map<string, Block>();
  const listeners = new Set<(apiBase: string) => void>();
  const changed = (apiBase: string) => listeners.forEach((l) => l(apiBase));
  const generations = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const inFlightOf = (apiBase: string) => inFlight.get(apiBase) ?? 0;
  /** the core budget still in force (before its reset), or undefined */
  const live = (apiBase: string) => {
    const core = budgets.get(`${apiBase}|core`);
    return core && core.resetAt > now() ? core : undefined;
  };
  const reserveOf = (limit: number) => Math.max(RESERVE_REQUESTS, Math.ceil(limit * INTERACTIVE_RESERVE));
  const isLow = (apiBase: string) => {
    const core = live(apiBase);
    return core !== undefined && core.remaining - inFlightOf(apiBase) < reserveOf(core.limit);
  };
  const generationOf = (apiBase: string) => generations.get(apiBase) ?? 0;
  /** an answer without a generation is taken as current (callers that cannot race a forget) */
  const stale = (apiBase: string, generation: number | undefined) => generation !== undefined && generation !== generationOf(apiBase);

  return {
    generation: generationOf,
    observe(apiBase, info, generation) {
      const rate = info?.rate;
      if (!rate || stale(apiBase, generation)) return;
      budgets.set(`${apiBase}|${rate.resource}`, {
        limit: rate.limit,
        remaining: rate.remaining,
        used: rate.used ?? Math.max(0, rate.limit - rate.remaining),
        // GitHub's windows are an hour: a reset further out (`x-ratelimit-reset: 1e20`) is a bad
        // header, and holding requests until then would stop Statboard for good.
        resetAt: capUntil(rate.resetAt, now()),
        resource: rate.resource,
      });
      changed(apiBase);
    },
    succeeded(apiBase, generation) {
      if (stale(apiBase, generation)) return;
      const block = blocks.get(apiBase);
      if (block && block.until <= now()) blocks.delete(apiBase);
    },
    isRateLimited(status, message, info) {
      if (status === 429) return true;
      if (status !== 403) return false;
      return info.retryAfter !== undefined || info.rate?.remaining === 0 || /rate limit/i.test(message);
    },
    limited(apiBase, info, generation) {
      const t = now();
      const old = stale(apiBase, generation);
      const previous = old ? undefined : blocks.get(apiBase);
      let until: number;
      let strikes = 0;
      if (info.retryAfter !== undefined) until = t + info.retryAfter * 1000;
      else if (info.rate?.remaining === 0 && info.rate.resetAt > t) until = info.rate.resetAt + 1000;
      else {
        // A secondary limit without hints: at least a minute, doubling while it repeats.
        strikes = (previous?.strikes ?? 0) + 1;
        until = t + Math.min(SECONDARY_BASE_MS * 2 ** (strikes - 1), SECONDARY_CAP_MS);
      }
      // At most an hour (safeTimer.ts): `retry-after: 3000000` or a reset years away is asked again then.
      until = capUntil(until, t);
      if (old) return until;
      blocks.set(apiBase, { until: Math.max(until, previous && previous.until > t ? previous.until : 0), strikes });
      changed(apiBase);
      return blocks.get(apiBase)!.until;
    },
    blockedUntil(apiBase, priority, unanswered = 0) {
      const t = now();
      const block = blocks.get(apiBase);
      if (block && block.until > t) return block.until;
      const core = live(apiBase);
      if (!core) return null;
      // What the headers said, less what is out and not answered yet: never send the request
      // that would be refused. A second after the reset, as after a rate-limit answer (so every
      // section held back says the same time, whichever way it learnt the budget).
      if (core.remaining - inFlightOf(apiBase) <= 0) return capUntil(core.resetAt + 1000, t);
      // Bulk work for a panel on screen (org Activity, which passes what it would spend) may go
      // down to 10 %; true background work (the watch list) stops at the reserve (isLow).
      if (priority === 'background' && (unanswered > 0 ? core.remaining - unanswered < core.limit * INTERACTIVE_RESERVE : isLow(apiBase))) return core.resetAt;
      return null;
    },
    current(apiBase, resource = 'core') {
      const info = budgets.get(`${apiBase}|${resource}`);
      if (!info) return undefined;
      // Past the reset the budget is whole again.
      if (info.resetAt <= now()) return { ...info, remaining: info.limit, used: 0 };
      return { ...info };
    },
    sending(apiBase) {
      inFlight.set(apiBase, inFlightOf(apiBase) + 1);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        inFlight.set(apiBase, Math.max(0, inFlightOf(apiBase) - 1));
      };
    },
    isLow,
    canPrefetch(apiBase, hasToken) {
      const core = live(apiBase);
      if (!core) return hasToken;
      return core.limit >= PREFETCH_MIN_LIMIT && !isLow(apiBase);
    },
    forget(apiBase) {
      generations.set(apiBase, generationOf(apiBase) + 1);
      blocks.delete(apiBase);
      for (const key of [...budgets.keys()]) if (key.startsWith(`${apiBase}|`)) budgets.delete(key);
      changed(apiBase);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
