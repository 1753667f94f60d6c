/**
 * Organization API Insights scenarios. Each actor has a request series in 5-minute buckets (total and
 * rate limited); routes split each bucket deterministically, so any window and any increment can be
 * answered exactly, and tests can recompute the same numbers with the functions exported here
 * (they are the mock's own aggregation: `insights.*`).
 */
import type { ActorType } from '../../utils/protocol';
import { hash, isoSeconds, prng, unit } from './random';

export const BUCKET_MS = 5 * 60_000;

export interface RouteSpec {
  method: string;
  /** templated route as API Insights reports it, e.g. `/repos/:owner/:repo/pulls` */
  route: string;
  weight: number;
  /** rate-limited requests land on these routes first */
  limitProne?: boolean;
}

export interface ActorSpec {
  type: ActorType;
  id: number;
  name: string;
  integrationId: number | null;
  oauthApplicationId: number | null;
  /** mean requests per 5-minute bucket at the busiest hour */
  perBucket: number;
  /** share of requests that are rate limited during bursts (small) */
  limitedShare: number;
  /** steady: machines, day and night; office: people, weekdays 8-19 UTC; bursty: CI spikes */
  pattern: 'steady' | 'office' | 'bursty';
  routes: RouteSpec[];
}

export interface SubjectSpec {
  type: 'user' | 'installation';
  id: number;
  name: string;
  actors: ActorSpec[];
}

export interface OrgSpec {
  login: string;
  id: number;
  name: string;
  description: string;
  /** days of history ending at `now` */
  days: number;
  seed: number;
  subjects: SubjectSpec[];
}

export interface ActorSeries {
  subject: SubjectSpec;
  actor: ActorSpec;
  total: Uint32Array;
  limited: Uint32Array;
}

export interface OrgData {
  spec: OrgSpec;
  /** start of bucket 0 (unix ms, multiple of 5 minutes) */
  startMs: number;
  buckets: number;
  actors: ActorSeries[];
}

const ROUTES: RouteSpec[] = [
  { method: 'GET', route: '/repos/:owner/:repo', weight: 8 },
  { method: 'GET', route: '/repositories/:repository_id', weight: 6 },
  { method: 'GET', route: '/repos/:owner/:repo/pulls', weight: 7, limitProne: true },
  { method: 'GET', route: '/repos/:owner/:repo/pulls/:pull_number', weight: 5 },
  { method: 'POST', route: '/repos/:owner/:repo/issues/:issue_number/comments', weight: 2 },
  { method: 'GET', route: '/repos/:owner/:repo/commits/:ref/status', weight: 5, limitProne: true },
  { method: 'POST', route: '/repos/:owner/:repo/statuses/:sha', weight: 3 },
  { method: 'GET', route: '/repos/:owner/:repo/contents/:path', weight: 6 },
  { method: 'GET', route: '/orgs/:org/members', weight: 2 },
  { method: 'GET', route: '/user', weight: 3 },
  { method: 'PATCH', route: '/repos/:owner/:repo/issues/:issue_number', weight: 1 },
  { method: 'GET', route: '/repos/:owner/:repo/actions/runs', weight: 4, limitProne: true },
  { method: 'DELETE', route: '/repos/:owner/:repo/git/refs/:ref', weight: 1 },
  { method: 'GET', route: '/search/issues', weight: 2 },
  { method: 'PUT', route: '/repos/:owner/:repo/pulls/:pull_number/merge', weight: 1 },
];

const APPS = [
  'GitHub Actions', 'Dependabot', 'Renovate', 'CodeQL', 'acme-deploy-bot', 'Slack', 'Jira Cloud', 'Sentry',
];
const USERS = [
  'octo-lead', 'mona', 'hubot', 'lea-k', 'sam-dev', 'priya-r', 'jonas', 'mei', 'carlos-m', 'aisha', 'tomasz',
  'yuki-t', 'femi', 'ines', 'noah-b', 'olga', 'raj',
];
const OAUTH_APPS = ['GitHub CLI', 'Visual Studio Code', 'Terraform Cloud'];
const USER_APPS = ['GitHub Desktop', 'Copilot Workspace', 'Linear'];

function pickRoutes(rand: () => number, n: number): RouteSpec[] {
  const pool = [...ROUTES];
  const out: RouteSpec[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]!);
  return out.map((r) => ({ ...r, weight: r.weight * (0.5 + rand()) }));
}

/** ~25 subjects (17 users, 8 apps), each user with 1-4 actors of mixed types. */
export function makeOrgSpec(partial: Partial<OrgSpec> & Pick<OrgSpec, 'login'>): OrgSpec {
  const seed = partial.seed ?? hash('org', partial.login);
  const rand = prng(seed);
  let nextId = 5_000_000 + (seed % 1000) * 1000;
  const subjects: SubjectSpec[] = [];
  APPS.forEach((app, i) => {
    const installationId = 40_000_000 + i * 7919 + (seed % 97);
    subjects.push({
      type: 'installation',
      id: installationId,
      name: app,
      actors: [
        {
          type: 'installation',
          id: installationId,
          name: app,
          integrationId: 15_000 + i * 13,
          oauthApplicationId: null,
          perBucket: i === 0 ? 60 : 4 + rand() * 20,
          limitedShare: i === 0 || i === 2 ? 0.01 : 0,
          pattern: i === 0 ? 'bursty' : 'steady',
          routes: pickRoutes(rand, 4 + Math.floor(rand() * 5)),
        },
      ],
    });
  });
  USERS.forEach((login, i) => {
    const userId = 1000 + i * 37 + 11;
    const kinds: ActorType[] = ['classic_pat', 'fine_grained_pat', 'oauth_app', 'github_app_user_to_server'];
    const count = 1 + Math.floor(rand() * 4);
    const actors: ActorSpec[] = [];
    for (let k = 0; k < count; k++) {
      const type = kinds[(i + k) % kinds.length]!;
      const appName = type === 'oauth_app' ? OAUTH_APPS[(i + k) % OAUTH_APPS.length]! : USER_APPS[(i + k) % USER_APPS.length]!;
      actors.push({
        type,
        id: nextId++,
        name:
          type === 'classic_pat' ? `${login} (personal access token, classic)`
          : type === 'fine_grained_pat' ? `${login} (fine-grained token ${k + 1})`
          : appName,
        integrationId: type === 'github_app_user_to_server' ? 20_000 + ((i + k) % USER_APPS.length) : null,
        oauthApplicationId: type === 'oauth_app' ? 30_000 + ((i + k) % OAUTH_APPS.length) : null,
        perBucket: 0.2 + rand() * (i < 3 ? 12 : 3),
        limitedShare: i === 1 && k === 0 ? 0.05 : 0,
        pattern: type === 'classic_pat' && i % 3 === 0 ? 'steady' : 'office',
        routes: pickRoutes(rand, 3 + Math.floor(rand() * 6)),
      });
    }
    subjects.push({ type: 'user', id: userId, name: login, actors });
  });
  return {
    id: 9_900_000 + (seed % 1000),
    name: partial.login.charAt(0).toUpperCase() + partial.login.slice(1),
    description: 'Rockets, pipelines and the tools around them.',
    days: 35,
    ...partial,
    subjects: partial.subjects ?? subjects,
    seed,
  };
}

export function builtInOrgSpecs(): OrgSpec[] {
  return [
    makeOrgSpec({ login: 'acme', name: 'Acme Corp', seed: 2024 }),
    makeOrgSpec({ login: 'orbit', name: 'Orbit Labs', seed: 77, description: 'Fourteen repositories, all kinds of busy.' }),
    // Only a private repository: its public list is empty.
    makeOrgSpec({ login: 'hollow', name: 'Hollow Inc', seed: 5, description: 'Nothing public here.' }),
  ];
}

/** Relative activity (1 = busiest) of an actor pattern at an hour (UTC, fractional) of a day. */
function activity(pattern: ActorSpec['pattern'], hour: number, weekend: boolean, burst: boolean): number {
  if (pattern === 'steady') return 0.75 + 0.25 * Math.sin(((hour - 6) / 24) * 2 * Math.PI);
  if (pattern === 'office') {
    if (weekend) return 0.08;
    return hour >= 8 && hour < 19 ? 0.6 + 0.4 * Math.sin(((hour - 8) / 11) * Math.PI) : 0.05;
  }
  // bursty: CI runs follow pushes, which follow office hours, with spikes.
  const base = weekend ? 0.15 : hour >= 7 && hour < 20 ? 0.7 : 0.2;
  return base * (burst ? 5 : 1);
}

/** Generates every actor's 5-minute series for `spec`, ending at the bucket containing `nowMs`. */
export function buildOrg(spec: OrgSpec, nowMs: number): OrgData {
  const end = Math.floor(nowMs / BUCKET_MS) * BUCKET_MS;
  const buckets = spec.days * 288;
  const startMs = end - (buckets - 1) * BUCKET_MS;
  const hours = new Float32Array(buckets);
  const weekends = new Uint8Array(buckets);
  for (let b = 0; b < buckets; b++) {
    const date = new Date(startMs + b * BUCKET_MS);
    hours[b] = date.getUTCHours() + date.getUTCMinutes() / 60;
    weekends[b] = date.getUTCDay() === 0 || date.getUTCDay() === 6 ? 1 : 0;
  }
  const actors: ActorSeries[] = [];
  for (const subject of spec.subjects) {
    for (const actor of subject.actors) {
      const rand = prng(hash(spec.seed, actor.type, actor.id));
      const total = new Uint32Array(buckets);
      const limited = new Uint32Array(buckets);
      let burst = false;
      for (let b = 0; b < buckets; b++) {
        // Bursts last half an hour (6 buckets), aligned to the data start.
        if (b % 6 === 0) burst = unit(spec.seed, actor.id, b / 6) > 0.97;
        const mean = actor.perBucket * activity(actor.pattern, hours[b]!, weekends[b] === 1, burst);
        // Noise around the mean; the fractional part becomes an occasional extra request.
        const n = Math.max(0, Math.round(mean * (0.6 + 0.8 * rand()) + (rand() < mean % 1 ? 1 : 0) - 0.5));
        total[b] = n;
        if (actor.limitedShare > 0 && burst) limited[b] = Math.min(n, Math.round(n * actor.limitedShare * 10));
      }
      actors.push({ subject, actor, total, limited });
    }
  }
  return { spec, startMs, buckets, actors };
}

// ---------------------------------------------------------------------------------------------
// Aggregation: what the API answers, exported so tests can compute expected values.

export interface Window {
  /** unix ms, inclusive */
  min: number;
  /** unix ms, exclusive */
  max: number;
}

export type Scope =
  | { type: 'org' }
  | { type: 'user'; userId: string }
  | { type: 'actor'; actorType: string; actorId: number };

export interface Totals {
  total: number;
  limited: number;
  /** unix ms of the last bucket with requests / with rate-limited requests in the window */
  lastRequest: number | null;
  lastLimited: number | null;
}

/** Index range of the buckets whose start lies in [min, max). */
export function bucketRange(org: OrgData, window: Window): [number, number] {
  const first = Math.max(0, Math.ceil((window.min - org.startMs) / BUCKET_MS));
  const end = Math.min(org.buckets, Math.ceil((window.max - org.startMs) / BUCKET_MS));
  return [first, Math.max(first, end)];
}

export function actorsIn(org: OrgData, scope: Scope): ActorSeries[] {
  if (scope.type === 'org') return org.actors;
  if (scope.type === 'user') return org.actors.filter((a) => a.subject.type === 'user' && String(a.subject.id) === scope.userId);
  return org.actors.filter((a) => a.actor.type === scope.actorType && a.actor.id === scope.actorId);
}

/** A request time inside a bucket, stable per actor and bucket (GitHub reports exact times). */
function timeInBucket(org: OrgData, key: string | number, b: number, window: Window): number {
  const ms = org.startMs + b * BUCKET_MS + Math.floor(unit(org.spec.seed, key, b) * 300) * 1000;
  return Math.min(ms, window.max - 1000);
}

function totalsOf(org: OrgData, series: ActorSeries[], window: Window): Totals {
  const [from, to] = bucketRange(org, window);
  const out: Totals = { total: 0, limited: 0, lastRequest: null, lastLimited: null };
  let lastB = -1;
  let lastLimitedB = -1;
  let lastKey = 0;
  let lastLimitedKey = 0;
  for (const s of series) {
    for (let b = from; b < to; b++) {
      const n = s.total[b]!;
      if (n === 0) continue;
      out.total += n;
      out.limited += s.limited[b]!;
      if (b >= lastB) [lastB, lastKey] = [b, s.actor.id];
      if (s.limited[b]! > 0 && b >= lastLimitedB) [lastLimitedB, lastLimitedKey] = [b, s.actor.id];
    }
  }
  if (lastB >= 0) out.lastRequest = timeInBucket(org, lastKey, lastB, window);
  if (lastLimitedB >= 0) out.lastLimited = timeInBucket(org, lastLimitedKey, lastLimitedB, window);
  return out;
}

/** Splits one actor bucket across its routes; rate-limited requests go to limit-prone routes first. */
export function routeSplit(org: OrgData, s: ActorSeries, b: number): { total: number[]; limited: number[] } {
  const routes = s.actor.routes;
  const n = s.total[b]!;
  // A rotating offset spreads small counts over all routes instead of always the heaviest.
  const u = unit(org.spec.seed, 'route', s.actor.id, b);
  const sum = routes.reduce((a, r) => a + r.weight, 0);
  let cum = 0;
  const total = routes.map((r) => {
    const before = Math.floor((n * cum) / sum + u);
    cum += r.weight;
    return Math.floor((n * cum) / sum + u) - before;
  });
  const limited = routes.map(() => 0);
  let left = s.limited[b]!;
  const order = routes.map((r, i) => [r.limitProne ? 0 : 1, i] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [, i] of order) {
    const take = Math.min(left, total[i]!);
    limited[i] = take;
    left -= take;
  }
  return { total, limited };
}

export interface ApiSummary {
  total_request_count: number;
  rate_limited_request_count: number;
}
export interface ApiTimePoint {
  timestamp: string;
  total_request_count: number;
  rate_limited_request_count: number;
}
export interface ApiSubject {
  subject_type: string;
  subject_name: string;
  subject_id: number;
  total_request_count: number;
  rate_limited_request_count: number;
  last_rate_limited_timestamp: string | null;
  last_request_timestamp: string;
}
export interface ApiActor {
  actor_type: string;
  actor_name: string;
  actor_id: number;
  integration_id: number | null;
  oauth_application_id: number | null;
  total_request_count: number;
  rate_limited_request_count: number;
  last_rate_limited_timestamp: string | null;
  last_request_timestamp: string;
}
export interface ApiRoute {
  http_method: string;
  api_route: string;
  total_request_count: number;
  rate_limited_request_count: number;
  last_rate_limited_timestamp: string | null;
  last_request_timestamp: string;
}

/** Increments the mock accepts for time-stats, in ms. GitHub documents 5m, 10m, 1h "etc.". */
export const INCREMENTS: Record<string, number> = {
  '5m': 5 * 60_000, '10m': 10 * 60_000, '15m': 15 * 60_000, '30m': 30 * 60_000,
  '1h': 3_600_000, '2h': 7_200_000, '3h': 10_800_000, '6h': 21_600_000, '12h': 43_200_000,
  '1d': 86_400_000, '1w': 604_800_000,
};

const iso = (ms: number | null) => (ms === null ? null : isoSeconds(ms));

/** The pure aggregations behind the nine endpoints. Lists come unsorted and unpaged here. */
export const insights = {
  summary(org: OrgData, window: Window, scope: Scope): ApiSummary {
    const t = totalsOf(org, actorsIn(org, scope), window);
    return { total_request_count: t.total, rate_limited_request_count: t.limited };
  },

  /** One point per increment from the increment boundary at or before `min`, up to `max`. */
  timeStats(org: OrgData, window: Window, scope: Scope, increment: string): ApiTimePoint[] {
    const step = INCREMENTS[increment];
    if (!step) throw new Error(`unsupported increment ${increment}`);
    const series = actorsIn(org, scope);
    const [from, to] = bucketRange(org, window);
    const points: ApiTimePoint[] = [];
    const first = Math.floor(window.min / step) * step;
    for (let t = first; t < window.max; t += step) {
      points.push({ timestamp: isoSeconds(t), total_request_count: 0, rate_limited_request_count: 0 });
    }
    for (const s of series) {
      for (let b = from; b < to; b++) {
        const n = s.total[b]!;
        if (n === 0) continue;
        const point = points[Math.floor((org.startMs + b * BUCKET_MS - first) / step)]!;
        point.total_request_count += n;
        point.rate_limited_request_count += s.limited[b]!;
      }
    }
    return points;
  },

  subjects(org: OrgData, window: Window): ApiSubject[] {
    const out: ApiSubject[] = [];
    for (const subject of org.spec.subjects) {
      const t = totalsOf(org, org.actors.filter((a) => a.subject === subject), window);
      if (t.total === 0) continue;
      out.push({
        subject_type: subject.type,
        subject_name: subject.name,
        subject_id: subject.id,
        total_request_count: t.total,
        rate_limited_request_count: t.limited,
        last_rate_limited_timestamp: iso(t.lastLimited),
        last_request_timestamp: iso(t.lastRequest)!,
      });
    }
    return out;
  },

  userActors(org: OrgData, window: Window, userId: string): ApiActor[] {
    const out: ApiActor[] = [];
    for (const s of actorsIn(org, { type: 'user', userId })) {
      const t = totalsOf(org, [s], window);
      if (t.total === 0) continue;
      out.push({
        actor_type: s.actor.type,
        actor_name: s.actor.name,
        actor_id: s.actor.id,
        integration_id: s.actor.integrationId,
        oauth_application_id: s.actor.oauthApplicationId,
        total_request_count: t.total,
        rate_limited_request_count: t.limited,
        last_rate_limited_timestamp: iso(t.lastLimited),
        last_request_timestamp: iso(t.lastRequest)!,
      });
    }
    return out;
  },

  routes(org: OrgData, window: Window, actorType: string, actorId: number): ApiRoute[] {
    const [s] = actorsIn(org, { type: 'actor', actorType, actorId });
    if (!s) return [];
    const [from, to] = bucketRange(org, window);
    const acc = s.actor.routes.map(() => ({ total: 0, limited: 0, lastB: -1, lastLimitedB: -1 }));
    for (let b = from; b < to; b++) {
      if (s.total[b] === 0) continue;
      const split = routeSplit(org, s, b);
      split.total.forEach((n, i) => {
        if (n === 0) return;
        const a = acc[i]!;
        a.total += n;
        a.lastB = b;
        if (split.limited[i]! > 0) {
          a.limited += split.limited[i]!;
          a.lastLimitedB = b;
        }
      });
    }
    const out: ApiRoute[] = [];
    s.actor.routes.forEach((r, i) => {
      const a = acc[i]!;
      if (a.total === 0) return;
      const key = `${r.method} ${r.route}`;
      out.push({
        http_method: r.method,
        api_route: r.route,
        total_request_count: a.total,
        rate_limited_request_count: a.limited,
        last_rate_limited_timestamp: a.lastLimitedB >= 0 ? isoSeconds(timeInBucket(org, key, a.lastLimitedB, window)) : null,
        last_request_timestamp: isoSeconds(timeInBucket(org, key, a.lastB, window)),
      });
    });
    return out;
  },
};

/** Sorts like the API: every key in `sort` in turn, all in `direction`; nulls sort lowest. */
export function sortRows<T extends object>(rows: T[], sort: readonly string[], direction: 'asc' | 'desc'): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  const keys = sort.length > 0 ? sort : ['total_request_count'];
  return [...rows].sort((x, y) => {
    for (const key of keys) {
      const a = (x as Record<string, unknown>)[key];
      const b = (y as Record<string, unknown>)[key];
      if (a === b) continue;
      if (a === null || a === undefined) return -sign;
      if (b === null || b === undefined) return sign;
      return (a < b ? -1 : 1) * sign;
    }
    return 0;
  });
}

/** The helpers tests call to know what the panel must show. */
export const expected = {
  ...insights,
  sortRows,
  /** One API page of a list: `sort`, `direction`, then `page`/`per_page` (1-based). */
  page<T>(rows: T[], page = 1, perPage = 30): T[] {
    return rows.slice((page - 1) * perPage, page * perPage);
  },
};
