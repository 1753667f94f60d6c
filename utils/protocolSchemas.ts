import * as v from 'valibot';
import { REPO_STATISTIC_IDS } from './github/repoStatistics';

/**
 * The shapes of everything a UI sends the background: queries, port messages and commands (the
 * background checks each against these before use; the finer GitHub rules, names, timestamps and
 * sorts, are applied again when the URL is built). utils/protocol.ts derives its types from them,
 * so a message and its type cannot drift apart.
 */

/** The repository statistics' ids, in display order: the rows of utils/github/repoStatistics.ts. */
export const REPO_STATS = REPO_STATISTIC_IDS;

export const ACTOR_TYPES = ['installation', 'classic_pat', 'fine_grained_pat', 'oauth_app', 'github_app_user_to_server'] as const;

/** Whether a watcher's data is in front of the user: see protocol.ts Visibility. */
export const VISIBILITIES = ['visible', 'offscreen', 'prefetch'] as const;

export const PRIORITIES = ['interactive', 'background'] as const;

/** What a watch may ask for instead of a query's full data: see protocol.ts DataShape. */
export const DATA_SHAPES = ['contributor-summary'] as const;

/**
 * The org reports, mapped to the nine `/orgs/{org}/insights/api/*` endpoints:
 * - summary: summary-stats, summary-stats/users/{id}, summary-stats/{actor_type}/{actor_id}
 * - time:    time-stats,    time-stats/users/{id},    time-stats/{actor_type}/{actor_id}
 * - subjects: subject-stats (scope org)
 * - user-actors: user-stats/{user_id} (scope user)
 * - routes: route-stats/{actor_type}/{actor_id} (scope actor)
 */
export const INSIGHTS_REPORTS = ['summary', 'time', 'subjects', 'user-actors', 'routes'] as const;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** A GitHub host as the user knows it: the page host, e.g. `github.com`, `acme.ghe.com`. */
const host = v.pipe(v.string(), v.minLength(1), v.maxLength(253));

export const InsightsScopeSchema = v.variant('type', [
  v.strictObject({ type: v.literal('org') }),
  v.strictObject({ type: v.literal('user'), userId: text(20) }),
  v.strictObject({ type: v.literal('actor'), actorType: v.picklist(ACTOR_TYPES), actorId: v.pipe(v.number(), v.safeInteger()) }),
]);

export const RepoStatsQuerySchema = v.strictObject({
  kind: v.literal('repo-stats'),
  host,
  owner: text(39),
  repo: text(100),
  stat: v.picklist(REPO_STATS),
  /**
   * Part of an organization's activity sum: the repository's `pushed_at` from the org's list.
   * It stands in for the head check (no extra request; cached stats stay good while it is
   * unchanged), and the request leaves the governor's interactive reserve alone (it waits like
   * background work when the budget is low, so a page opened next still gets its requests).
   */
  pushedAt: v.optional(text(30)),
});

/** `GET /orgs/{org}/repos?type=public&sort=pushed`, one page: the org's public repositories. */
export const OrgReposQuerySchema = v.strictObject({ kind: v.literal('org-repos'), host, org: text(39) });

export const OrgInsightsQuerySchema = v.strictObject({
  kind: v.literal('org-insights'),
  host,
  org: text(39),
  report: v.picklist(INSIGHTS_REPORTS),
  scope: InsightsScopeSchema,
  /** ISO 8601 `YYYY-MM-DDTHH:MM:SSZ`; both are always sent. */
  minTimestamp: text(20),
  maxTimestamp: text(20),
  /** time reports only: `5m`, `10m`, `1h`, `1d` ... */
  increment: v.optional(text(8)),
  /** list reports only */
  page: v.optional(v.pipe(v.number(), v.safeInteger())),
  perPage: v.optional(v.pipe(v.number(), v.safeInteger())),
  direction: v.optional(v.picklist(['asc', 'desc'])),
  sort: v.optional(v.pipe(v.array(text(40)), v.maxLength(6))),
  /** list reports only: the endpoint's substring filter (subject, actor or route name). */
  filter: v.optional(text(100)),
});

/** The current rate limit of a host, from `GET /rate_limit` (free) or the last response headers. */
export const RateLimitQuerySchema = v.strictObject({ kind: v.literal('rate-limit'), host });

export const QuerySchema = v.variant('kind', [RepoStatsQuerySchema, OrgReposQuerySchema, OrgInsightsQuerySchema, RateLimitQuerySchema]);

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

const WatchMessageSchema = v.strictObject({
  type: v.literal('watch'),
  id,
  query: QuerySchema,
  priority: v.optional(v.picklist(PRIORITIES)),
  visibility: v.optional(v.picklist(VISIBILITIES)),
  /** the snapshots carry that shape of the data instead of all of it (DataShape) */
  shape: v.optional(v.picklist(DATA_SHAPES)),
});
/** the watched data came into view, left it, or may be fetched ahead (see Visibility) */
const VisibilityMessageSchema = v.strictObject({ type: v.literal('visibility'), id, visibility: v.picklist(VISIBILITIES) });
const UnwatchMessageSchema = v.strictObject({ type: v.literal('unwatch'), id });
/** refetch now, ignoring freshness (the user pressed retry) */
const RetryMessageSchema = v.strictObject({ type: v.literal('retry'), id });

/** At most this many messages in one `batch` (a panel's first task sends one watch per section). */
export const MAX_BATCH = 64;

// Each schema listed by name (no spread of another's options): the calls stay pure, so a bundle
// that imports only MAX_BATCH from here (the page's client) carries no schema and no valibot.
export const ClientMessageSchema = v.variant('type', [
  WatchMessageSchema,
  VisibilityMessageSchema,
  UnwatchMessageSchema,
  RetryMessageSchema,
  /**
   * What a UI posted in one task, sent as one message: the background handles them in one task
   * and answers what it has at once in one `snapshots` message (one render on the page, not one per section).
   */
  v.strictObject({
    type: v.literal('batch'),
    messages: v.pipe(
      v.array(v.variant('type', [WatchMessageSchema, VisibilityMessageSchema, UnwatchMessageSchema, RetryMessageSchema])),
      v.minLength(1),
      v.maxLength(MAX_BATCH),
    ),
  }),
]);

/** A port message from a UI, or null when it is not one. */
export function parseClientMessage(raw: unknown): v.InferOutput<typeof ClientMessageSchema> | null {
  const parsed = v.safeParse(ClientMessageSchema, raw);
  return parsed.success ? parsed.output : null;
}

const name = v.pipe(v.string(), v.minLength(1), v.maxLength(140));
export const WATCH_KINDS = ['repo', 'org'] as const;
const watchKind = v.picklist(WATCH_KINDS);

export const CommandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('token.set'), host, token: v.pipe(v.string(), v.minLength(1), v.maxLength(255)) }),
  v.strictObject({ type: v.literal('token.check'), host }),
  v.strictObject({ type: v.literal('token.remove'), host }),
  v.strictObject({ type: v.literal('token.status'), host }),
  v.strictObject({ type: v.literal('cache.size') }),
  v.strictObject({ type: v.literal('cache.clear') }),
  v.strictObject({ type: v.literal('watchlist.get') }),
  /** `name`: `owner/repo` or `org` */
  v.strictObject({ type: v.literal('watchlist.add'), entry: v.strictObject({ host, kind: watchKind, name }) }),
  v.strictObject({ type: v.literal('watchlist.remove'), host, kind: watchKind, name }),
  v.strictObject({ type: v.literal('watchlist.refresh') }),
  v.strictObject({ type: v.literal('popup.opened') }),
  /**
   * a content script asks for the options page (it cannot call runtime.openOptionsPage);
   * `section: 'token'` opens it at the token field
   */
  v.strictObject({ type: v.literal('options.open'), section: v.optional(v.literal('token')) }),
  /**
   * the org panel shows API Insights for the first time: inject that part into its frame (the
   * panels themselves are injected by the background, utils/background/panelInjection.ts)
   */
  v.strictObject({ type: v.literal('panels.load'), panel: v.picklist(['org-insights', 'repo-charts']) }),
]);

/** How a command travels in `runtime.sendMessage`: marked, so other messages are left alone. */
export const CommandEnvelopeSchema = v.object({ statboard: v.literal('command'), command: v.unknown() });

/** The message that carries `command` (the one place the envelope is written). */
export function commandMessage(command: v.InferOutput<typeof CommandSchema>): { statboard: 'command'; command: unknown } {
  return { statboard: 'command', command };
}
