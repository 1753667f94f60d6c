import * as v from 'valibot';
import type { InsightsActor, InsightsPage, InsightsRoute, InsightsSubject, InsightsSummary, InsightsTimePoint, OrgInsightsQuery } from '../protocol';
import { listPaging } from './endpoints';
import { count, int, isoTime, optionalTime, run, type ParseResult } from './schemaParts';

/** The answers of the nine `/orgs/{org}/insights/api/*` endpoints, checked and shaped (schemas.ts parseAnswer). */

const summary = v.object({ total_request_count: count, rate_limited_request_count: count });
const timeStats = v.array(
  v.object({
    timestamp: isoTime,
    total_request_count: count,
    rate_limited_request_count: count,
  }),
);
const lastTimes = {
  last_rate_limited_timestamp: optionalTime,
  last_request_timestamp: optionalTime,
};
const subjects = v.array(
  v.object({
    subject_type: v.string(),
    subject_name: v.string(),
    subject_id: int,
    total_request_count: count,
    rate_limited_request_count: count,
    ...lastTimes,
  }),
);
const actors = v.array(
  v.object({
    actor_type: v.string(),
    actor_name: v.string(),
    actor_id: int,
    integration_id: v.optional(v.nullable(int), null),
    oauth_application_id: v.optional(v.nullable(int), null),
    total_request_count: count,
    rate_limited_request_count: count,
    ...lastTimes,
  }),
);
const routes = v.array(
  v.object({
    http_method: v.string(),
    api_route: v.string(),
    total_request_count: count,
    rate_limited_request_count: count,
    ...lastTimes,
  }),
);

/** The insights schemas, for contract.ts (through schemas.ts AnswerSchemas). */
export interface InsightsSchemas {
  summary: typeof summary;
  timeStats: typeof timeStats;
  subjects: typeof subjects;
  actors: typeof actors;
  routes: typeof routes;
}

export function parseInsights(query: OrgInsightsQuery, body: unknown): ParseResult {
  const paging = listPaging(query);
  const page = <T>(items: T[]): InsightsPage<T> => ({ items, ...paging, hasMore: items.length === paging.perPage });
  const times = (r: { last_rate_limited_timestamp: string | null; last_request_timestamp: string | null }) => ({
    lastRateLimitedAt: r.last_rate_limited_timestamp,
    lastRequestAt: r.last_request_timestamp,
  });
  switch (query.report) {
    case 'summary':
      return run(summary, body, (s): InsightsSummary => ({
        totalRequests: s.total_request_count,
        rateLimitedRequests: s.rate_limited_request_count,
      }));
    case 'time':
      return run(timeStats, body, (points): InsightsTimePoint[] =>
        points
          .map((p) => ({ time: Date.parse(p.timestamp), totalRequests: p.total_request_count, rateLimitedRequests: p.rate_limited_request_count }))
          .sort((a, b) => a.time - b.time),
      );
    case 'subjects':
      return run(subjects, body, (rows) =>
        page<InsightsSubject>(
          rows.map((r) => ({
            subjectType: r.subject_type,
            subjectName: r.subject_name,
            subjectId: r.subject_id,
            totalRequests: r.total_request_count,
            rateLimitedRequests: r.rate_limited_request_count,
            ...times(r),
          })),
        ),
      );
    case 'user-actors':
      return run(actors, body, (rows) =>
        page<InsightsActor>(
          rows.map((r) => ({
            actorType: r.actor_type,
            actorName: r.actor_name,
            actorId: r.actor_id,
            integrationId: r.integration_id,
            oauthApplicationId: r.oauth_application_id,
            totalRequests: r.total_request_count,
            rateLimitedRequests: r.rate_limited_request_count,
            ...times(r),
          })),
        ),
      );
    case 'routes':
      return run(routes, body, (rows) =>
        page<InsightsRoute>(
          rows.map((r) => ({
            httpMethod: r.http_method,
            apiRoute: r.api_route,
            totalRequests: r.total_request_count,
            rateLimitedRequests: r.rate_limited_request_count,
            ...times(r),
          })),
        ),
      );
  }
  return { ok: false, issue: 'unknown report' };
}
