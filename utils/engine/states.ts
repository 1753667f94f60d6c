import { clockTime } from '../dates';
import type { NoAccessReason, Query, Snapshot } from '../protocol';
import type { CacheEntry } from './cache';

/**
 * What each GitHub outcome means to the user: a query state and a sentence they understand.
 * Every state other than loading and ready carries `meta.message`.
 */

export interface StateContext {
  query: Query;
  /** words for the section, e.g. "commit activity" */
  section: string;
  hasToken: boolean;
}

const what = (query: Query) =>
  query.kind === 'repo-stats'
    ? 'repository'
    : query.kind === 'org-insights'
      ? "organization's API Insights"
      : query.kind === 'org-repos'
        ? 'organization'
        : 'host';

export function loading(): Snapshot {
  return { state: 'loading', meta: {} };
}

/** The snapshot a cache entry stands for. */
/**
 * Nothing was requested: no watcher sees this yet, or fetching ahead is not affordable. Cached
 * data (any age) stays shown with its time; without any, `loading` marked `deferred`.
 */
export function deferred(cached: CacheEntry | undefined): Snapshot {
  if (!cached) return { state: 'loading', meta: { deferred: true, message: 'Not loaded yet: Statboard asks GitHub when this comes into view.' } };
  const shown = fromCache(cached, true);
  return { ...shown, meta: { ...shown.meta, deferred: true } };
}

export function fromCache(entry: CacheEntry, stale: boolean): Snapshot {
  const meta = { fetchedAt: entry.fetchedAt, ...(stale ? { stale: true } : {}) };
  if (entry.status === 204) return { state: 'empty', meta: { ...meta, message: 'There are no commits to show yet.' } };
  if (entry.status === 422) return tooLarge(entry.fetchedAt);
  return { state: 'ready', data: entry.data, meta };
}

export function tooLarge(fetchedAt?: number): Snapshot {
  return {
    state: 'too-large',
    meta: {
      ...(fetchedAt ? { fetchedAt } : {}),
      status: 422,
      retryable: false,
      message: 'This repository has 10,000 or more commits, so GitHub does not compute code frequency for it.',
    },
  };
}

export function refused(problem: string): Snapshot {
  return { state: 'error', meta: { retryable: false, message: `Statboard did not send this request: ${problem}.` } };
}

export function hostNotServed(host: string): Snapshot {
  return {
    state: 'error',
    meta: { retryable: false, message: `Statboard is not set up for ${host}: add it in Statboard's options.` },
  };
}

export function unsupportedHost(): Snapshot {
  return noAccess('unsupported-host', 'API Insights are not available on GitHub Enterprise Server.');
}

/**
 * API Insights answer only an organization's owners (or a role that may view them) through a
 * token with the "API Insights" permission (FACTS.md): without a token the answer is known
 * before asking, and asking would spend one of the anonymous 60 requests on a 401.
 */
export function insightsNeedToken(): Snapshot {
  return noAccess('no-token', "API Insights need a token: add one in Statboard's options.");
}

function noAccess(reason: NoAccessReason, message: string, status?: number): Snapshot {
  return { state: 'no-access', meta: { reason, message, retryable: false, ...(status ? { status } : {}) } };
}

/**
 * Without a token, a refusal (401, 403, 404) means GitHub wants one: never "your token is bad"
 * or "lacks a permission". The engine decides this from the credentials the request went with,
 * and says what the user can do.
 */
function noToken(status: 401 | 403 | 404, ctx: StateContext): Snapshot {
  const sentence = {
    401: `GitHub asks for a token to read ${ctx.section}: add one`,
    403: `GitHub refuses ${ctx.section} without a token: add one`,
    404: 'This repository may be private: add a token',
  }[status];
  return noAccess('no-token', `${sentence} in Statboard's options.`, status);
}

/** The state for an HTTP error that is not a rate limit. */
export function fromHttpError(status: number, ctx: StateContext): Snapshot {
  const insights = ctx.query.kind === 'org-insights';
  if (!ctx.hasToken && (status === 401 || status === 403 || status === 404)) return noToken(status, ctx);
  if (status === 401) {
    return noAccess('bad-token', "GitHub rejected the token: it may have expired or been revoked. Update it in Statboard's options.", 401);
  }
  if (status === 403) {
    return noAccess(
      'missing-permission',
      insights
        ? 'Your token cannot read API Insights: it needs the organization permission "API Insights" (read), and you must be an owner or hold a role that may view them.'
        : `Your token lacks a permission needed to read ${ctx.section} for this repository.`,
      403,
    );
  }
  if (status === 404) {
    return noAccess(
      'not-found',
      `GitHub says this ${what(ctx.query)} does not exist, or your token cannot see it.`,
      404,
    );
  }
  if (status === 422 && ctx.query.kind === 'repo-stats' && ctx.query.stat === 'code-frequency') return tooLarge();
  if (status >= 500) {
    return {
      state: 'error',
      meta: { status, retryable: true, message: `GitHub had a problem answering for ${ctx.section} (HTTP ${status}). Try again in a moment.` },
    };
  }
  return {
    state: 'error',
    meta: { status, retryable: true, message: `GitHub refused the request for ${ctx.section} (HTTP ${status}).` },
  };
}

export function notUnderstood(section: string): Snapshot {
  return {
    state: 'error',
    meta: { retryable: true, message: `GitHub sent an answer Statboard does not understand for ${section}.` },
  };
}

/** The answer is larger than Statboard reads (client.ts MAX_ANSWER_BYTES). */
export function answerTooLarge(section: string, limitBytes: number): Snapshot {
  const mb = Math.round(limitBytes / (1024 * 1024));
  return {
    state: 'error',
    meta: {
      retryable: false,
      message: `GitHub's answer for ${section} is too large: Statboard reads answers up to ${mb} MB and did not use this one.`,
    },
  };
}

/** The answer came from another origin than the API (a redirect): not used. */
export function redirected(message: string): Snapshot {
  return { state: 'error', meta: { retryable: true, message } };
}

export function unreachable(message: string): Snapshot {
  return { state: 'error', meta: { retryable: true, offline: true, message: `${message} Check your connection and try again.` } };
}

export function stillComputing(): Snapshot {
  return {
    state: 'error',
    meta: { retryable: true, message: 'GitHub is still computing these statistics; try again in a few minutes.' },
  };
}

export function computing(attempt: number, nextRetryAt: number): Snapshot {
  return {
    state: 'computing',
    meta: { attempt, nextRetryAt, message: 'GitHub is computing these statistics; Statboard will ask again shortly.' },
  };
}

export function rateLimited(until: number): Snapshot {
  return {
    state: 'rate-limited',
    meta: {
      rateLimitedUntil: until,
      retryable: false,
      message: `GitHub's rate limit is reached; Statboard will try again at ${clockTime(until)}.`,
    },
  };
}

export function internalProblem(): Snapshot {
  return { state: 'error', meta: { retryable: true, message: 'Statboard had an internal problem. Try again.' } };
}

/**
 * A failed refresh over good cached data: the data stays (ready), the problem is recorded.
 * Without good data the failure is shown as it is.
 */
export function overCache(failure: Snapshot, cached: CacheEntry | undefined): Snapshot {
  if (!cached || cached.status !== 200) return failure;
  return {
    state: 'ready',
    data: cached.data,
    meta: {
      fetchedAt: cached.fetchedAt,
      stale: true,
      ...(failure.meta.offline ? { offline: true } : {}),
      refreshProblem: { state: failure.state, message: failure.meta.message ?? '' },
    },
  };
}

/**
 * A failure over what watchers already see: data shown stays (ready, stale, with the problem
 * recorded); without data the failure is shown as it is.
 */
export function overSnapshot(failure: Snapshot, shown: Snapshot): Snapshot {
  if (shown.data === undefined || (shown.state !== 'ready' && shown.state !== 'computing' && shown.state !== 'rate-limited')) return failure;
  return {
    state: 'ready',
    data: shown.data,
    meta: {
      ...(shown.meta.fetchedAt !== undefined ? { fetchedAt: shown.meta.fetchedAt } : {}),
      stale: true,
      refreshProblem: { state: failure.state, message: failure.meta.message ?? '' },
    },
  };
}

/** A waiting state (computing, rate-limited) keeps good cached data visible. */
export function withCachedData(snapshot: Snapshot, cached: CacheEntry | undefined): Snapshot {
  if (!cached || cached.status !== 200) return snapshot;
  return { ...snapshot, data: cached.data, meta: { ...snapshot.meta, fetchedAt: cached.fetchedAt, stale: true } };
}
