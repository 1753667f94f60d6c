/**
 * The mock must answer like GitHub: every JSON body it can produce validates against the OpenAPI
 * extract in ../shared/github-api, and its numbers add up the way the panels will assume.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { components } from '@octokit/openapi-types';
import { parseAnswer } from '../../utils/github/schemas';
import { DEMO_TOKENS, MockGitHub, expected, isoSeconds, weekStart } from '../mock-github';

const SPEC_PATH = resolve(__dirname, '../../../shared/github-api/stats-endpoints.openapi.json');
const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as {
  paths: Record<string, { get: { responses: Record<string, { content?: { 'application/json': { schema: unknown } } }> } }>;
  components: Record<string, unknown>;
};

/** Turns OpenAPI 3.0 `nullable` into JSON Schema and keeps `$ref`s resolvable under `#/components`. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'nullable' || k === 'example' || k === 'examples') continue;
    out[k] = toJsonSchema(v);
  }
  if ((node as { nullable?: boolean }).nullable) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (out.$ref) return { anyOf: [{ $ref: out.$ref }, { type: 'null' }] };
  }
  // A nullable object with `required` would still demand properties of null: guard it.
  if (Array.isArray(out.type) && out.type.includes('null') && out.required) {
    const { required, ...rest } = out;
    return { anyOf: [{ type: 'null' }, { ...rest, type: 'object', required }] };
  }
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: toJsonSchema(spec.components) });
const validators = new Map<string, ValidateFunction>();

function validatorFor(template: string, status: string): ValidateFunction {
  const key = `${template} ${status}`;
  let v = validators.get(key);
  if (!v) {
    const schema = spec.paths[template]?.get.responses[status]?.content?.['application/json'].schema;
    if (!schema) throw new Error(`no ${status} JSON schema for ${template}`);
    const rewritten = JSON.parse(JSON.stringify(toJsonSchema(schema)).replaceAll('"#/components/', '"openapi#/components/'));
    v = ajv.compile(rewritten);
    validators.set(key, v);
  }
  return v;
}

const NOW = Date.parse('2026-11-23T17:00:00Z');
const auth = { authorization: `Bearer ${DEMO_TOKENS.admin}`, accept: 'application/vnd.github+json' };

async function get(mock: MockGitHub, path: string, headers: Record<string, string> = auth) {
  const answer = await mock.handle({ method: 'GET', url: `https://api.github.com${path}`, headers });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are probed field by field
  let json: any;
  try {
    json = answer.body ? JSON.parse(answer.body) : undefined;
  } catch {
    json = undefined; // raw or non-JSON bodies (scripted garbage, the bare sha)
  }
  return { ...answer, json };
}

/** Checks a 200 answer against the spec, with a readable failure. */
async function expectValid(mock: MockGitHub, path: string, template: string) {
  const answer = await get(mock, path);
  expect(answer.status, path).toBe(200);
  const validate = validatorFor(template, '200');
  const ok = validate(answer.json);
  expect(ok ? [] : validate.errors?.slice(0, 3), path).toEqual([]);
  return answer.json;
}

const REPOS = ['acme/rocket', 'acme/monolith', 'acme/secret', 'acme/huge'];
const STATS: [string, string][] = [
  ['code_frequency', '/repos/{owner}/{repo}/stats/code_frequency'],
  ['commit_activity', '/repos/{owner}/{repo}/stats/commit_activity'],
  ['contributors', '/repos/{owner}/{repo}/stats/contributors'],
  ['participation', '/repos/{owner}/{repo}/stats/participation'],
  ['punch_card', '/repos/{owner}/{repo}/stats/punch_card'],
];

describe('mock GitHub answers validate against the OpenAPI contract', () => {
  const mock = new MockGitHub({ now: NOW });

  it.each(REPOS)('repository stats of %s', async (repo) => {
    for (const [stat, template] of STATS) {
      if (repo === 'acme/huge' && stat === 'code_frequency') continue;
      await expectValid(mock, `/repos/${repo}/stats/${stat}`, template);
    }
  });

  it('the empty repository answers 204 for computed stats and 52 zeros for participation', async () => {
    for (const stat of ['code_frequency', 'commit_activity', 'contributors', 'punch_card']) {
      const answer = await get(mock, `/repos/acme/empty/stats/${stat}`);
      expect(answer.status).toBe(204);
      expect(answer.body).toBeNull();
    }
    const participation = await expectValid(mock, '/repos/acme/empty/stats/participation', '/repos/{owner}/{repo}/stats/participation');
    expect(participation.all).toEqual(Array(52).fill(0));
  });

  const DAY = 86_400_000;
  const windows = [
    { min: NOW - 30 * DAY, max: NOW, increment: '1d' },
    { min: NOW - 7 * DAY, max: NOW, increment: '1h' },
    { min: NOW - DAY, max: NOW - DAY / 2, increment: '5m' },
    { min: NOW - 3 * DAY + 7 * 60_000, max: NOW - 2 * DAY, increment: '30m' },
  ];

  it.each(windows)('all nine insights endpoints, window %#', async ({ min, max, increment }) => {
    const w = `min_timestamp=${isoSeconds(min)}&max_timestamp=${isoSeconds(max)}`;
    const base = '/orgs/acme/insights/api';
    await expectValid(mock, `${base}/summary-stats?${w}`, '/orgs/{org}/insights/api/summary-stats');
    await expectValid(mock, `${base}/time-stats?${w}&timestamp_increment=${increment}`, '/orgs/{org}/insights/api/time-stats');
    const subjects = await expectValid(mock, `${base}/subject-stats?${w}&per_page=100`, '/orgs/{org}/insights/api/subject-stats');
    await expectValid(mock, `${base}/subject-stats?${w}&per_page=10&page=2&sort=subject_name&direction=asc`, '/orgs/{org}/insights/api/subject-stats');
    const user = subjects.find((s: { subject_type: string }) => s.subject_type === 'user');
    expect(user).toBeDefined();
    await expectValid(mock, `${base}/summary-stats/users/${user.subject_id}?${w}`, '/orgs/{org}/insights/api/summary-stats/users/{user_id}');
    await expectValid(mock, `${base}/time-stats/users/${user.subject_id}?${w}&timestamp_increment=${increment}`, '/orgs/{org}/insights/api/time-stats/users/{user_id}');
    const actors = await expectValid(mock, `${base}/user-stats/${user.subject_id}?${w}&sort=last_request_timestamp`, '/orgs/{org}/insights/api/user-stats/{user_id}');
    const actor = actors[0];
    const a = `${actor.actor_type}/${actor.actor_id}`;
    await expectValid(mock, `${base}/summary-stats/${a}?${w}`, '/orgs/{org}/insights/api/summary-stats/{actor_type}/{actor_id}');
    await expectValid(mock, `${base}/time-stats/${a}?${w}&timestamp_increment=${increment}`, '/orgs/{org}/insights/api/time-stats/{actor_type}/{actor_id}');
    await expectValid(mock, `${base}/route-stats/${a}?${w}&sort=http_method&sort=api_route`, '/orgs/{org}/insights/api/route-stats/{actor_type}/{actor_id}');
  });
});

// `GET /orgs/{org}/repos` is not in the shared contract (../shared/github-api holds the 14
// endpoints the panels show), so its answer is checked against GitHub's own type of it from
// @octokit/openapi-types (`repos/list-for-org`: minimal-repository[]): every field the type
// requires is present with its JSON kind, and the owner is a simple-user. The key lists are
// tied to the type at compile time, so a field GitHub adds as required fails tsc here.
type MinimalRepository = components['schemas']['minimal-repository'];
type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
type SimpleUser = components['schemas']['simple-user'];
const MINIMAL_REPOSITORY_REQUIRED = [
  'id', 'node_id', 'name', 'full_name', 'owner', 'private', 'html_url', 'description', 'fork', 'url', 'archive_url',
  'assignees_url', 'blobs_url', 'branches_url', 'collaborators_url', 'comments_url', 'commits_url', 'compare_url',
  'contents_url', 'contributors_url', 'deployments_url', 'downloads_url', 'events_url', 'forks_url', 'git_commits_url',
  'git_refs_url', 'git_tags_url', 'issue_comment_url', 'issue_events_url', 'issues_url', 'keys_url', 'labels_url',
  'languages_url', 'merges_url', 'milestones_url', 'notifications_url', 'pulls_url', 'releases_url', 'stargazers_url',
  'statuses_url', 'subscribers_url', 'subscription_url', 'tags_url', 'teams_url', 'trees_url', 'hooks_url',
] as const satisfies readonly RequiredKeys<MinimalRepository>[];
const SIMPLE_USER_REQUIRED = [
  'login', 'id', 'node_id', 'avatar_url', 'gravatar_id', 'url', 'html_url', 'followers_url', 'following_url', 'gists_url',
  'starred_url', 'subscriptions_url', 'organizations_url', 'repos_url', 'events_url', 'received_events_url', 'type', 'site_admin',
] as const satisfies readonly RequiredKeys<SimpleUser>[];
// Every required key is listed (an unlisted one makes this `false`).
const everyRepoKey: [Exclude<RequiredKeys<MinimalRepository>, (typeof MINIMAL_REPOSITORY_REQUIRED)[number]>] extends [never] ? true : false = true;
const everyUserKey: [Exclude<RequiredKeys<SimpleUser>, (typeof SIMPLE_USER_REQUIRED)[number]>] extends [never] ? true : false = true;
const JSON_KIND: Partial<Record<keyof MinimalRepository, string>> = {
  id: 'number', name: 'string', full_name: 'string', private: 'boolean', fork: 'boolean', archived: 'boolean', pushed_at: 'string', html_url: 'string',
};

describe('GET /orgs/{org}/repos (checked against @octokit/openapi-types)', () => {
  const mock = new MockGitHub({ now: NOW });
  const anonymous = { accept: 'application/vnd.github+json' };

  it('answers minimal-repository items, public ones only for type=public, most recently pushed first', async () => {
    expect(everyRepoKey && everyUserKey).toBe(true);
    const answer = await get(mock, '/orgs/orbit/repos?type=public&sort=pushed&direction=desc&per_page=100', anonymous);
    expect(answer.status).toBe(200);
    const items = answer.json as Record<string, unknown>[];
    expect(items).toHaveLength(14);
    for (const item of items) {
      for (const key of MINIMAL_REPOSITORY_REQUIRED) expect(item, `${String(item.name)}.${key}`).toHaveProperty(key);
      for (const [key, kind] of Object.entries(JSON_KIND)) expect(typeof item[key], `${String(item.name)}.${key}`).toBe(kind);
      expect(typeof item.description === 'string' || item.description === null).toBe(true);
      for (const key of SIMPLE_USER_REQUIRED) expect(item.owner, `owner.${key}`).toHaveProperty(key);
      expect(item.private).toBe(false);
    }
    const pushed = items.map((r) => Date.parse(String(r.pushed_at)));
    expect([...pushed].sort((a, b) => b - a)).toEqual(pushed);
    expect(items.filter((r) => r.fork).map((r) => r.name)).toEqual(['linux-fork', 'chart-fork']);
    expect(items.filter((r) => r.archived).map((r) => r.name)).toEqual(['legacy-app']);
    // and Statboard's schema reads it
    const parsed = parseAnswer({ kind: 'org-repos', host: 'github.com', org: 'orbit' }, items);
    expect(parsed.ok && (parsed.data as { owner: string }[]).every((r) => r.owner === 'orbit')).toBe(true);
  });

  it('an org with only private repositories lists none publicly; an unknown org is 404; per_page pages', async () => {
    expect((await get(mock, '/orgs/hollow/repos?type=public', anonymous)).json).toEqual([]);
    expect((await get(mock, '/orgs/hollow/repos?type=all')).json).toHaveLength(1);
    expect((await get(mock, '/orgs/nobody-here/repos', anonymous)).status).toBe(404);
    const first = await get(mock, '/orgs/orbit/repos?sort=pushed&per_page=5', anonymous);
    expect(first.json).toHaveLength(5);
    expect(first.headers.link).toContain('page=2');
  });
});

describe('mock GitHub behaviour', () => {
  it('a cold computed stat answers 202 `{}` computeAttempts times, then 200; a push makes it cold again', async () => {
    const mock = new MockGitHub({ now: NOW });
    mock.addRepo({ owner: 'acme', name: 'slow', computeAttempts: 2 });
    const path = '/repos/acme/slow/stats/contributors';
    expect((await get(mock, path)).status).toBe(202);
    expect((await get(mock, path)).body).toBe('{}');
    expect((await get(mock, path)).status).toBe(200);
    const before = mock.repo('acme/slow').headSha;
    mock.push('acme', 'slow');
    expect(mock.repo('acme/slow').headSha).not.toBe(before);
    expect((await get(mock, path)).status).toBe(202);
    // participation and punch_card are not computed in the background
    expect((await get(mock, '/repos/acme/slow/stats/participation')).status).toBe(200);
  });

  it('answers prepared ahead (prepareAnswers) are the ones requests get, and a push prepares new ones', async () => {
    const mock = new MockGitHub({ now: NOW });
    mock.addRepo({ owner: 'acme', name: 'ready', computeAttempts: 0 });
    mock.prepareAnswers('acme/ready');
    expect(mock.requests).toHaveLength(0);
    const path = '/repos/acme/ready/stats/contributors';
    expect((await get(mock, path)).body).toBe(JSON.stringify(mock.repo('acme/ready').answers.contributors));
    mock.push('acme', 'ready');
    mock.prepareAnswers('acme/ready');
    const after = JSON.stringify(mock.repo('acme/ready').answers.contributors);
    let body = (await get(mock, path)).body;
    for (let i = 0; i < 5 && body === '{}'; i++) body = (await get(mock, path)).body;
    expect(body).toBe(after);
  });

  it('stats agree with each other: commit_activity = participation.all = contributor commits; punch card days = activity days', async () => {
    const mock = new MockGitHub({ now: NOW });
    const { answers } = mock.repo('acme/rocket');
    const week = weekStart(NOW / 1000);
    expect(answers.commit_activity.at(-1)!.week).toBe(week);
    expect(new Date(answers.commit_activity[0]!.week * 1000).getUTCDay()).toBe(0);
    expect(answers.commit_activity.map((w) => w.total)).toEqual(answers.participation.all);
    const lastWeeks = new Set(answers.commit_activity.map((w) => w.week));
    const contributorCommits = answers.contributors.reduce((sum, c) => sum + c.weeks.filter((w) => lastWeeks.has(w.w)).reduce((s, w) => s + w.c, 0), 0);
    expect(contributorCommits).toBe(answers.participation.all.reduce((a, b) => a + b, 0));
    expect(answers.participation.owner.every((n, i) => n <= answers.participation.all[i]!)).toBe(true);
    expect(answers.contributors.some((c) => c.author === null)).toBe(true);
    expect(answers.contributors.some((c) => c.author?.type === 'Bot' && c.author.login === 'dependabot[bot]')).toBe(true);
    expect(answers.contributors).toHaveLength(40);
    // The punch card covers the whole history: 7 x 24 cells adding up to every commit.
    expect(answers.punch_card).toHaveLength(168);
    const allCommits = answers.contributors.reduce((s, c) => s + c.total, 0);
    expect(answers.punch_card.reduce((s, [, , n]) => s + n, 0)).toBe(allCommits);
    // Weekdays are busier than weekends.
    const byDay = [0, 1, 2, 3, 4, 5, 6].map((d) => answers.punch_card.filter(([day]) => day === d).reduce((s, [, , n]) => s + n, 0));
    expect(byDay[2]!).toBeGreaterThan(byDay[0]! * 2);
    const monolith = mock.repo('acme/monolith').answers.contributors;
    expect(monolith).toHaveLength(100);
    expect(monolith[0]!.weeks).toHaveLength(800);
  });

  it('huge: 422 for code_frequency and zero additions/deletions in contributors', async () => {
    const mock = new MockGitHub({ now: NOW });
    expect((await get(mock, '/repos/acme/huge/stats/code_frequency')).status).toBe(422);
    const contributors = (await get(mock, '/repos/acme/huge/stats/contributors')).json as { total: number; weeks: { a: number; d: number }[] }[];
    expect(contributors.every((c) => c.weeks.every((w) => w.a === 0 && w.d === 0))).toBe(true);
    expect(contributors.some((c) => c.total > 0)).toBe(true);
  });

  it('access: unknown token 401, private repo 404 without access, insights 403 without permission and 401 without token', async () => {
    const mock = new MockGitHub({ now: NOW });
    const bad = await get(mock, '/repos/acme/rocket/stats/punch_card', { authorization: 'Bearer ghp_nope' });
    expect(bad.status).toBe(401);
    expect(bad.json.message).toBe('Bad credentials');
    expect((await get(mock, '/repos/acme/secret/stats/punch_card', {})).status).toBe(404);
    expect((await get(mock, '/repos/acme/secret/stats/punch_card', { authorization: `Bearer ${DEMO_TOKENS.reader}` })).status).toBe(404);
    expect((await get(mock, '/repos/acme/secret/stats/punch_card')).status).toBe(200);
    const w = `min_timestamp=${isoSeconds(NOW - 86_400_000)}&max_timestamp=${isoSeconds(NOW)}`;
    const forbidden = await get(mock, `/orgs/acme/insights/api/summary-stats?${w}`, { authorization: `Bearer ${DEMO_TOKENS.reader}` });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.message).toBe('Resource not accessible by personal access token');
    expect((await get(mock, `/orgs/acme/insights/api/summary-stats?${w}`, {})).status).toBe(401);
  });

  it('/user reports scopes for classic tokens only, and the token expiry', async () => {
    const mock = new MockGitHub({ now: NOW });
    mock.addToken('ghp_expiring0000000000000000000000000000', { login: 'lea-k', kind: 'classic', scopes: ['repo'], expiresAt: '2026-12-31T00:00:00Z' });
    const classic = await get(mock, '/user', { authorization: 'Bearer ghp_expiring0000000000000000000000000000' });
    expect(classic.json.login).toBe('lea-k');
    expect(classic.headers['x-oauth-scopes']).toBe('repo');
    expect(classic.headers['github-authentication-token-expiration']).toBe('2026-12-31 00:00:00 UTC');
    const fine = await get(mock, '/user');
    expect(fine.headers['x-oauth-scopes']).toBeUndefined();
  });

  it('ETag / If-None-Match: 304 does not count; /rate_limit does not count; headers track usage', async () => {
    const mock = new MockGitHub({ now: NOW });
    const first = await get(mock, '/repos/acme/rocket/stats/commit_activity');
    expect(first.headers['x-ratelimit-used']).toBe('1');
    const again = await get(mock, '/repos/acme/rocket/stats/commit_activity', { ...auth, 'if-none-match': first.headers.etag! });
    expect(again.status).toBe(304);
    // a 304 carries the rate-limit headers, with nothing spent
    expect([again.headers['x-ratelimit-used'], again.headers['x-ratelimit-remaining']]).toEqual(['1', first.headers['x-ratelimit-remaining']]);
    expect(again.headers.etag).toBe(first.headers.etag);
    const head = await get(mock, '/repos/acme/rocket/commits/HEAD', { ...auth, accept: 'application/vnd.github.sha' });
    expect(head.body).toBe(mock.repo('acme/rocket').headSha);
    // The head's ETag is opaque (not the sha) and per representation (Vary: Accept), as GitHub's.
    expect(head.headers.etag).not.toContain(mock.repo('acme/rocket').headSha);
    expect((await get(mock, '/repos/acme/rocket/commits/HEAD', { ...auth, accept: 'application/vnd.github.sha', 'if-none-match': head.headers.etag! })).status).toBe(304);
    const asJson = await get(mock, '/repos/acme/rocket/commits/HEAD', { ...auth, 'if-none-match': head.headers.etag! });
    expect(asJson.status).toBe(200);
    expect(asJson.headers.etag).not.toBe(head.headers.etag);
    const limit = await get(mock, '/rate_limit');
    expect(limit.json.resources.core.used).toBe(3);
    expect(mock.counted()).toHaveLength(3);
    expect(mock.count(/\/stats\//)).toBe(2);
  });

  it('scripts are consumed in order, then the default answer resumes', async () => {
    const mock = new MockGitHub({ now: NOW });
    mock.script('GET', /\/stats\//, [
      { status: 403, headers: { 'retry-after': '2' }, body: { message: 'You have exceeded a secondary rate limit.' } },
      { body: 'not json{', raw: true },
      { status: 500 },
    ]);
    const limited = await get(mock, '/repos/acme/rocket/stats/punch_card');
    expect([limited.status, limited.headers['retry-after']]).toEqual([403, '2']);
    expect((await get(mock, '/repos/acme/rocket/stats/punch_card')).body).toBe('not json{');
    expect((await get(mock, '/repos/acme/rocket/stats/punch_card')).status).toBe(500);
    expect((await get(mock, '/repos/acme/rocket/stats/punch_card')).status).toBe(200);
    mock.script('GET', '/rate_limit', [{ networkError: true }]);
    expect((await get(mock, '/rate_limit')).networkError).toBe(true);
  });

  it('insights parameters: required timestamps and increment, sort as repeated or comma list, per_page cap', async () => {
    const mock = new MockGitHub({ now: NOW });
    const base = '/orgs/acme/insights/api';
    const w = `min_timestamp=${isoSeconds(NOW - 7 * 86_400_000)}&max_timestamp=${isoSeconds(NOW)}`;
    expect((await get(mock, `${base}/summary-stats`)).status).toBe(422);
    expect((await get(mock, `${base}/summary-stats?min_timestamp=yesterday`)).status).toBe(422);
    expect((await get(mock, `${base}/time-stats?${w}`)).status).toBe(422);
    // GitHub's documented increments are answered; anything else is a validation error.
    for (const inc of ['5m', '10m', '15m', '30m', '1h', '2h', '3h', '6h', '12h', '1d', '1w']) {
      const answer = await get(mock, `${base}/time-stats?${w}&timestamp_increment=${inc}`);
      expect(answer.status, inc).toBe(200);
      expect(Array.isArray(answer.json) && answer.json.length > 0, inc).toBe(true);
    }
    for (const inc of ['7m', '45m', '2d', '2w', '1H', '60m', '']) {
      expect((await get(mock, `${base}/time-stats?${w}&timestamp_increment=${inc}`)).status, inc || '(empty)').toBe(422);
    }
    const repeated = (await get(mock, `${base}/subject-stats?${w}&sort=rate_limited_request_count&sort=subject_name`)).json;
    const comma = (await get(mock, `${base}/subject-stats?${w}&sort=rate_limited_request_count,subject_name`)).json;
    expect(repeated).toEqual(comma);
    // per_page is capped at 100: an org with more subjects than that gets exactly 100 a page.
    const template = mock.org('acme').spec.subjects.find((x) => x.type === 'user')!;
    mock.addOrg({
      login: 'bigco',
      subjects: Array.from({ length: 130 }, (_, i) => ({
        type: 'user' as const,
        id: 70_000 + i,
        name: `dev-${String(i).padStart(3, '0')}`,
        actors: [{ ...template.actors[0]!, id: 8_000_000 + i, name: `dev-${i} token`, perBucket: 1 + i / 10, pattern: 'steady' as const }],
      })),
    });
    const big = '/orgs/bigco/insights/api/subject-stats';
    expect((await get(mock, `${big}?${w}&per_page=500`)).json).toHaveLength(100);
    expect((await get(mock, `${big}?${w}&per_page=100`)).json).toHaveLength(100);
    expect((await get(mock, `${big}?${w}&per_page=500&page=2`)).json).toHaveLength(30);
    const filtered = (await get(mock, `${base}/subject-stats?${w}&subject_name_substring=DEPEND`)).json;
    expect(filtered.map((s: { subject_name: string }) => s.subject_name)).toEqual(['Dependabot']);
  });

  it('insights numbers add up across endpoints and match a brute-force sum of the buckets', async () => {
    const mock = new MockGitHub({ now: NOW });
    const org = mock.org('acme');
    const window = { min: NOW - 3 * 86_400_000 + 17 * 60_000, max: NOW - 86_400_000 };
    const w = `min_timestamp=${isoSeconds(window.min)}&max_timestamp=${isoSeconds(window.max)}`;
    const summary = (await get(mock, `/orgs/acme/insights/api/summary-stats?${w}`)).json;
    let brute = 0;
    let bruteLimited = 0;
    for (const s of org.actors) {
      for (let b = 0; b < org.buckets; b++) {
        const t = org.startMs + b * 300_000;
        if (t >= window.min && t < window.max) {
          brute += s.total[b]!;
          bruteLimited += s.limited[b]!;
        }
      }
    }
    expect(summary).toEqual({ total_request_count: brute, rate_limited_request_count: bruteLimited });
    expect(bruteLimited).toBeGreaterThan(0);
    expect(bruteLimited).toBeLessThan(brute * 0.05);
    for (const inc of ['5m', '1h', '1d']) {
      const points = (await get(mock, `/orgs/acme/insights/api/time-stats?${w}&timestamp_increment=${inc}`)).json as { total_request_count: number }[];
      expect(points.reduce((s, p) => s + p.total_request_count, 0)).toBe(brute);
    }
    const subjects = expected.subjects(org, window);
    expect(subjects.length).toBeGreaterThanOrEqual(25);
    expect(subjects.reduce((s, x) => s + x.total_request_count, 0)).toBe(brute);
    const users = subjects.filter((s) => s.subject_type === 'user');
    for (const u of users.slice(0, 5)) {
      const actors = expected.userActors(org, window, String(u.subject_id));
      expect(actors.reduce((s, a) => s + a.total_request_count, 0)).toBe(u.total_request_count);
      for (const a of actors) {
        const routes = (await get(mock, `/orgs/acme/insights/api/route-stats/${a.actor_type}/${a.actor_id}?${w}&per_page=100`)).json as { total_request_count: number; rate_limited_request_count: number }[];
        expect(routes.reduce((s, r) => s + r.total_request_count, 0)).toBe(a.total_request_count);
        expect(routes.reduce((s, r) => s + r.rate_limited_request_count, 0)).toBe(a.rate_limited_request_count);
        expect(routes.every((r) => r.rate_limited_request_count <= r.total_request_count)).toBe(true);
      }
    }
    const types = new Set(org.actors.map((a) => a.actor.type));
    expect(types.size).toBeGreaterThanOrEqual(4);
  });
});
