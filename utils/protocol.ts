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
// Queries

export type RepoStat =
  | 'commit-activity'
  | 'code-frequency'
  | 'contributors'
  | 'participation'
  | 'punch-card';

export const REPO_STATS: readonly RepoStat[] = [
  'commit-activity',
  'code-frequency',
  'contributors',
  'participation',
  'punch-card',
];

export type ActorType =
  | 'installation'
  | 'classic_pat'
  | 'fine_grained_pat'
  | 'oauth_app'
  | 'github_app_user_to_server';

export const ACTOR_TYPES: readonly ActorType[] = [
  'installation',
  'classic_pat',
  'fine_grained_pat',
  'oauth_app',
  'github_app_user_to_server',
];

export interface RepoStatsQuery {
  kind: 'repo-stats';
  host: HostId;
  owner: string;
  repo: string;
  stat: RepoStat;
  /**
   * Part of an organization's activity sum: the repository's `pushed_at` from the org's list.
   * It stands in for the head check (no extra request; cached stats stay good while it is
   * unchanged), and the request leaves the governor's interactive reserve alone (it waits like
   * background work when the budget is low, so a page opened next still gets its requests).
   */
  pushedAt?: string;
}

/** `GET /orgs/{org}/repos?type=public&sort=pushed`, one page: the org's public repositories. */
export interface OrgReposQuery {
  kind: 'org-repos';
  host: HostId;
  org: string;
}

/** Which slice of an organization's API Insights a query is about. */
export type InsightsScope =
  | { type: 'org' }
  | { type: 'user'; userId: string }
  | { type: 'actor'; actorType: ActorType; actorId: number };

/**
 * The org reports, mapped to the nine `/orgs/{org}/insights/api/*` endpoints:
 * - summary: summary-stats, summary-stats/users/{id}, summary-stats/{actor_type}/{actor_id}
 * - time:    time-stats,    time-stats/users/{id},    time-stats/{actor_type}/{actor_id}
 * - subjects: subject-stats (scope org)
 * - user-actors: user-stats/{user_id} (scope user)
 * - routes: route-stats/{actor_type}/{actor_id} (scope actor)
 */
export type InsightsReport = 'summary' | 'time' | 'subjects' | 'user-actors' | 'routes';

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

export interface OrgInsightsQuery {
  kind: 'org-insights';
  host: HostId;
  org: string;
  report: InsightsReport;
  scope: InsightsScope;
  /** ISO 8601 `YYYY-MM-DDTHH:MM:SSZ`; both are always sent. */
  minTimestamp: string;
  maxTimestamp: string;
  /** time reports only: `5m`, `10m`, `1h`, `1d` ... */
  increment?: string;
  /** list reports only */
  page?: number;
  perPage?: number;
  direction?: 'asc' | 'desc';
  sort?: string[];
  /** list reports only: the endpoint's substring filter (subject, actor or route name). */
  filter?: string;
}

/** The current rate limit of a host, from `GET /rate_limit` (free) or the last response headers. */
export interface RateLimitQuery {
  kind: 'rate-limit';
  host: HostId;
}

export type Query = RepoStatsQuery | OrgInsightsQuery | OrgReposQuery | RateLimitQuery;

export type Priority = 'interactive' | 'background';

/**
 * Whether a watcher's data is in front of the user (the budget is spent on what is seen):
 * - `visible`: on screen or about to be (the default): fetched, polled.
 * - `offscreen`: not seen yet: served from the cache only, nothing is requested for it (a 202
 *   sequence already started keeps going unless the budget is low).
 * - `prefetch`: not seen, but the visible ones have settled: fetched only while the budget is
 *   healthy and large (a token's, not the anonymous 60), at background priority.
 */
export type Visibility = 'visible' | 'offscreen' | 'prefetch';
export const VISIBILITIES: readonly Visibility[] = ['visible', 'offscreen', 'prefetch'];

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
export type RepoStatData = {
  'commit-activity': CommitWeek[];
  'code-frequency': CodeFrequencyWeek[];
  contributors: ContributorStats;
  participation: Participation;
  'punch-card': PunchCell[];
};

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

export type ClientMessage =
  | { type: 'watch'; id: string; query: Query; priority?: Priority; visibility?: Visibility }
  /** the watched data came into view, left it, or may be fetched ahead (see Visibility) */
  | { type: 'visibility'; id: string; visibility: Visibility }
  | { type: 'unwatch'; id: string }
  /** refetch now, ignoring freshness (the user pressed retry) */
  | { type: 'retry'; id: string };

export type ServerMessage = { type: 'snapshot'; id: string; snapshot: Snapshot };

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
  kind: 'repo' | 'org';
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

export type Command =
  | { type: 'token.set'; host: HostId; token: string }
  | { type: 'token.check'; host: HostId }
  | { type: 'token.remove'; host: HostId }
  | { type: 'token.status'; host: HostId }
  | { type: 'cache.size' }
  | { type: 'cache.clear' }
  | { type: 'watchlist.get' }
  | { type: 'watchlist.add'; entry: Omit<WatchEntry, 'addedAt'> }
  | { type: 'watchlist.remove'; host: HostId; kind: WatchEntry['kind']; name: string }
  | { type: 'watchlist.refresh' }
  | { type: 'popup.opened' }
  /**
   * a content script asks for the options page (it cannot call runtime.openOptionsPage);
   * `section: 'token'` opens it at the token field
   */
  | { type: 'options.open'; section?: 'token' }
  /** the page detector saw a repository or organization page: inject that panel into its frame */
  | { type: 'panels.load'; panel: 'repo' | 'org' };

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
