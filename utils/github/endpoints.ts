import {
  ACTOR_TYPES,
  ROUTE_SORT_FIELDS,
  SUBJECT_SORT_FIELDS,
  type ActorType,
  type InsightsReport,
  type OrgInsightsQuery,
  type Query,
  type RepoStat,
} from '../protocol';

/**
 * Every GitHub URL Statboard calls is built here, from validated parts only. A Query maps to
 * exactly one path + query string; anything that breaks GitHub's naming rules or the endpoint's
 * parameter rules is refused before it can reach the network.
 */

/** A request ready for the client: a path under the host's API base and its query string. */
export interface EndpointRequest {
  /** starts with `/`, every segment encoded */
  path: string;
  /** sorted, encoded with URLSearchParams; empty string when there is none */
  search: string;
  /** the Accept header when it differs from `application/vnd.github+json` */
  accept?: string;
  /** words for the user: "commit activity", "API routes" */
  section: string;
}

export type BuildResult = { ok: true; request: EndpointRequest } | { ok: false; problem: string };

const STAT_PATHS: Record<RepoStat, string> = {
  'commit-activity': 'commit_activity',
  'code-frequency': 'code_frequency',
  contributors: 'contributors',
  participation: 'participation',
  'punch-card': 'punch_card',
};

export const SECTION_NAMES: Record<RepoStat | InsightsReport, string> = {
  'commit-activity': 'commit activity',
  'code-frequency': 'code frequency',
  contributors: 'contributors',
  participation: 'participation',
  'punch-card': 'punch card',
  summary: 'the API summary',
  time: 'API requests over time',
  subjects: 'API subjects',
  'user-actors': "a user's API actors",
  routes: 'API routes',
};

// GitHub's naming rules.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
const INCREMENT = /^[1-9]\d{0,4}[mhdw]$/;
const USER_ID = /^[1-9]\d{0,19}$/;
const MAX_FILTER = 100;


export function isValidOwner(name: unknown): name is string {
  return typeof name === 'string' && name.length <= 39 && OWNER.test(name);
}

export function isValidRepo(name: unknown): name is string {
  return typeof name === 'string' && REPO.test(name) && name !== '.' && name !== '..';
}

export function isValidTimestamp(value: unknown): value is string {
  return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

function isActorType(value: unknown): value is ActorType {
  return ACTOR_TYPES.includes(value as ActorType);
}

function isPositiveId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

const seg = encodeURIComponent;

function ok(path: string, params: URLSearchParams | null, section: string, accept?: string): BuildResult {
  params?.sort();
  const search = params?.toString() ?? '';
  return { ok: true, request: { path, search, section, ...(accept ? { accept } : {}) } };
}

const refuse = (problem: string): BuildResult => ({ ok: false, problem });

/** The single request a Query stands for, or why it is refused. */
export function buildRequest(query: Query): BuildResult {
  switch (query.kind) {
    case 'repo-stats': {
      if (!isValidOwner(query.owner)) return refuse('the owner name is not a valid GitHub name');
      if (!isValidRepo(query.repo)) return refuse('the repository name is not a valid GitHub name');
      const stat = Object.hasOwn(STAT_PATHS, query.stat) ? STAT_PATHS[query.stat] : undefined;
      if (!stat) return refuse('unknown statistic');
      return ok(`/repos/${seg(query.owner)}/${seg(query.repo)}/stats/${stat}`, null, SECTION_NAMES[query.stat]);
    }
    case 'org-insights':
      return buildInsightsRequest(query);
    case 'rate-limit':
      return ok('/rate_limit', null, 'the rate limit');
    default:
      return refuse('unknown query kind');
  }
}

function buildInsightsRequest(query: OrgInsightsQuery): BuildResult {
  if (!isValidOwner(query.org)) return refuse('the organization name is not a valid GitHub name');
  if (!isValidTimestamp(query.minTimestamp) || !isValidTimestamp(query.maxTimestamp)) {
    return refuse('timestamps must look like 2025-01-31T00:00:00Z');
  }
  if (Date.parse(query.minTimestamp) > Date.parse(query.maxTimestamp)) return refuse('the window ends before it starts');
  const base = `/orgs/${seg(query.org)}/insights/api`;
  const params = new URLSearchParams({ min_timestamp: query.minTimestamp, max_timestamp: query.maxTimestamp });
  const section = SECTION_NAMES[query.report] ?? 'API Insights';
  const scope = query.scope;

  // The path suffix that selects a user or an actor.
  let scopePath: string;
  if (scope?.type === 'org') scopePath = '';
  else if (scope?.type === 'user') {
    if (typeof scope.userId !== 'string' || !USER_ID.test(scope.userId)) return refuse('the user id must be a number');
    scopePath = `/users/${seg(scope.userId)}`;
  } else if (scope?.type === 'actor') {
    if (!isActorType(scope.actorType)) return refuse('unknown actor type');
    if (!isPositiveId(scope.actorId)) return refuse('the actor id must be a number');
    scopePath = `/${seg(scope.actorType)}/${scope.actorId}`;
  } else return refuse('unknown scope');

  const isList = query.report === 'subjects' || query.report === 'user-actors' || query.report === 'routes';
  if (!isList && (query.page !== undefined || query.perPage !== undefined || query.direction !== undefined || query.sort !== undefined || query.filter !== undefined)) {
    return refuse('paging, sorting and filters apply to list reports only');
  }
  if (query.report !== 'time' && query.increment !== undefined) return refuse('an increment applies to time reports only');

  switch (query.report) {
    case 'summary':
      return ok(`${base}/summary-stats${scopePath}`, params, section);
    case 'time':
      if (typeof query.increment !== 'string' || !INCREMENT.test(query.increment)) {
        return refuse('the time increment must look like 5m, 1h or 1d');
      }
      params.set('timestamp_increment', query.increment);
      return ok(`${base}/time-stats${scopePath}`, params, section);
    case 'subjects':
      if (scope.type !== 'org') return refuse('subject stats are for the whole organization');
      return withList(query, params, SUBJECT_SORT_FIELDS, 'subject_name_substring')
        ?? ok(`${base}/subject-stats`, params, section);
    case 'user-actors':
      if (scope.type !== 'user') return refuse('user stats need a user');
      return withList(query, params, SUBJECT_SORT_FIELDS, 'actor_name_substring')
        ?? ok(`${base}/user-stats/${seg(scope.userId)}`, params, section);
    case 'routes':
      if (scope.type !== 'actor') return refuse('route stats need an actor');
      return withList(query, params, ROUTE_SORT_FIELDS, 'api_route_substring')
        ?? ok(`${base}/route-stats${scopePath}`, params, section);
    default:
      return refuse('unknown report');
  }
}

/** Adds the list parameters; returns a refusal when one is invalid, undefined when all are fine. */
function withList(
  query: OrgInsightsQuery,
  params: URLSearchParams,
  sorts: readonly string[],
  filterName: string,
): BuildResult | undefined {
  if (query.page !== undefined) {
    if (!Number.isSafeInteger(query.page) || query.page < 1 || query.page > 100_000) return refuse('the page must be a positive number');
    params.set('page', String(query.page));
  }
  if (query.perPage !== undefined) {
    if (!Number.isInteger(query.perPage) || query.perPage < 1 || query.perPage > 100) return refuse('per page must be 1 to 100');
    params.set('per_page', String(query.perPage));
  }
  if (query.direction !== undefined) {
    if (query.direction !== 'asc' && query.direction !== 'desc') return refuse('direction must be asc or desc');
    params.set('direction', query.direction);
  }
  if (query.sort !== undefined) {
    if (!Array.isArray(query.sort) || query.sort.length > sorts.length || !query.sort.every((s) => sorts.includes(s))) {
      return refuse('unknown sort field');
    }
    // Repeated `sort` keys keep the caller's order (URLSearchParams.sort is stable).
    for (const s of query.sort) params.append('sort', s);
  }
  if (query.filter !== undefined) {
    if (typeof query.filter !== 'string' || query.filter.length > MAX_FILTER) return refuse('the filter is longer than 100 characters');
    if (query.filter !== '') params.set(filterName, query.filter);
  }
  return undefined;
}

/** The page and page size a list answer stands for (GitHub's default page size is 30). */
export function listPaging(query: OrgInsightsQuery): { page: number; perPage: number } {
  return { page: query.page ?? 1, perPage: query.perPage ?? 30 };
}

// ---------------------------------------------------------------------------------------------
// Support calls

/** `GET /user`: who a token belongs to. */
export function userRequest(): EndpointRequest {
  return { path: '/user', search: '', section: 'your account' };
}

/** The media type that makes `commits/HEAD` answer with only the sha (a few bytes). */
export const SHA_MEDIA_TYPE = 'application/vnd.github.sha';

/** `GET /repos/{owner}/{repo}/commits/HEAD`: the default branch head, as plain text. */
export function headRequest(owner: string, repo: string): EndpointRequest | null {
  if (!isValidOwner(owner) || !isValidRepo(repo)) return null;
  return {
    path: `/repos/${seg(owner)}/${seg(repo)}/commits/HEAD`,
    search: '',
    accept: SHA_MEDIA_TYPE,
    section: 'the default branch',
  };
}
