import { describe, expect, it } from 'vitest';
import { buildRequest } from '../../utils/github/endpoints';
import type { OrgInsightsQuery, Query } from '../../utils/protocol';

const repo = (owner: string, name: string): Query => ({ kind: 'repo-stats', host: 'github.com', owner, repo: name, stat: 'contributors' });
const org = (extra: Partial<OrgInsightsQuery> = {}): OrgInsightsQuery => ({
  kind: 'org-insights', host: 'github.com', org: 'acme', report: 'subjects', scope: { type: 'org' },
  minTimestamp: '2026-05-01T00:00:00Z', maxTimestamp: '2026-05-31T23:59:59Z', ...extra,
});
const url = (q: Query) => {
  const r = buildRequest(q);
  if (!r.ok) throw new Error(r.problem);
  return r.request.path + (r.request.search ? `?${r.request.search}` : '');
};
const refused = (q: Query) => !buildRequest(q).ok;

describe('URL building', () => {
  it('maps each repo stat to its path', () => {
    expect(url(repo('acme', 'rocket.js'))).toBe('/repos/acme/rocket.js/stats/contributors');
    expect(url({ kind: 'repo-stats', host: 'github.com', owner: 'a', repo: 'b', stat: 'punch-card' })).toBe('/repos/a/b/stats/punch_card');
  });

  it('refuses names that break GitHub rules', () => {
    for (const owner of ['', '-acme', 'acme-', 'ac--me', 'a'.repeat(40), 'ac me', 'acme/x', 'ac.me', '%2e']) {
      expect(refused(repo(owner, 'rocket')), owner).toBe(true);
    }
    for (const name of ['', '.', '..', 'a/b', 'a b', 'a?b', 'x'.repeat(101), 'a%2Fb']) {
      expect(refused(repo('acme', name)), name).toBe(true);
    }
    expect(refused(repo('a'.repeat(39), '_.-x'))).toBe(false);
  });

  it('builds every insights report with sorted, encoded parameters', () => {
    expect(url(org({ report: 'summary', scope: { type: 'actor', actorType: 'installation', actorId: 42 } }))).toBe(
      '/orgs/acme/insights/api/summary-stats/installation/42?max_timestamp=2026-05-31T23%3A59%3A59Z&min_timestamp=2026-05-01T00%3A00%3A00Z',
    );
    expect(url(org({ report: 'time', scope: { type: 'user', userId: '7' }, increment: '1h' }))).toContain(
      '/time-stats/users/7?max_timestamp=',
    );
    expect(url(org({ report: 'time', increment: '5m' }))).toMatch(/timestamp_increment=5m$/);
    expect(url(org({ report: 'user-actors', scope: { type: 'user', userId: '99' }, filter: 'a&b=c' }))).toContain(
      '/user-stats/99?actor_name_substring=a%26b%3Dc&',
    );
    expect(url(org({ report: 'routes', scope: { type: 'actor', actorType: 'oauth_app', actorId: 1 }, sort: ['http_method', 'api_route'], page: 2, perPage: 100, direction: 'asc' }))).toBe(
      '/orgs/acme/insights/api/route-stats/oauth_app/1?direction=asc&max_timestamp=2026-05-31T23%3A59%3A59Z&min_timestamp=2026-05-01T00%3A00%3A00Z&page=2&per_page=100&sort=http_method&sort=api_route',
    );
    expect(url(org({ filter: 'bot' }))).toContain('subject_name_substring=bot');
  });

  it('refuses bad insights parameters', () => {
    const cases: Partial<OrgInsightsQuery>[] = [
      { org: '-acme' },
      { minTimestamp: '2026-05-01' },
      { maxTimestamp: '2026-05-31T23:59:59.000Z' },
      { minTimestamp: '2026-06-01T00:00:00Z' },
      { perPage: 0 },
      { perPage: 101 },
      { page: 1.5 },
      { sort: ['api_route'] },
      { sort: ['total_request_count; drop'] },
      { filter: 'x'.repeat(101) },
      { report: 'time', increment: '1y' },
      { report: 'time', increment: '1h&x=1' },
      { report: 'time' },
      { report: 'summary', increment: '1h' },
      { report: 'summary', page: 2 },
      { scope: { type: 'user', userId: '12abc' } },
      { report: 'summary', scope: { type: 'actor', actorType: 'robot' as never, actorId: 1 } },
      { report: 'summary', scope: { type: 'actor', actorType: 'installation', actorId: -1 } },
      { report: 'routes', scope: { type: 'org' } },
      { report: 'user-actors', scope: { type: 'org' } },
    ];
    for (const c of cases) expect(refused(org(c)), JSON.stringify(c)).toBe(true);
  });
});
