import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../utils/github/schemas';
import type { OrgInsightsQuery, Query, RepoStat } from '../../utils/protocol';

const repo = (stat: RepoStat): Query => ({ kind: 'repo-stats', host: 'github.com', owner: 'a', repo: 'b', stat });
const org = (extra: Partial<OrgInsightsQuery>): Query => ({
  kind: 'org-insights', host: 'github.com', org: 'acme', report: 'summary', scope: { type: 'org' },
  minTimestamp: '2026-05-01T00:00:00Z', maxTimestamp: '2026-05-31T00:00:00Z', ...extra,
});

describe('answer validation and normalization', () => {
  it('contributors: numeric-string weeks, null author, extra fields; columnar output', () => {
    const result = parseAnswer(repo('contributors'), [
      { author: { login: 'dependabot[bot]', id: 2, extra: true }, total: 2, weeks: [{ w: '200', a: 1, d: 1, c: 2 }] },
      { author: null, total: 3, weeks: [{ w: 100, a: 5, d: 0, c: 1 }, { w: 200, a: 0, d: 3, c: 2 }] },
    ]);
    expect(result).toEqual({
      ok: true,
      data: {
        weeks: [100, 200],
        contributors: [
          { login: 'dependabot[bot]', id: 2, htmlUrl: null, avatarUrl: null, isBot: true, total: 2, commits: [0, 2], additions: [0, 1], deletions: [0, 1] },
          { login: null, id: null, htmlUrl: null, avatarUrl: null, isBot: false, total: 3, commits: [1, 2], additions: [5, 0], deletions: [0, 3] },
        ],
      },
    });
  });

  it('code frequency deletions become positive; punch card becomes cells', () => {
    expect(parseAnswer(repo('code-frequency'), [[100, 5, -3]])).toEqual({ ok: true, data: [{ week: 100, additions: 5, deletions: 3 }] });
    expect(parseAnswer(repo('punch-card'), [[6, 23, 4]])).toEqual({ ok: true, data: [{ day: 6, hour: 23, commits: 4 }] });
  });

  it('refuses times no date can hold (a week of 1e13 broke the table and export, issue 12)', () => {
    const days = [0, 0, 0, 0, 0, 0, 0];
    expect(parseAnswer(repo('commit-activity'), [{ week: 1e13, total: 0, days }]).ok).toBe(false);
    expect(parseAnswer(repo('commit-activity'), [{ week: -86400, total: 0, days }]).ok).toBe(false);
    expect(parseAnswer(repo('commit-activity'), [{ week: 1_700_000_000, total: 0, days }]).ok).toBe(true);
    expect(parseAnswer(repo('code-frequency'), [[1e13, 1, -1]]).ok).toBe(false);
    expect(parseAnswer(repo('contributors'), [{ author: null, total: 1, weeks: [{ w: '10000000000000', a: 0, d: 0, c: 1 }] }]).ok).toBe(false);
    expect(parseAnswer(org({ report: 'time' }), [{ timestamp: '+275760-09-13T00:00:00Z', total_request_count: 1, rate_limited_request_count: 0 }]).ok).toBe(false);
    const route = { http_method: 'GET', api_route: '/x', total_request_count: 1, rate_limited_request_count: 0, last_rate_limited_timestamp: null };
    expect(parseAnswer(org({ report: 'routes' }), [{ ...route, last_request_timestamp: '99999-01-01T00:00:00Z' }]).ok).toBe(false);
    expect(parseAnswer(org({ report: 'routes' }), [{ ...route, last_request_timestamp: '2026-05-02T00:00:00Z' }]).ok).toBe(true);
    expect(parseAnswer({ kind: 'rate-limit', host: 'github.com' }, { resources: { core: { limit: 60, remaining: 0, reset: 1e20 } } }).ok).toBe(false);
  });

  it('refuses answers of the wrong shape', () => {
    expect(parseAnswer(repo('punch-card'), [[7, 0, 1]]).ok).toBe(false);
    expect(parseAnswer(repo('commit-activity'), [{ week: 1, total: 1, days: [1, 2] }]).ok).toBe(false);
    expect(parseAnswer(repo('participation'), { all: 'many' }).ok).toBe(false);
    expect(parseAnswer(repo('contributors'), {}).ok).toBe(false);
    expect(parseAnswer(repo('contributors'), [{ author: null, total: 1, weeks: [{ w: 'soon', a: 0, d: 0, c: 1 }] }]).ok).toBe(false);
    expect(parseAnswer(org({}), undefined).ok).toBe(false);
  });

  it('insights: camelCase, time in ms, hasMore when the page came back full', () => {
    expect(parseAnswer(org({}), { total_request_count: 10, rate_limited_request_count: 2 })).toEqual({ ok: true, data: { totalRequests: 10, rateLimitedRequests: 2 } });
    expect(parseAnswer(org({ report: 'time', increment: '1h' }), [{ timestamp: '2026-05-01T01:00:00Z', total_request_count: 3, rate_limited_request_count: 0 }])).toEqual({
      ok: true,
      data: [{ time: Date.UTC(2026, 4, 1, 1), totalRequests: 3, rateLimitedRequests: 0 }],
    });
    const row = { http_method: 'GET', api_route: '/repos/{owner}/{repo}', total_request_count: 4, rate_limited_request_count: 1, last_rate_limited_timestamp: null, last_request_timestamp: '2026-05-02T00:00:00Z' };
    const routes = org({ report: 'routes', scope: { type: 'actor', actorType: 'installation', actorId: 1 }, perPage: 2, page: 3 });
    expect(parseAnswer(routes, [row, row])).toMatchObject({ ok: true, data: { page: 3, perPage: 2, hasMore: true, items: [{ httpMethod: 'GET', apiRoute: '/repos/{owner}/{repo}', lastRateLimitedAt: null }, {}] } });
    expect(parseAnswer(routes, [row])).toMatchObject({ ok: true, data: { hasMore: false } });
  });
});
