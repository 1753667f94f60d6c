import type { paths } from '@octokit/openapi-types';
import {
  isActorType,
  ROUTE_SORT_FIELDS,
  SUBJECT_SORT_FIELDS,
  type InsightsReport,
  type OrgInsightsQuery,
  type Query,
} from '../protocol';
import { isValidOrg, isValidOwner, isValidRepo } from './names';
import { REPO_STATISTIC_ENDPOINTS, REPO_STATISTICS } from './repoStatistics';

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

/** Words for each API Insights report; a repository statistic's are its title (repoStatistics.ts). */
export const SECTION_NAMES: Record<InsightsReport, string> = {
  summary: 'the API summary',
  time: 'API requests over time',
  subjects: 'API subjects',
  'user-actors': "a user's API actors",
  routes: 'API routes',
};

const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
const INCREMENT = /^[1-9]\d{0,4}[mhdw]$/;
const USER_ID = /^[1-9]\d{0,19}$/;
const MAX_FILTER = 100;
/** How many repositories the one org-repos page asks for. */
export const ORG_REPOS_PAGE = 100;

export function isValidTimestamp(value: unknown): value is string {
  return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

function isPositiveId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

const seg = encodeURIComponent;

// ---------------------------------------------------------------------------------------------
// Typed endpoint descriptors. Every request names GitHub's own path template, and tsc checks the
// template, its path parameters, its query parameters (names and value types: the insights sort
// fields, actor types, paging) and its Accept media type against `@octokit/openapi-types`
// (type-only: nothing of it reaches a bundle). A path or a query parameter GitHub does not
// document fails `npx tsc --noEmit -p .`: try `'/repos/{owner}/{repo}/stats/commits'` or a
// `sort_by` query key below.

/** GitHub's GET path templates, e.g. `/repos/{owner}/{repo}/stats/punch_card`. */
export type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];
type GetOperation<P extends GetPath> = paths[P] extends { get: infer O } ? O : never;
type Parameters<P extends GetPath> = GetOperation<P> extends { parameters: infer X } ? X : Record<never, never>;
type PathParameters<P extends GetPath> = Parameters<P> extends { path: infer X } ? X : Record<never, never>;
type QueryParameters<P extends GetPath> = Parameters<P> extends { query?: infer X } ? NonNullable<X> : Record<never, never>;
/** The media types GitHub documents for the 200 answer of a path. */
type MediaType<P extends GetPath> = GetOperation<P> extends { responses: { 200: { content: infer C } } } ? keyof C & string : never;
/** Query keys that are not the endpoint's become `never`, so they fail even through a spread. */
type Exact<Q, Allowed> = Q & { [K in Exclude<keyof Q, keyof Allowed>]: never };

/**
 * Fills a documented path template and serializes the query (sorted; arrays as repeated keys
 * in their own order; undefined values left out).
 */
function endpoint<P extends GetPath, A extends PathParameters<P>, Q extends QueryParameters<P>>(
  template: P,
  params: Exact<A, PathParameters<P>>,
  query: Exact<Q, QueryParameters<P>> | null,
  section: string,
  accept?: MediaType<P>,
): EndpointRequest {
  const values = params as Record<string, string | number>;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => seg(String(values[name])));
  let search = '';
  if (query) {
    const list = new URLSearchParams();
    for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) list.append(name, String(item));
    }
    // Repeated `sort` keys keep the caller's order (URLSearchParams.sort is stable).
    list.sort();
    search = list.toString();
  }
  return { path, search, section, ...(accept && accept !== JSON_MEDIA ? { accept } : {}) };
}

const JSON_MEDIA = 'application/json';

const ok = (request: EndpointRequest): BuildResult => ({ ok: true, request });
const refuse = (problem: string): BuildResult => ({ ok: false, problem });

/** The single request a Query stands for, or why it is refused. */
export function buildRequest(query: Query): BuildResult {
  switch (query.kind) {
    case 'repo-stats': {
      if (!isValidOwner(query.owner)) return refuse('the owner name is not a valid GitHub name');
      if (!isValidRepo(query.repo)) return refuse('the repository name is not a valid GitHub name');
      if (!Object.hasOwn(REPO_STATISTIC_ENDPOINTS, query.stat)) return refuse('unknown statistic');
      // The path is the union of the table's templates: each must be GitHub's, taking owner and repo.
      const { path } = REPO_STATISTIC_ENDPOINTS[query.stat];
      return ok(endpoint(path, { owner: query.owner, repo: query.repo }, null, REPO_STATISTICS[query.stat].title.toLowerCase()));
    }
    case 'org-insights':
      return buildInsightsRequest(query);
    case 'org-repos': {
      if (!isValidOwner(query.org)) return refuse('the organization name is not a valid GitHub name');
      // One page, most recently pushed first: forks and archived ones are dropped after, so the
      // page is a full 100 to leave 30 (the largest choice) in nearly every organization.
      const list = { type: 'public', sort: 'pushed', direction: 'desc', per_page: ORG_REPOS_PAGE } as const;
      return ok(endpoint('/orgs/{org}/repos', { org: query.org }, list, "the organization's repositories"));
    }
    case 'rate-limit':
      return ok(endpoint('/rate_limit', {}, null, 'the rate limit'));
    default:
      return refuse('unknown query kind');
  }
}

function buildInsightsRequest(query: OrgInsightsQuery): BuildResult {
  const org = query.org;
  if (!isValidOrg(org)) return refuse('the organization name is not a valid GitHub name');
  if (!isValidTimestamp(query.minTimestamp) || !isValidTimestamp(query.maxTimestamp)) {
    return refuse('timestamps must look like 2025-01-31T00:00:00Z');
  }
  if (Date.parse(query.minTimestamp) > Date.parse(query.maxTimestamp)) return refuse('the window ends before it starts');
  const window = { min_timestamp: query.minTimestamp, max_timestamp: query.maxTimestamp };
  const section = SECTION_NAMES[query.report] ?? 'API Insights';
  const scope = query.scope;

  if (scope?.type === 'user') {
    if (typeof scope.userId !== 'string' || !USER_ID.test(scope.userId)) return refuse('the user id must be a number');
  } else if (scope?.type === 'actor') {
    if (!isActorType(scope.actorType)) return refuse('unknown actor type');
    if (!isPositiveId(scope.actorId)) return refuse('the actor id must be a number');
  } else if (scope?.type !== 'org') return refuse('unknown scope');

  const isList = query.report === 'subjects' || query.report === 'user-actors' || query.report === 'routes';
  if (!isList && (query.page !== undefined || query.perPage !== undefined || query.direction !== undefined || query.sort !== undefined || query.filter !== undefined)) {
    return refuse('paging, sorting and filters apply to list reports only');
  }
  if (query.report !== 'time' && query.increment !== undefined) return refuse('an increment applies to time reports only');

  switch (query.report) {
    case 'summary':
      if (scope.type === 'user') {
        return ok(endpoint('/orgs/{org}/insights/api/summary-stats/users/{user_id}', { org, user_id: scope.userId }, window, section));
      }
      if (scope.type === 'actor') {
        const params = { org, actor_type: scope.actorType, actor_id: scope.actorId };
        return ok(endpoint('/orgs/{org}/insights/api/summary-stats/{actor_type}/{actor_id}', params, window, section));
      }
      return ok(endpoint('/orgs/{org}/insights/api/summary-stats', { org }, window, section));
    case 'time': {
      if (typeof query.increment !== 'string' || !INCREMENT.test(query.increment)) {
        return refuse('the time increment must look like 5m, 1h or 1d');
      }
      const time = { ...window, timestamp_increment: query.increment };
      if (scope.type === 'user') {
        return ok(endpoint('/orgs/{org}/insights/api/time-stats/users/{user_id}', { org, user_id: scope.userId }, time, section));
      }
      if (scope.type === 'actor') {
        const params = { org, actor_type: scope.actorType, actor_id: scope.actorId };
        return ok(endpoint('/orgs/{org}/insights/api/time-stats/{actor_type}/{actor_id}', params, time, section));
      }
      return ok(endpoint('/orgs/{org}/insights/api/time-stats', { org }, time, section));
    }
    case 'subjects': {
      if (scope.type !== 'org') return refuse('subject stats are for the whole organization');
      const list = listParameters(query, SUBJECT_SORT_FIELDS);
      if (!list.ok) return refuse(list.problem);
      const { filter, ...paging } = list.parameters;
      return ok(endpoint('/orgs/{org}/insights/api/subject-stats', { org }, { ...window, ...paging, subject_name_substring: filter }, section));
    }
    case 'user-actors': {
      if (scope.type !== 'user') return refuse('user stats need a user');
      const list = listParameters(query, SUBJECT_SORT_FIELDS);
      if (!list.ok) return refuse(list.problem);
      const { filter, ...paging } = list.parameters;
      const params = { org, user_id: scope.userId };
      return ok(endpoint('/orgs/{org}/insights/api/user-stats/{user_id}', params, { ...window, ...paging, actor_name_substring: filter }, section));
    }
    case 'routes': {
      if (scope.type !== 'actor') return refuse('route stats need an actor');
      const list = listParameters(query, ROUTE_SORT_FIELDS);
      if (!list.ok) return refuse(list.problem);
      const { filter, ...paging } = list.parameters;
      const params = { org, actor_type: scope.actorType, actor_id: scope.actorId };
      const all = { ...window, ...paging, api_route_substring: filter };
      return ok(endpoint('/orgs/{org}/insights/api/route-stats/{actor_type}/{actor_id}', params, all, section));
    }
    default:
      return refuse('unknown report');
  }
}

interface ListParameters<S extends string> {
  page?: number;
  per_page?: number;
  direction?: 'asc' | 'desc';
  sort?: S[];
  filter?: string;
}

/** The list parameters of a query, each checked; an empty filter is left out. */
function listParameters<S extends string>(
  query: OrgInsightsQuery,
  sorts: readonly S[],
): { ok: true; parameters: ListParameters<S> } | { ok: false; problem: string } {
  const parameters: ListParameters<S> = {};
  const problem = (text: string) => ({ ok: false as const, problem: text });
  if (query.page !== undefined) {
    if (!Number.isSafeInteger(query.page) || query.page < 1 || query.page > 100_000) return problem('the page must be a positive number');
    parameters.page = query.page;
  }
  if (query.perPage !== undefined) {
    if (!Number.isInteger(query.perPage) || query.perPage < 1 || query.perPage > 100) return problem('per page must be 1 to 100');
    parameters.per_page = query.perPage;
  }
  if (query.direction !== undefined) {
    if (query.direction !== 'asc' && query.direction !== 'desc') return problem('direction must be asc or desc');
    parameters.direction = query.direction;
  }
  if (query.sort !== undefined) {
    const sort = query.sort;
    const known = (s: string): s is S => (sorts as readonly string[]).includes(s);
    if (!Array.isArray(sort) || sort.length > sorts.length || !sort.every(known)) return problem('unknown sort field');
    parameters.sort = sort;
  }
  if (query.filter !== undefined) {
    if (typeof query.filter !== 'string' || query.filter.length > MAX_FILTER) return problem('the filter is longer than 100 characters');
    if (query.filter !== '') parameters.filter = query.filter;
  }
  return { ok: true, parameters };
}

/** The page and page size a list answer stands for (GitHub's default page size is 30). */
export function listPaging(query: OrgInsightsQuery): { page: number; perPage: number } {
  return { page: query.page ?? 1, perPage: query.perPage ?? 30 };
}

// ---------------------------------------------------------------------------------------------
// Support calls

/** `GET /user`: who a token belongs to. */
export function userRequest(): EndpointRequest {
  return endpoint('/user', {}, null, 'your account');
}

/** The media type that makes `commits/HEAD` answer with only the sha (a few bytes). */
export const SHA_MEDIA_TYPE = 'application/vnd.github.sha' satisfies MediaType<'/repos/{owner}/{repo}/commits/{ref}'>;

/** `GET /repos/{owner}/{repo}/commits/HEAD`: the default branch head, as plain text. */
export function headRequest(owner: string, repo: string): EndpointRequest | null {
  if (!isValidOwner(owner) || !isValidRepo(repo)) return null;
  return endpoint('/repos/{owner}/{repo}/commits/{ref}', { owner, repo, ref: 'HEAD' }, null, 'the default branch', SHA_MEDIA_TYPE);
}
