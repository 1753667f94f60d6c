// Test helpers for the engine tests: a fake GitHub behind `fetch`, and an engine wired to it.
import { vi } from 'vitest';
import { resolveHost } from '../../utils/github/hosts';
import { createCache, type Cache } from '../../utils/engine/cache';
import { createEngine, type Engine } from '../../utils/engine/engine';
import type { Query, RepoStat, Snapshot } from '../../utils/protocol';

export interface FakeAnswer {
  status: number;
  body?: unknown;
  /** sent as is, not JSON-encoded */
  raw?: string;
  headers?: Record<string, string>;
  networkError?: boolean;
}

export interface SeenRequest {
  url: string;
  path: string;
  headers: Record<string, string>;
  status: number;
}

export const STAT_BODIES: Record<string, unknown> = {
  commit_activity: [{ week: 1_700_000_000, total: 3, days: [0, 1, 2, 0, 0, 0, 0] }],
  code_frequency: [[1_700_000_000, 10, -4]],
  contributors: [
    { author: { login: 'mona', id: 1, type: 'User', html_url: 'https://github.com/mona' }, total: 3, weeks: [{ w: '1700000000', a: 1, d: 2, c: 3 }] },
    { author: null, total: 1, weeks: [{ w: 1_700_604_800, a: 0, d: 0, c: 1 }] },
  ],
  participation: { all: [1, 2], owner: [0, 1] },
  punch_card: [[0, 1, 2]],
};

export function fakeGitHub() {
  const requests: SeenRequest[] = [];
  const scripts: { match: RegExp; answers: FakeAnswer[] }[] = [];
  // conditionalStats false: the stats endpoints ignore If-None-Match (200 with the same ETag);
  // whether GitHub's answer them with 304 is unverified (FACTS.md).
  const state = { head: 'a'.repeat(40), version: 1, rate: { limit: 5000, remaining: 4999 }, conditionalStats: true };

  function defaultAnswer(path: string, headers: Record<string, string>): FakeAnswer {
    const inm = headers['if-none-match'];
    const m = /^\/repos\/[^/]+\/[^/]+\/(commits\/HEAD|stats\/(\w+))$/.exec(path);
    if (m?.[1] === 'commits/HEAD') {
      const etag = `"h-${state.head}"`;
      return inm === etag ? { status: 304, headers: { etag } } : { status: 200, raw: state.head, headers: { etag } };
    }
    if (m?.[2]) {
      const etag = `"s-${m[2]}-${state.version}"`;
      return inm === etag && state.conditionalStats ? { status: 304, headers: { etag } } : { status: 200, body: STAT_BODIES[m[2]], headers: { etag } };
    }
    if (path === '/rate_limit') {
      return { status: 200, body: { resources: { core: { limit: 5000, remaining: 4000, reset: 2_000_000_000, used: 1000 } } } };
    }
    return { status: 404, body: { message: 'Not Found' } };
  }

  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((init?.headers ?? {}) as Record<string, string>)) headers[k.toLowerCase()] = v;
    const script = scripts.find((s) => s.match.test(url.pathname + url.search) && s.answers.length > 0);
    const answer = script ? script.answers.shift()! : defaultAnswer(url.pathname, headers);
    requests.push({ url: url.href, path: url.pathname, headers, status: answer.networkError ? 0 : answer.status });
    if (answer.networkError) throw new TypeError('Failed to fetch');
    const rateHeaders = {
      'x-ratelimit-limit': String(state.rate.limit),
      'x-ratelimit-remaining': String(state.rate.remaining),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
    };
    const body = answer.raw ?? (answer.body === undefined ? null : JSON.stringify(answer.body));
    const nullBody = answer.status === 204 || answer.status === 304;
    return new Response(nullBody ? null : body, { status: answer.status, headers: { ...rateHeaders, ...answer.headers } });
  });

  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    requests,
    state,
    /** queue answers for requests whose path+query matches */
    script(match: RegExp, answers: FakeAnswer[]) {
      scripts.push({ match, answers: [...answers] });
    },
    /** requests that count against the limit (not 304, not /rate_limit) */
    counted: () => requests.filter((r) => r.status !== 304 && r.path !== '/rate_limit'),
    clear: () => requests.splice(0),
  };
}

let dbCount = 0;

export interface Setup {
  engine: Engine;
  cache: Cache;
  github: ReturnType<typeof fakeGitHub>;
  wakeUps: number[];
}

export function setup(
  options: { token?: string; freshnessMinutes?: number; capBytes?: number; cache?: Cache; github?: ReturnType<typeof fakeGitHub> } = {},
): Setup {
  const github = options.github ?? fakeGitHub();
  const cache = options.cache ?? createCache({ capBytes: () => options.capBytes ?? 50 * 1024 * 1024, dbName: `engine-test-${++dbCount}` });
  const wakeUps: number[] = [];
  const engine = createEngine({
    cache,
    fetch: github.fetch,
    resolveHost: async (id) => resolveHost(id, ['git.corp.example']),
    credentials: async () => (options.token ? { token: options.token, viewer: 'mona' } : { viewer: 'anonymous' }),
    settings: async () => ({ freshnessMinutes: options.freshnessMinutes ?? 10, insightsTtlMinutes: 10 }),
    wakeUpAt: (when) => wakeUps.push(when),
  });
  return { engine, cache, github, wakeUps };
}

export const repoQuery = (stat: RepoStat, repo = 'rocket'): Query => ({ kind: 'repo-stats', host: 'github.com', owner: 'acme', repo, stat });

/** acme's API Insights time report for a week at `increment`. */
export const insightsTimeQuery = (increment: string): Query => ({
  kind: 'org-insights',
  host: 'github.com',
  org: 'acme',
  report: 'time',
  scope: { type: 'org' },
  minTimestamp: '2026-05-25T00:00:00Z',
  maxTimestamp: '2026-06-01T00:00:00Z',
  increment,
});

/** Lets IndexedDB (real setImmediate) and promise chains run, without moving fake time. */
export async function flush(rounds = 30): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}

/** Collects every snapshot a watcher gets. */
export function collect(engine: Engine, query: Query, priority: 'interactive' | 'background' = 'interactive') {
  const snapshots: Snapshot[] = [];
  const watch = engine.watch(query, priority, (s) => snapshots.push(s));
  return { snapshots, watch, last: () => snapshots[snapshots.length - 1] };
}

/** Waits (without moving fake time) until the predicate holds. */
export async function until(predicate: () => boolean, rounds?: number): Promise<void> {
  // Without a count given, also at least 2 s of real time: work outside the setImmediate queue
  // (crypto.subtle's digest runs on Node's thread pool) can outlast the rounds on a busy machine.
  const start = performance.now();
  const minMs = rounds === undefined ? 2000 : 0;
  const count = rounds ?? 200;
  for (let i = 0; i < count || performance.now() - start < minMs; i++) {
    if (predicate()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('condition not reached');
}

export function useFakeTime(): void {
  // IndexedDB (fake-indexeddb) schedules with setImmediate: leave it real.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.UTC(2026, 5, 1, 12) });
}
