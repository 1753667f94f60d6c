// Over 300 lines on purpose: the one contract every side imports (data, snapshots, commands), types with their docs; the checked shapes are protocolSchemas.ts.
import type * as v from 'valibot';
import { ACTOR_TYPES } from './protocolSchemas';
import type {
  ClientMessageSchema,
  CommandSchema,
  DATA_SHAPES,
  InsightsScopeSchema,
  OrgInsightsQuerySchema,
  OrgReposQuerySchema,
  PRIORITIES,
  QuerySchema,
  RateLimitQuerySchema,
  REPO_STATS,
  RepoStatsQuerySchema,
  VISIBILITIES,
  WATCH_KINDS,
} from './protocolSchemas';
import type { RepoStatisticData } from './github/repoStatistics';

/**
 * The message and snapshot types shared by every side of Statboard: content scripts, popup,
 * options page and the background engine. Everything here is plain JSON (ports serialize).
 *
 * Flow: a UI opens a port named PORT_NAME, sends `watch` messages with a Query, and receives
 * `snapshot` messages for it until it sends `unwatch` or disconnects. One-shot actions
 * (token check, cache clear, pin, ...) go through `runtime.sendMessage` as a Command.
 */

export const PORT_NAME = 'statboard';

/** A GitHub host as the user knows it: the page hostname, e.g. `github.com`, `acme.ghe.com`. */
export type HostId = string;

// ---------------------------------------------------------------------------------------------
// Queries (their shapes, checked by the background, are protocolSchemas.ts's)

export { ACTOR_TYPES, REPO_STATS, VISIBILITIES, commandMessage } from './protocolSchemas';

export type RepoStat = (typeof REPO_STATS)[number];
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Whether `value` is one of GitHub's actor types (the insights routes name them). */
export function isActorType(value: unknown): value is ActorType {
  return (ACTOR_TYPES as readonly unknown[]).includes(value);
}

export type RepoStatsQuery = v.InferOutput<typeof RepoStatsQuerySchema>;
export type OrgReposQuery = v.InferOutput<typeof OrgReposQuerySchema>;
export type OrgInsightsQuery = v.InferOutput<typeof OrgInsightsQuerySchema>;
export type RateLimitQuery = v.InferOutput<typeof RateLimitQuerySchema>;
export type Query = v.InferOutput<typeof QuerySchema>;

/** Which slice of an organization's API Insights a query is about. */
export type InsightsScope = v.InferOutput<typeof InsightsScopeSchema>;

/** Which report of an organization's API Insights a query asks for (protocolSchemas.ts INSIGHTS_REPORTS). */
export type InsightsReport = OrgInsightsQuery['report'];

/** The API's `sort` values for subject-stats and user-stats (FACTS.md). */
export const SUBJECT_SORT_FIELDS = [
  'last_rate_limited_timestamp',
  'last_request_timestamp',
  'rate_limited_request_count',
  'subject_name',
  'total_request_count',
] as const;

export type SubjectSortField = (typeof SUBJECT_SORT_FIELDS)[number];

/** The API's `sort` values for route-stats (FACTS.md). */
export const ROUTE_SORT_FIELDS = [
  'last_rate_limited_timestamp',
  'last_request_timestamp',
  'rate_limited_request_count',
  'http_method',
  'api_route',
  'total_request_count',
] as const;

export type RouteSortField = (typeof ROUTE_SORT_FIELDS)[number];

export type Priority = (typeof PRIORITIES)[number];

/**
 * Whether a watcher's data is in front of the user (the budget is spent on what is seen):
 * - `visible`: on screen or about to be (the default): fetched, polled.
 * - `offscreen`: not seen yet: served from the cache only, nothing is requested for it (a 202
 *   sequence already started keeps going unless the budget is low).
 * - `prefetch`: not seen, but the visible ones have settled: fetched only while the budget is
 *   healthy and large (a token's, not the anonymous 60), at background priority.
 */
export type Visibility = (typeof VISIBILITIES)[number];

// ---------------------------------------------------------------------------------------------
// Normalized data (validated in the background, then shaped for the UI)

/** commit_activity: 52 weeks, oldest first. `week` is unix seconds (a Sunday, UTC). */
export interface CommitWeek {
  week: number;
  total: number;
  /** 7 numbers, Sunday first */
  days: number[];
}

/** code_frequency: one row per week, deletions as a positive number. */
export interface CodeFrequencyWeek {
  week: number;
  additions: number;
  deletions: number;
}

/**
 * contributors: columnar weeks to keep big repositories (100 people x 800 weeks) light to send
 * and to chart. All contributors share `weeks` from the top level ContributorStats.
 */
export interface Contributor {
  /** null when GitHub has no user for the author (shown as "unknown") */
  login: string | null;
  id: number | null;
  htmlUrl: string | null;
  avatarUrl: string | null;
  isBot: boolean;
  total: number;
  /** per week, aligned with ContributorStats.weeks */
  commits: number[];
  additions: number[];
  deletions: number[];
}

export interface ContributorStats {
  /** unix seconds of each week start, oldest first */
  weeks: number[];
  contributors: Contributor[];
}

/** A contributor without the weekly arrays (see ContributorSummary). */
export type ContributorPerson = Omit<Contributor, 'commits' | 'additions' | 'deletions'>;

/** One window of a ContributorSummary; every array is aligned with `people`. */
export interface ContributorWindowSums {
  /** the week indexes it covers in the full answer: `from` inclusive, `to` exclusive */
  span: { from: number; to: number };
  commits: number[];
  additions: number[];
  deletions: number[];
  /** each person's weekly commits over the window, summed into at most 26 points */
  sparklines: number[][];
}

/**
 * What the repository panel shows of `contributors`, summed in the background per window (each
 * ending at the answer's last week): 100 people x 800 weeks cross the port as 100 x 4 sums
 * (utils/metrics/contributorSummary.ts). The cache keeps the full ContributorStats; a watch asks
 * for this with `shape: 'contributor-summary'`.
 */
export interface ContributorSummary {
  shape: 'contributor-summary';
  /** weeks in the full answer */
  weekCount: number;
  people: ContributorPerson[];
  windows: Record<'4w' | '12w' | '52w' | 'all', ContributorWindowSums>;
}

/** What a watch may ask the background to send instead of a query's full data (`watch.shape`). */
export type DataShape = (typeof DATA_SHAPES)[number];

/** participation: 52 weeks oldest first; `owner` is a subset of `all`. */
export interface Participation {
  all: number[];
  owner: number[];
}

/** punch_card: one cell per (day 0-6 Sunday first, hour 0-23). */
export interface PunchCell {
  day: number;
  hour: number;
  commits: number;
}

export interface InsightsSummary {
  totalRequests: number;
  rateLimitedRequests: number;
}

export interface InsightsTimePoint {
  /** unix milliseconds */
  time: number;
  totalRequests: number;
  rateLimitedRequests: number;
}

export interface InsightsSubject {
  subjectType: string;
  subjectName: string;
  subjectId: number;
  totalRequests: number;
  rateLimitedRequests: number;
  lastRateLimitedAt: string | null;
  lastRequestAt: string | null;
}

export interface InsightsActor {
  actorType: string;
  actorName: string;
  actorId: number;
  integrationId: number | null;
  oauthApplicationId: number | null;
  totalRequests: number;
  rateLimitedRequests: number;
  lastRateLimitedAt: string | null;
  lastRequestAt: string | null;
}

export interface InsightsRoute {
  httpMethod: string;
  apiRoute: string;
  totalRequests: number;
  rateLimitedRequests: number;
  lastRateLimitedAt: string | null;
  lastRequestAt: string | null;
}

/** A page of a list report; `hasMore` is true when the page came back full. */
export interface InsightsPage<T> {
  items: T[];
  page: number;
  perPage: number;
  hasMore: boolean;
}

/** One repository of an organization's list, most recently pushed first. */
export interface OrgRepo {
  /** the repository's own name (links are built from host + owner + name, never from API URLs) */
  name: string;
  owner: string;
  fork: boolean;
  archived: boolean;
  /** ISO time of the last push to any branch; null for a repository never pushed to */
  pushedAt: string | null;
}

export interface RateLimitInfo {
  limit: number;
  remaining: number;
  used: number;
  /** unix milliseconds */
  resetAt: number;
  resource: string;
}

/** The data type each query resolves to. */
export type RepoStatData = { [S in RepoStat]: RepoStatisticData<S> };

export type InsightsReportData = {
  summary: InsightsSummary;
  time: InsightsTimePoint[];
  subjects: InsightsPage<InsightsSubject>;
  'user-actors': InsightsPage<InsightsActor>;
  routes: InsightsPage<InsightsRoute>;
};

export type DataOf<Q extends Query> = Q extends RepoStatsQuery
  ? RepoStatData[Q['stat']]
  : Q extends OrgInsightsQuery
    ? InsightsReportData[Q['report']]
    : Q extends OrgReposQuery
      ? OrgRepo[]
      : Q extends RateLimitQuery
        ? RateLimitInfo
        : never;

// ---------------------------------------------------------------------------------------------
// Snapshots: what a watcher receives

export type QueryState =
  | 'loading'
  | 'computing'
  | 'ready'
  | 'empty'
  | 'too-large'
  | 'no-access'
  | 'rate-limited'
  | 'error';

export type NoAccessReason =
  /** 401: the token was rejected (expired, revoked, mistyped) */
  | 'bad-token'
  /** 403 without rate-limit signs: the token lacks a permission or scope */
  | 'missing-permission'
  /** 404: does not exist, or private and the token cannot see it */
  | 'not-found'
  /** no token is set and the resource needs one */
  | 'no-token'
  /** the host does not offer this feature (API Insights on Enterprise Server) */
  | 'unsupported-host';

export interface SnapshotMeta {
  /** unix ms when the data shown was fetched from GitHub */
  fetchedAt?: number;
  /** data is from the cache and is being (or could not be) refreshed */
  stale?: boolean;
  /** the last refresh failed for lack of network; data (if any) is the cached copy */
  offline?: boolean;
  /** computing: how many 202 answers so far, and when the next try is (unix ms) */
  attempt?: number;
  nextRetryAt?: number;
  /** rate-limited: when requests may resume (unix ms) */
  rateLimitedUntil?: number;
  /** no-access */
  reason?: NoAccessReason;
  /** a sentence for the user, set for every state that is not loading or ready */
  message?: string;
  /** the user can ask for a retry (error, computing given up, too-large never) */
  retryable?: boolean;
  /**
   * ready with data, but the last refresh failed: what went wrong. The cached data stays.
   */
  refreshProblem?: { state: QueryState; message: string };
  /** the HTTP status of the answer that set this state, when there was one */
  status?: number;
  /**
   * Nothing was requested because no watcher sees this yet (`offscreen`), or the budget is too
   * low to fetch ahead: `loading` with this set means "not loaded yet", not "on its way".
   */
  deferred?: boolean;
  /**
   * time reports: the increment the data is for, when GitHub refused the query's own and the
   * engine asked for a coarser one (absent: the query's increment)
   */
  increment?: string;
}

export interface Snapshot<T = unknown> {
  state: QueryState;
  /** present in `ready`; also kept in other states when good cached data exists */
  data?: T;
  meta: SnapshotMeta;
}

// ---------------------------------------------------------------------------------------------
// Port messages

/** watch, visibility, unwatch, retry, or a batch of those (protocolSchemas.ts ClientMessageSchema) */
export type ClientMessage = v.InferOutput<typeof ClientMessageSchema>;
export type SingleClientMessage = Exclude<ClientMessage, { type: 'batch' }>;

/** One watch's new snapshot; `snapshots` carries those a batch was answered with at once, in order. */
export type ServerMessage = { type: 'snapshot'; id: string; snapshot: Snapshot } | { type: 'snapshots'; items: { id: string; snapshot: Snapshot }[] };

// ---------------------------------------------------------------------------------------------
// Commands (runtime.sendMessage, answered with a Promise)

export type TokenKind =
  | 'classic'
  | 'fine-grained'
  | 'oauth'
  | 'app-user'
  | 'app-installation'
  | 'refresh'
  | 'unknown';

export interface TokenStatus {
  status: 'valid' | 'invalid' | 'checking' | 'missing' | 'unreachable';
  host: HostId;
  login?: string;
  kind?: TokenKind;
  /** classic tokens only (X-OAuth-Scopes) */
  scopes?: string[];
  /** ISO date from GitHub-Authentication-Token-Expiration */
  expiresAt?: string;
  warnings?: string[];
  message?: string;
  checkedAt?: number;
}

export interface WatchEntry {
  host: HostId;
  kind: (typeof WATCH_KINDS)[number];
  /** `owner/repo` or `org` */
  name: string;
  addedAt: number;
  /** the numbers from the last background refresh (absent until the first one) */
  latest?: WatchLatest;
}

/**
 * A watched entry's numbers. Repo: commits in the last 52 weeks, weekly totals. Org: API
 * requests in the last 24 hours, hourly totals, rate-limited count and the newest
 * rate-limited request seen (drives the toolbar badge).
 */
export interface WatchLatest {
  /** unix ms of the refresh that produced this */
  refreshedAt: number;
  /** state of that refresh; a failed refresh keeps the older numbers below */
  state: QueryState;
  message?: string;
  /** unix ms the numbers below were fetched from GitHub */
  fetchedAt?: number;
  total?: number;
  rateLimited?: number;
  series?: number[];
  /** org: ISO time of the newest rate-limited request in the window, null when none */
  lastRateLimitedAt?: string | null;
  /**
   * whose numbers these are (the cache identity: utils/engine/identity.ts); numbers of another
   * identity than the host's current token are never shown or kept
   */
  identity?: string;
  /**
   * org without API Insights: its Activity headline instead (then `total` is commits in 52 weeks
   * and `series` the weekly sums across the counted repositories)
   */
  activity?: { repos: number; counted: number; activeRepos: number; recent: number; previous: number; busiest: string | null };
}

/** One-shot actions (protocolSchemas.ts CommandSchema, which documents each). */
export type Command = v.InferOutput<typeof CommandSchema>;

export type CommandResult<C extends Command> = C extends { type: 'token.set' | 'token.check' | 'token.remove' | 'token.status' }
  ? TokenStatus
  : C extends { type: 'cache.size' }
    ? { bytes: number; entries: number; /** a sentence when the cache cannot be used */ unavailable?: string }
    : C extends { type: 'watchlist.get' | 'watchlist.add' | 'watchlist.remove' }
      ? WatchEntry[]
      : { ok: true };

/** A stable text key for a query (dedup, logs). Object keys sorted, undefined dropped. */
export function queryKey(query: Query): string {
  return JSON.stringify(sortKeys(query));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}
