/**
 * MockGitHub: a scenario-driven stand-in for api.github.com and github.com, served to the browser
 * through Playwright's `context.route` (which also sees the extension service worker's fetches).
 * `handle()` is plain Node, so unit tests can call it without a browser.
 */
import type { BrowserContext, Route } from '@playwright/test';
import { ACTOR_TYPES } from '../../utils/protocol';
import {
  buildOrg, builtInOrgSpecs, insights, INCREMENTS, makeOrgSpec, sortRows,
  type OrgData, type OrgSpec, type Scope, type Window,
} from './org-data';
import {
  ASSETS_ORIGIN, avatarSvg, DEFAULT_REPO_LAYOUT, githubOwnPage, notFoundPage, orgPage, PRIMER_CSS_PATH, primerStylesheet, repoPage,
  repoSubPage, userPage, type PageOptions, type RepoLayout,
} from './pages';
import { hash, isoSeconds } from './random';
import {
  buildRepo, builtInRepoSpecs, COMPUTED_ENDPOINTS, makeRepoSpec, pushCommits, simpleUser, STATS_ENDPOINTS,
  type RepoData, type RepoSpec, type StatsEndpoint,
} from './repo-data';

export const API_ORIGIN = 'https://api.github.com';
export const PAGES_ORIGIN = 'https://github.com';
export const AVATARS_ORIGIN = 'https://avatars.githubusercontent.com';
const DOCS = 'https://docs.github.com/rest';
const HOURLY_MS = 3_600_000;

export interface TokenSpec {
  login: string;
  kind: 'classic' | 'fine-grained';
  /** classic tokens: sent as X-OAuth-Scopes */
  scopes?: string[];
  /** sent as GitHub-Authentication-Token-Expiration (GitHub's `YYYY-MM-DD HH:MM:SS UTC`) */
  expiresAt?: string;
  /** API Insights read access: true for every org, or a list of org logins */
  orgInsights?: boolean | string[];
  /** private repositories this token can read (`owner/repo`), `*` for all */
  repos?: string[];
  /** primary rate limit for this token (default 5,000) */
  limit?: number;
}

/** Tokens registered in every mock. Shapes look real (prefix, length); none is a real credential. */
export const DEMO_TOKENS = {
  /** fine-grained, API Insights on every org, access to private repos */
  admin: 'github_pat_11STATBOARD0mockAdminToken_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ',
  /** classic, scopes repo + read:org, no API Insights */
  classic: 'ghp_StatboardMockClassicToken0123456789',
  /** fine-grained, public repos only, no API Insights */
  reader: 'github_pat_11STATBOARD0mockReaderToken_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO',
} as const;

export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** JSON-encoded unless `raw` (then sent as is, e.g. `'not json{'`) */
  body?: unknown;
  raw?: boolean;
  /** wait before answering; alone (no status) it delays the default answer */
  delayMs?: number;
  /** fail at the network level (route.abort) */
  networkError?: boolean;
}

export interface MockRequest {
  method: string;
  url: string;
  /** pathname, e.g. `/repos/acme/rocket/stats/contributors` */
  path: string;
  query: Record<string, string | string[]>;
  /** lower-case names */
  headers: Record<string, string>;
  /** 0 for a network error */
  status: number;
  /** counts against GitHub's primary limit: API requests except 304s and /rate_limit */
  counted: boolean;
  scripted: boolean;
  /** unix ms */
  at: number;
}

export interface MockAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
  delayMs: number;
  networkError: boolean;
}

export interface MockOptions {
  /** unix ms the scenario data is relative to (default Date.now()) */
  now?: number;
  /** signed-in user shown on pages (`meta[name=user-login]`); null for signed out. Default `mona`. */
  viewer?: string | null;
  /** answer If-None-Match with 304 on the stats endpoints (default true) */
  conditionalStats?: boolean;
  /** primary limit for requests without a token (default 5,000 as the suite expects; GitHub's is 60) */
  anonymousLimit?: number;
  /** without a token, insights answer 401 "Requires authentication" (default) or 404 */
  insightsWithoutToken?: 401 | 404;
  /** repository page layout when the URL has no `?layout=` (REPO_LAYOUTS; default `2026-08`, the newest) */
  layout?: RepoLayout;
}

interface Bucket {
  limit: number;
  used: number;
  resetMs: number;
  enforce: boolean;
}

interface Script {
  method: string;
  match: string | RegExp;
  answers: ScriptedAnswer[];
}

type Pattern = string | RegExp;

const matches = (pattern: Pattern, path: string, pathAndQuery: string) =>
  typeof pattern === 'string' ? pattern === path : pattern.test(pathAndQuery);

const REPO_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const SUPPORTED_VERSIONS = ['2022-11-28', '2026-03-10'];
const JSON_ACCEPT = /^(application\/(vnd\.github(\.v3)?(\+json)?|json)|\*\/\*|application\/\*)(\s*;.*)?$/i;
const ROUTE_SORTS = ['last_rate_limited_timestamp', 'last_request_timestamp', 'rate_limited_request_count', 'http_method', 'api_route', 'total_request_count'];
const SUBJECT_SORTS = ['last_rate_limited_timestamp', 'last_request_timestamp', 'rate_limited_request_count', 'subject_name', 'total_request_count'];
/** user-stats sort keys are documented like subject-stats; GitHub's rows carry actor_name. */
const USER_SORTS = SUBJECT_SORTS;

const EXPOSED = 'ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset, GitHub-Authentication-Token-Expiration';

/** `2026-12-31 00:00:00 UTC`, the format GitHub uses in GitHub-Authentication-Token-Expiration. */
function expirationHeader(value: string): string {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
}

function etagOf(text: string, cache?: Map<string, string>): string {
  const known = cache?.get(text);
  if (known) return known;
  const etag = `W/"${hash(text).toString(16).padStart(8, '0')}${hash(text, 'b').toString(16).padStart(8, '0')}"`;
  if (cache && text.length > 10_000) cache.set(text, etag);
  return etag;
}

export class MockGitHub {
  readonly now: number;
  readonly options: Required<MockOptions>;
  readonly requests: MockRequest[] = [];
  /** repository scenarios by lower-case `owner/repo`; data is generated on first use */
  readonly repoSpecs = new Map<string, RepoSpec>();
  private readonly repoData = new Map<string, RepoData>();
  /** serialized 200 bodies per repo version and endpoint (monolith's contributors are ~3 MB) */
  private readonly bodies = new Map<string, string>();
  readonly orgs = new Map<string, OrgSpec>();
  readonly tokens = new Map<string, TokenSpec>();
  /** per computed endpoint: how many 202s a repo still owes (reset by push) */
  private readonly pending = new Map<string, number>();
  private readonly orgData = new Map<string, OrgData>();
  private readonly buckets = new Map<string, Bucket>();
  private readonly scripts: Script[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly etags = new Map<string, string>();

  constructor(options: MockOptions = {}) {
    this.now = options.now ?? Date.now();
    this.options = {
      now: this.now,
      viewer: options.viewer === undefined ? 'mona' : options.viewer,
      conditionalStats: options.conditionalStats ?? true,
      anonymousLimit: options.anonymousLimit ?? 5000,
      insightsWithoutToken: options.insightsWithoutToken ?? 401,
      layout: options.layout ?? DEFAULT_REPO_LAYOUT,
    };
    for (const spec of builtInRepoSpecs()) this.addRepo(spec);
    for (const spec of builtInOrgSpecs()) this.addOrg(spec);
    this.addToken(DEMO_TOKENS.admin, { login: 'mona', kind: 'fine-grained', orgInsights: true, repos: ['*'], expiresAt: new Date(this.now + 60 * 86_400_000).toISOString() });
    this.addToken(DEMO_TOKENS.classic, { login: 'octo-lead', kind: 'classic', scopes: ['repo', 'read:org'] });
    this.addToken(DEMO_TOKENS.reader, { login: 'hubot', kind: 'fine-grained' });
  }

  // -------------------------------------------------------------------------------------------
  // Scenario set-up

  /** Adds or replaces a repository; missing fields get defaults (generated contributors etc.). */
  addRepo(partial: Partial<RepoSpec> & Pick<RepoSpec, 'owner' | 'name'>): RepoSpec {
    const spec = makeRepoSpec(partial);
    const key = `${spec.owner}/${spec.name}`.toLowerCase();
    this.repoSpecs.set(key, spec);
    this.repoData.delete(key);
    for (const endpoint of COMPUTED_ENDPOINTS) this.pending.set(`${key}#${endpoint}`, spec.computeAttempts);
    return spec;
  }

  /** Adds or replaces an organization (API Insights data is generated lazily on first use). */
  addOrg(partial: Partial<OrgSpec> & Pick<OrgSpec, 'login'>): OrgSpec {
    const spec = makeOrgSpec(partial);
    this.orgs.set(spec.login.toLowerCase(), spec);
    this.orgData.delete(spec.login.toLowerCase());
    return spec;
  }

  addToken(token: string, spec: TokenSpec): void {
    this.tokens.set(token, spec);
  }

  /** The generated data and exact API answers of a repository (`repo(...).answers.contributors`). */
  repo(fullName: string): RepoData {
    const data = this.findRepo(fullName);
    if (!data) throw new Error(`no repo scenario ${fullName}`);
    return data;
  }

  private findRepo(fullName: string): RepoData | undefined {
    const key = fullName.toLowerCase();
    const spec = this.repoSpecs.get(key);
    if (!spec) return undefined;
    let data = this.repoData.get(key);
    if (!data) {
      data = buildRepo(spec, this.now);
      this.repoData.set(key, data);
    }
    return data;
  }

  /** The generated insights data for an org: pass it to `expected.*` / `insights.*`. */
  org(login: string): OrgData {
    const key = login.toLowerCase();
    const spec = this.orgs.get(key);
    if (!spec) throw new Error(`no org scenario ${login}`);
    let data = this.orgData.get(key);
    if (!data) {
      data = buildOrg(spec, this.now);
      this.orgData.set(key, data);
    }
    return data;
  }

  /** The default branch moves: new head sha, a few more commits, stats cold again. */
  push(owner: string, name: string): RepoData {
    const data = this.repo(`${owner}/${name}`);
    pushCommits(data);
    this.resetComputation(data);
    return data;
  }

  /** Queue answers for matching requests; consumed in order, then the default answer resumes. */
  script(method: string, match: Pattern, answers: ScriptedAnswer[]): void {
    this.scripts.push({ method: method.toUpperCase(), match, answers: [...answers] });
  }

  /** Sets the rate-limit bucket for a token (null: anonymous). `enforce` answers 403 at 0. */
  setRateLimit(token: string | null, state: { limit?: number; remaining?: number; resetAt?: number; enforce?: boolean }): void {
    const bucket = this.bucket(token);
    if (state.limit !== undefined) bucket.limit = state.limit;
    if (state.remaining !== undefined) bucket.used = bucket.limit - state.remaining;
    if (state.resetAt !== undefined) bucket.resetMs = state.resetAt;
    if (state.enforce !== undefined) bucket.enforce = state.enforce;
  }

  // -------------------------------------------------------------------------------------------
  // Inspection

  /** Requests whose path equals the string, or whose path+query matches the regex. */
  requestsTo(match: Pattern): MockRequest[] {
    return this.requests.filter((r) => matches(match, r.path, r.path + queryString(r.url)));
  }

  count(match: Pattern): number {
    return this.requestsTo(match).length;
  }

  /** API requests that cost primary rate limit (not 304, not /rate_limit). */
  counted(): MockRequest[] {
    return this.requests.filter((r) => r.counted);
  }

  /** Resolves once `count(match) >= n`; rejects after `timeoutMs`. */
  waitFor(match: Pattern, n = 1, timeoutMs = 10_000): Promise<MockRequest[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hits = this.requestsTo(match);
        if (hits.length < n) return false;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(hits);
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`mock: expected ${n} request(s) to ${String(match)}, saw ${this.count(match)}`));
      }, timeoutMs);
      if (!check()) this.listeners.add(() => void check());
    });
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  // -------------------------------------------------------------------------------------------
  // Browser wiring

  /**
   * Routes api.github.com, github.com, avatars and assets for every page and for the extension's
   * service worker. Call before the extension's first request: requests made earlier are not seen.
   */
  async attach(context: BrowserContext): Promise<void> {
    const hosts = new Set([API_ORIGIN, PAGES_ORIGIN, AVATARS_ORIGIN, ASSETS_ORIGIN].map((o) => new URL(o).host));
    await context.route((url) => url.protocol === 'https:' && hosts.has(url.host), (route) => this.fulfil(route));
  }

  private async fulfil(route: Route): Promise<void> {
    const request = route.request();
    const answer = await this.handle({ method: request.method(), url: request.url(), headers: await request.allHeaders() });
    if (answer.delayMs > 0) await new Promise((r) => setTimeout(r, answer.delayMs));
    try {
      if (answer.networkError) await route.abort('connectionreset');
      else await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body ?? '' });
    } catch {
      // The page or worker went away while we waited: nothing to answer.
    }
  }

  // -------------------------------------------------------------------------------------------
  // Request handling (no browser needed)

  async handle(req: { method: string; url: string; headers?: Record<string, string> }): Promise<MockAnswer> {
    const url = new URL(req.url);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
    const method = req.method.toUpperCase();
    if (url.origin !== API_ORIGIN) return this.handleStatic(method, url, headers);

    const path = url.pathname.replace(/\/+$/, '') || '/';
    const token = /^(?:bearer|token)\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim() ?? null;
    const script = this.scripts.find((s) => (s.method === method || s.method === '*') && s.answers.length > 0 && matches(s.match, path, path + url.search));
    const scripted = script?.answers.shift();

    let answer: MockAnswer;
    if (scripted && (scripted.status !== undefined || scripted.networkError || scripted.body !== undefined)) {
      answer = this.scriptedAnswer(scripted);
    } else {
      answer = this.api(method, path, url.searchParams, headers, token);
      answer.delayMs = scripted?.delayMs ?? 0;
    }
    if (scripted?.delayMs) answer.delayMs = scripted.delayMs;

    const counted = !answer.networkError && method !== 'OPTIONS' && answer.status !== 304 && path !== '/rate_limit';
    const bucket = this.bucket(token);
    if (counted) bucket.used++;
    if (!answer.networkError) this.decorate(answer, bucket, scripted?.headers);
    this.requests.push({
      method, url: url.href, path, query: queryRecord(url.searchParams), headers, status: answer.networkError ? 0 : answer.status,
      counted, scripted: scripted !== undefined, at: Date.now(),
    });
    for (const listener of [...this.listeners]) listener();
    return answer;
  }

  private scriptedAnswer(s: ScriptedAnswer): MockAnswer {
    const status = s.status ?? 200;
    let body: string | null;
    if (s.raw) body = s.body === undefined ? '' : String(s.body);
    else if (s.body !== undefined) body = JSON.stringify(s.body);
    else if (status === 204 || status === 304) body = null;
    else if (status === 202) body = '{}';
    else body = JSON.stringify({ message: STATUS_TEXT[status] ?? 'Error', documentation_url: DOCS, status: String(status) });
    return {
      status,
      headers: s.raw ? { 'content-type': 'application/json; charset=utf-8' } : jsonType(),
      body,
      delayMs: s.delayMs ?? 0,
      networkError: s.networkError ?? false,
    };
  }

  /** Rate-limit headers on every answer, CORS like api.github.com, scripted headers last. */
  private decorate(answer: MockAnswer, bucket: Bucket, extra?: Record<string, string>): void {
    Object.assign(answer.headers, {
      'x-ratelimit-limit': String(bucket.limit),
      'x-ratelimit-remaining': String(Math.max(0, bucket.limit - bucket.used)),
      'x-ratelimit-used': String(bucket.used),
      'x-ratelimit-reset': String(Math.floor(bucket.resetMs / 1000)),
      'x-ratelimit-resource': 'core',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `MOCK:${this.requests.length.toString(16).toUpperCase()}`,
      'access-control-allow-origin': '*',
      'access-control-expose-headers': EXPOSED,
      vary: 'Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding',
      ...Object.fromEntries(Object.entries(extra ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    });
  }

  private bucket(token: string | null): Bucket {
    const key = token ?? '';
    let bucket = this.buckets.get(key);
    const wall = Date.now();
    if (!bucket || bucket.resetMs <= wall) {
      const limit = bucket?.limit ?? (token ? (this.tokens.get(token)?.limit ?? 5000) : this.options.anonymousLimit);
      bucket = { limit, used: 0, resetMs: wall + HOURLY_MS, enforce: bucket?.enforce ?? false };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private resetComputation(data: RepoData): void {
    for (const endpoint of COMPUTED_ENDPOINTS) this.pending.set(`${data.fullName.toLowerCase()}#${endpoint}`, data.spec.computeAttempts);
  }

  private api(method: string, path: string, query: URLSearchParams, headers: Record<string, string>, token: string | null): MockAnswer {
    if (method === 'OPTIONS') {
      return { status: 204, body: null, delayMs: 0, networkError: false, headers: {
        'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
        'access-control-allow-headers': 'Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, Accept-Encoding, X-GitHub-OTP, X-Requested-With, User-Agent, X-GitHub-Api-Version',
        'access-control-max-age': '86400',
      } };
    }
    const version = headers['x-github-api-version'];
    if (version !== undefined && !SUPPORTED_VERSIONS.includes(version)) {
      return error(400, `API version '${version}' is not supported.`);
    }
    const accept = headers.accept ?? 'application/vnd.github+json';
    const wantsSha = /application\/vnd\.github(\.v3)?\.sha/i.test(accept);
    if (!wantsSha && !accept.split(',').some((a) => JSON_ACCEPT.test(a.trim()))) {
      return error(415, `Unsupported 'Accept' header: '${accept}'. Must accept 'application/json'.`);
    }
    if (method !== 'GET' && method !== 'HEAD') return error(404, 'Not Found');

    const tokenSpec = token ? this.tokens.get(token) : undefined;
    if (token && !tokenSpec) return error(401, 'Bad credentials');
    const bucket = this.bucket(token);
    if (bucket.enforce && bucket.used >= bucket.limit && path !== '/rate_limit') {
      return error(403, `API rate limit exceeded for ${tokenSpec ? `user ID ${hash(tokenSpec.login) % 1e7}` : '127.0.0.1'}.`, 'rest/using-the-rest-api/rate-limits-for-the-rest-api');
    }

    if (path === '/rate_limit') return this.rateLimit(bucket);
    if (path === '/user') return this.user(tokenSpec);

    let m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    if (m) return this.repoApi(decodeURIComponent(m[1]!), decodeURIComponent(m[2]!), m[3] ?? '', headers, tokenSpec, wantsSha);
    m = /^\/orgs\/([^/]+)\/repos$/.exec(path);
    if (m) return this.orgRepos(decodeURIComponent(m[1]!), query, headers, tokenSpec);
    m = /^\/orgs\/([^/]+)\/insights\/api\/(.+)$/.exec(path);
    if (m) return this.insightsApi(decodeURIComponent(m[1]!), m[2]!, query, headers, tokenSpec);
    return error(404, 'Not Found');
  }

  private rateLimit(bucket: Bucket): MockAnswer {
    const core = { limit: bucket.limit, used: bucket.used, remaining: Math.max(0, bucket.limit - bucket.used), reset: Math.floor(bucket.resetMs / 1000) };
    const other = (limit: number) => ({ limit, used: 0, remaining: limit, reset: Math.floor((Date.now() + 60_000) / 1000) });
    return json(200, {
      resources: { core, search: other(30), graphql: other(5000), integration_manifest: other(5000), code_search: other(10) },
      rate: core,
    });
  }

  private user(spec: TokenSpec | undefined): MockAnswer {
    if (!spec) return error(401, 'Requires authentication', 'rest/users/users#get-the-authenticated-user');
    const answer = json(200, {
      ...simpleUser(spec.login, 1000 + (hash(spec.login) % 100_000)),
      name: spec.login, company: '@acme', blog: '', location: null, email: null, hireable: null, bio: null,
      public_repos: 12, public_gists: 1, followers: 40, following: 3,
      created_at: '2015-03-14T09:26:53Z', updated_at: isoSeconds(this.now - 86_400_000),
    });
    if (spec.kind === 'classic') {
      answer.headers['x-oauth-scopes'] = (spec.scopes ?? []).join(', ');
      answer.headers['x-accepted-oauth-scopes'] = '';
    }
    if (spec.expiresAt) answer.headers['github-authentication-token-expiration'] = expirationHeader(spec.expiresAt);
    return answer;
  }

  private canRead(repo: RepoData, token: TokenSpec | undefined): boolean {
    if (!repo.spec.private) return true;
    return !!token?.repos?.some((r) => r === '*' || r.toLowerCase() === repo.fullName.toLowerCase());
  }

  private repoApi(owner: string, name: string, rest: string, headers: Record<string, string>, token: TokenSpec | undefined, wantsSha: boolean): MockAnswer {
    const repo = REPO_NAME.test(owner) && REPO_NAME.test(name) ? this.findRepo(`${owner}/${name}`) : undefined;
    if (!repo || !this.canRead(repo, token)) return error(404, 'Not Found', 'rest/repos/repos#get-a-repository');
    const { spec } = repo;

    if (rest === '') {
      const ownerUser = simpleUser(spec.owner, this.orgs.get(spec.owner.toLowerCase())?.id ?? hash(spec.owner) % 1e6, 'Organization');
      return this.conditional(headers, json(200, {
        id: spec.id, node_id: `R_${spec.id}`, name: spec.name, full_name: repo.fullName, private: spec.private,
        owner: ownerUser, html_url: `${PAGES_ORIGIN}/${repo.fullName}`, description: spec.description, fork: spec.fork,
        url: `${API_ORIGIN}/repos/${repo.fullName}`, default_branch: spec.defaultBranch,
        visibility: spec.private ? 'private' : 'public', stargazers_count: spec.stars, watchers_count: spec.stars,
        language: spec.language, size: spec.empty ? 0 : 48_213, archived: spec.archived, disabled: false,
        pushed_at: isoSeconds(this.now - spec.pushedHoursAgo * HOURLY_MS), created_at: isoSeconds(this.now - spec.weeks * 7 * 86_400_000),
        updated_at: isoSeconds(this.now - HOURLY_MS),
      }));
    }

    if (rest === '/commits/HEAD' || rest === `/commits/${spec.defaultBranch}`) {
      if (spec.empty) return error(409, 'Git Repository is empty.', 'rest/commits/commits#get-a-commit');
      // Opaque, like GitHub's, and per representation (Vary: Accept): a client cannot make up
      // the ETag of a head it read elsewhere and get a free 304 for a request it never made.
      const etag = etagOf(`${wantsSha ? 'sha' : 'json'}:${repo.headSha}`);
      const sent = headers['if-none-match'];
      if (sent && sent.split(',').map((e) => e.trim()).includes(etag)) return { status: 304, headers: { etag }, body: null, delayMs: 0, networkError: false };
      if (wantsSha) {
        return { status: 200, headers: { 'content-type': 'application/vnd.github.sha; charset=utf-8', etag }, body: repo.headSha, delayMs: 0, networkError: false };
      }
      const author = spec.contributors.find((c) => c.login) ?? { login: 'ghost', id: 10137 };
      const when = isoSeconds(this.now - 2 * HOURLY_MS);
      const answer = json(200, {
        sha: repo.headSha, node_id: `C_${repo.headSha.slice(0, 12)}`,
        url: `${API_ORIGIN}/repos/${repo.fullName}/commits/${repo.headSha}`,
        html_url: `${PAGES_ORIGIN}/${repo.fullName}/commit/${repo.headSha}`,
        commit: {
          message: `Release ${repo.version}`, comment_count: 0,
          author: { name: author.login, email: `${author.login}@users.noreply.github.com`, date: when },
          committer: { name: 'GitHub', email: 'noreply@github.com', date: when },
          tree: { sha: repo.headSha.split('').reverse().join(''), url: `${API_ORIGIN}/repos/${repo.fullName}/git/trees/x` },
        },
        author: simpleUser(author.login!, author.id), committer: simpleUser('web-flow', 19864447),
        parents: [], stats: { total: 52, additions: 40, deletions: 12 }, files: [],
      });
      answer.headers.etag = etag;
      return answer;
    }

    const stat = /^\/stats\/([a-z_]+)$/.exec(rest)?.[1] as StatsEndpoint | undefined;
    if (!stat || !STATS_ENDPOINTS.includes(stat)) return error(404, 'Not Found');
    const key = `${repo.fullName.toLowerCase()}#${stat}`;
    const owed = this.pending.get(key) ?? 0;
    if (COMPUTED_ENDPOINTS.includes(stat) && owed > 0 && !spec.empty) {
      this.pending.set(key, owed - 1);
      return json(202, {});
    }
    if (spec.empty) {
      if (stat === 'participation') return this.conditional(headers, json(200, { all: Array(52).fill(0), owner: Array(52).fill(0) }), this.options.conditionalStats);
      return { status: 204, headers: {}, body: null, delayMs: 0, networkError: false };
    }
    if (stat === 'code_frequency' && spec.tooLarge) {
      return error(422, 'The statistics for this repository are not available because it has more than 10,000 commits.', 'rest/metrics/statistics#get-the-weekly-commit-activity');
    }
    const body = this.statsBody(repo, stat);
    return this.conditional(headers, { status: 200, headers: jsonType(), body, delayMs: 0, networkError: false }, this.options.conditionalStats);
  }

  /** A statistic's 200 body for the repository's current version, serialized once. */
  private statsBody(repo: RepoData, stat: StatsEndpoint): string {
    const bodyKey = `${repo.fullName.toLowerCase()}#${stat}@${repo.version}`;
    let body = this.bodies.get(bodyKey);
    if (body === undefined) {
      body = JSON.stringify(repo.answers[stat]);
      this.bodies.set(bodyKey, body);
    }
    return body;
  }

  /**
   * Serializes a repository's statistics answers now, so a benchmark's first request does not
   * wait for it (monolith's 3 MB of contributors took 11-20 ms of JSON.stringify, on the cores
   * the extension measured shares).
   */
  prepareAnswers(fullName: string): void {
    const repo = this.repo(fullName);
    for (const stat of STATS_ENDPOINTS) this.statsBody(repo, stat);
  }

  /**
   * `GET /orgs/{org}/repos`: GitHub's minimal-repository items. `type` public | all | sources |
   * forks (private repositories only for a token that may read them), `sort` pushed | created |
   * updated | full_name, `direction`, `per_page` (max 100), `page`, with a Link header.
   */
  private orgRepos(orgLogin: string, query: URLSearchParams, headers: Record<string, string>, token: TokenSpec | undefined): MockAnswer {
    const spec = this.orgs.get(orgLogin.toLowerCase());
    if (!spec) return error(404, 'Not Found', 'rest/repos/repos#list-organization-repositories');
    const type = query.get('type') ?? 'all';
    if (!['all', 'public', 'private', 'forks', 'sources', 'member'].includes(type)) return validation('type', 'invalid');
    const sort = query.get('sort') ?? 'created';
    if (!['created', 'updated', 'pushed', 'full_name'].includes(sort)) return validation('sort', 'invalid');
    const direction = query.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc');
    const perPage = Math.min(100, Number(query.get('per_page') ?? '30'));
    const page = Number(query.get('page') ?? '1');
    if (!Number.isInteger(perPage) || perPage < 1 || !Number.isInteger(page) || page < 1) return validation('per_page', 'invalid');
    const repos = [...this.repoSpecs.values()]
      .filter((r) => r.owner.toLowerCase() === spec.login.toLowerCase())
      .map((r) => this.repo(`${r.owner}/${r.name}`))
      .filter((r) => this.canRead(r, token))
      .filter((r) => (type === 'public' ? !r.spec.private : type === 'private' ? r.spec.private : type === 'forks' ? r.spec.fork : type === 'sources' ? !r.spec.fork : true));
    const key = (r: RepoData): number | string =>
      sort === 'full_name' ? r.fullName.toLowerCase() : sort === 'pushed' ? -r.spec.pushedHoursAgo : -r.spec.weeks;
    repos.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return direction === 'asc' ? order : -order;
    });
    const owner = simpleUser(spec.login, spec.id, 'Organization');
    const items = repos.slice((page - 1) * perPage, page * perPage).map((r) => minimalRepository(r, owner, this.now));
    const answer = this.conditional(headers, json(200, items));
    const lastPage = Math.max(1, Math.ceil(repos.length / perPage));
    if (page < lastPage) {
      const q = new URLSearchParams(query);
      q.set('page', String(page + 1));
      answer.headers.link = `<${API_ORIGIN}/orgs/${spec.login}/repos?${q.toString()}>; rel="next"`;
    }
    return answer;
  }

  /** Adds an ETag; answers 304 when If-None-Match carries it (free, like GitHub). */
  private conditional(headers: Record<string, string>, answer: MockAnswer, enabled = true): MockAnswer {
    const etag = etagOf(answer.body ?? '', this.etags);
    answer.headers.etag = etag;
    const sent = headers['if-none-match'];
    if (enabled && sent && sent.split(',').map((s) => s.trim()).includes(etag)) {
      return { status: 304, headers: { etag }, body: null, delayMs: 0, networkError: false };
    }
    return answer;
  }

  private insightsApi(orgLogin: string, rest: string, query: URLSearchParams, headers: Record<string, string>, token: TokenSpec | undefined): MockAnswer {
    const spec = this.orgs.get(orgLogin.toLowerCase());
    if (!spec) return error(404, 'Not Found');
    if (!token) {
      return this.options.insightsWithoutToken === 401
        ? error(401, 'Requires authentication', 'rest/orgs/api-insights')
        : error(404, 'Not Found', 'rest/orgs/api-insights');
    }
    const allowed = token.orgInsights === true || (Array.isArray(token.orgInsights) && token.orgInsights.some((o) => o.toLowerCase() === spec.login.toLowerCase()));
    if (!allowed) {
      const answer = error(403, token.kind === 'classic' ? 'Must have admin rights to Repository.' : 'Resource not accessible by personal access token', 'rest/orgs/api-insights');
      answer.headers['x-accepted-github-permissions'] = 'api_insights=read';
      return answer;
    }

    const min = query.get('min_timestamp');
    const max = query.get('max_timestamp');
    if (min === null) return validation('min_timestamp', 'missing_field');
    if (!ISO_TIME.test(min) || Number.isNaN(Date.parse(min))) return validation('min_timestamp', 'invalid');
    if (max !== null && (!ISO_TIME.test(max) || Number.isNaN(Date.parse(max)))) return validation('max_timestamp', 'invalid');
    const window: Window = { min: Date.parse(min), max: max === null ? Date.now() : Date.parse(max) };
    if (window.max <= window.min) return validation('max_timestamp', 'invalid');

    const org = this.org(spec.login);
    let m: RegExpExecArray | null;
    const scopeFrom = (tail: string): Scope | MockAnswer => {
      if (tail === '') return { type: 'org' };
      let s = /^\/users\/([^/]+)$/.exec(tail);
      if (s) return { type: 'user', userId: decodeURIComponent(s[1]!) };
      s = /^\/([a-z_]+)\/([^/]+)$/.exec(tail);
      if (s && (ACTOR_TYPES as readonly string[]).includes(s[1]!) && /^\d+$/.test(s[2]!)) return { type: 'actor', actorType: s[1]!, actorId: Number(s[2]) };
      return error(404, 'Not Found');
    };

    if ((m = /^summary-stats(\/.*)?$/.exec(rest))) {
      const scope = scopeFrom(m[1] ?? '');
      if ('status' in scope) return scope;
      return this.conditional(headers, json(200, insights.summary(org, window, scope)));
    }
    if ((m = /^time-stats(\/.*)?$/.exec(rest))) {
      const scope = scopeFrom(m[1] ?? '');
      if ('status' in scope) return scope;
      const increment = query.get('timestamp_increment');
      if (increment === null) return validation('timestamp_increment', 'missing_field');
      if (!INCREMENTS[increment]) return validation('timestamp_increment', 'invalid');
      return this.conditional(headers, json(200, insights.timeStats(org, window, scope, increment)));
    }
    if (rest === 'subject-stats') {
      return this.list(`/orgs/${spec.login}/insights/api/${rest}`, headers, query, insights.subjects(org, window), SUBJECT_SORTS, 'subject_name_substring', 'subject_name');
    }
    if ((m = /^user-stats\/([^/]+)$/.exec(rest))) {
      return this.list(`/orgs/${spec.login}/insights/api/${rest}`, headers, query, insights.userActors(org, window, decodeURIComponent(m[1]!)), USER_SORTS, 'actor_name_substring', 'actor_name');
    }
    if ((m = /^route-stats\/([a-z_]+)\/(\d+)$/.exec(rest)) && (ACTOR_TYPES as readonly string[]).includes(m[1]!)) {
      return this.list(`/orgs/${spec.login}/insights/api/${rest}`, headers, query, insights.routes(org, window, m[1]!, Number(m[2])), ROUTE_SORTS, 'api_route_substring', 'api_route');
    }
    return error(404, 'Not Found');
  }

  /** Filter, sort, page like the list endpoints; adds GitHub's Link header. */
  private list<T extends object>(path: string, headers: Record<string, string>, query: URLSearchParams, rows: T[], sorts: string[], filterParam: string, filterField: string): MockAnswer {
    const sort = query.getAll('sort').flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
    const badSort = sort.find((s) => !sorts.includes(s));
    if (badSort) return validation('sort', 'invalid');
    const direction = query.get('direction') ?? 'desc';
    if (direction !== 'asc' && direction !== 'desc') return validation('direction', 'invalid');
    const page = Number(query.get('page') ?? '1');
    const perPageRaw = Number(query.get('per_page') ?? '30');
    if (!Number.isInteger(page) || page < 1) return validation('page', 'invalid');
    if (!Number.isInteger(perPageRaw) || perPageRaw < 1) return validation('per_page', 'invalid');
    const perPage = Math.min(100, perPageRaw);
    const needle = query.get(filterParam)?.toLowerCase();
    const filtered = needle ? rows.filter((r) => String((r as Record<string, unknown>)[filterField]).toLowerCase().includes(needle)) : rows;
    const sorted = sortRows(filtered, sort, direction);
    const answer = this.conditional(headers, json(200, sorted.slice((page - 1) * perPage, page * perPage)));
    const lastPage = Math.max(1, Math.ceil(sorted.length / perPage));
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(query);
      q.set('page', String(p));
      return `<${API_ORIGIN}${path}?${q.toString()}>; rel="${rel}"`;
    };
    const links = [
      ...(page < lastPage ? [link(page + 1, 'next'), link(lastPage, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
    ];
    if (links.length > 0) answer.headers.link = links.join(', ');
    return answer;
  }

  // -------------------------------------------------------------------------------------------
  // Pages, avatars, assets

  private handleStatic(method: string, url: URL, headers: Record<string, string>): MockAnswer {
    const html = (status: number, body: string): MockAnswer => ({
      status, body, delayMs: 0, networkError: false,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
    });
    this.requests.push({
      method, url: url.href, path: url.pathname, query: queryRecord(url.searchParams), headers, status: 200, counted: false, scripted: false, at: Date.now(),
    });
    if (url.origin === AVATARS_ORIGIN) {
      const id = Number(/^\/u\/(\d+)/.exec(url.pathname)?.[1] ?? 0);
      return { status: 200, body: avatarSvg(id), delayMs: 0, networkError: false, headers: { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=300' } };
    }
    if (url.origin === ASSETS_ORIGIN) {
      if (url.pathname !== PRIMER_CSS_PATH) return { status: 404, body: '', delayMs: 0, networkError: false, headers: {} };
      return { status: 200, body: primerStylesheet(), delayMs: 0, networkError: false, headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' } };
    }
    const opts: PageOptions = {
      theme: url.searchParams.get('theme') ?? 'light',
      viewer: this.options.viewer,
      layout: url.searchParams.get('layout') ?? this.options.layout,
    };
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts.length === 0) return html(200, notFoundPage(opts));
    const own = githubOwnPage(parts, opts);
    if (own) return html(200, own);
    if (parts.length === 1) {
      const org = this.orgs.get(parts[0]!.toLowerCase());
      if (org) {
        const repos = [...this.repoSpecs.values()].filter((r) => r.owner.toLowerCase() === org.login.toLowerCase());
        return html(200, orgPage(org, repos, opts));
      }
      const user = this.findUser(parts[0]!);
      return user ? html(200, userPage(user.login, user.id, opts)) : html(404, notFoundPage(opts));
    }
    const repo = this.findRepo(`${parts[0]}/${parts[1]}`);
    if (!repo) return html(404, notFoundPage(opts));
    if (parts.length === 2) return html(200, repoPage(repo, opts));
    if (parts[2] === 'issues' && parts.length === 4 && /^\d+$/.test(parts[3]!)) return html(200, repoSubPage(repo, opts, 'issues', Number(parts[3])));
    return html(200, repoSubPage(repo, opts, parts[2]!, null));
  }

  private findUser(login: string): { login: string; id: number } | null {
    const lower = login.toLowerCase();
    for (const spec of this.repoSpecs.values()) {
      const c = spec.contributors.find((p) => p.login?.toLowerCase() === lower && p.type === 'User');
      if (c) return { login: c.login!, id: c.id };
    }
    for (const org of this.orgs.values()) {
      const s = org.subjects.find((p) => p.type === 'user' && p.name.toLowerCase() === lower);
      if (s) return { login: s.name, id: s.id };
    }
    if (this.options.viewer?.toLowerCase() === lower) return { login: this.options.viewer, id: 583231 };
    return null;
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Bad credentials', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 410: 'Gone',
  422: 'Validation Failed', 429: 'Too Many Requests', 500: 'Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
};

/** GitHub's `minimal-repository`, every field it requires plus the usual optional ones. */
function minimalRepository(repo: RepoData, owner: Record<string, unknown>, now: number): Record<string, unknown> {
  const { spec, fullName } = repo;
  const api = `${API_ORIGIN}/repos/${fullName}`;
  const urls: Record<string, string> = {};
  for (const [field, tail] of Object.entries(REPO_URLS)) urls[field] = `${api}${tail}`;
  return {
    id: spec.id, node_id: `R_${spec.id}`, name: spec.name, full_name: fullName, owner, private: spec.private,
    html_url: `${PAGES_ORIGIN}/${fullName}`, description: spec.description, fork: spec.fork, url: api, ...urls,
    git_url: `git://github.com/${fullName}.git`, ssh_url: `git@github.com:${fullName}.git`, clone_url: `${PAGES_ORIGIN}/${fullName}.git`,
    svn_url: `${PAGES_ORIGIN}/${fullName}`, mirror_url: null, homepage: null, language: spec.language,
    forks_count: spec.stars % 97, stargazers_count: spec.stars, watchers_count: spec.stars, size: spec.empty ? 0 : 48_213,
    default_branch: spec.defaultBranch, open_issues_count: spec.stars % 31, is_template: false, topics: [],
    has_issues: true, has_projects: true, has_wiki: true, has_pages: false, has_downloads: true, has_discussions: false,
    archived: spec.archived, disabled: false, visibility: spec.private ? 'private' : 'public',
    pushed_at: isoSeconds(now - spec.pushedHoursAgo * HOURLY_MS), created_at: isoSeconds(now - spec.weeks * 7 * 86_400_000),
    updated_at: isoSeconds(now - spec.pushedHoursAgo * HOURLY_MS),
    permissions: { admin: false, maintain: false, push: false, triage: false, pull: true },
    forks: spec.stars % 97, open_issues: spec.stars % 31, watchers: spec.stars,
  };
}

const REPO_URLS: Record<string, string> = {
  archive_url: '/{archive_format}{/ref}', assignees_url: '/assignees{/user}', blobs_url: '/git/blobs{/sha}',
  branches_url: '/branches{/branch}', collaborators_url: '/collaborators{/collaborator}', comments_url: '/comments{/number}',
  commits_url: '/commits{/sha}', compare_url: '/compare/{base}...{head}', contents_url: '/contents/{+path}',
  contributors_url: '/contributors', deployments_url: '/deployments', downloads_url: '/downloads', events_url: '/events',
  forks_url: '/forks', git_commits_url: '/git/commits{/sha}', git_refs_url: '/git/refs{/sha}', git_tags_url: '/git/tags{/sha}',
  issue_comment_url: '/issues/comments{/number}', issue_events_url: '/issues/events{/number}', issues_url: '/issues{/number}',
  keys_url: '/keys{/key_id}', labels_url: '/labels{/name}', languages_url: '/languages', merges_url: '/merges',
  milestones_url: '/milestones{/number}', notifications_url: '/notifications{?since,all,participating}', pulls_url: '/pulls{/number}',
  releases_url: '/releases{/id}', stargazers_url: '/stargazers', statuses_url: '/statuses/{sha}', subscribers_url: '/subscribers',
  subscription_url: '/subscription', tags_url: '/tags', teams_url: '/teams', trees_url: '/git/trees{/sha}', hooks_url: '/hooks',
};

function jsonType(): Record<string, string> {
  return { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3; format=json' };
}

function json(status: number, body: unknown): MockAnswer {
  return { status, headers: jsonType(), body: JSON.stringify(body), delayMs: 0, networkError: false };
}

function error(status: number, message: string, docs = 'rest'): MockAnswer {
  return json(status, { message, documentation_url: `https://docs.github.com/${docs}`, status: String(status) });
}

function validation(field: string, code: string): MockAnswer {
  return json(422, {
    message: 'Validation Failed',
    errors: [{ resource: 'ApiInsights', field, code }],
    documentation_url: 'https://docs.github.com/rest/orgs/api-insights',
    status: '422',
  });
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

function queryString(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? '' : url.slice(i);
}
