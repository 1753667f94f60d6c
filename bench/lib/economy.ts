/**
 * API economy: one scripted browsing session, run twice against identical mock scenarios:
 * by Statboard (in Chromium, fresh profile, so it starts cold) and by a naive reference client
 * written here (fetches every endpoint of a page on every view, retries 202 every 2 s, no cache,
 * no conditional requests). Figure: requests counted against GitHub's limit (mock.counted(): not
 * 304, not /rate_limit), Statboard / naive.
 */
import { DEMO_TOKENS, MockGitHub, type MockRequest } from '../../tests/mock-github';
import { launch, type BenchContext } from './browser';
import { figure, notMeasured, type Figure } from './figures';
import type { ProbeData } from './probe';
import { log } from './scenarios';

const API = 'https://api.github.com';

/** 5 repositories (3 added through the mock's public addRepo) and the org `acme`. */
export function economyScenario(mock: MockGitHub): void {
  const rocket = mock.repoSpecs.get('acme/rocket')!;
  // GitHub still computing: rocket's three computed stats answer 202 twice when cold (and again
  // after the push below), gears' three times.
  mock.addRepo({ ...rocket, computeAttempts: 2 });
  mock.addRepo({ owner: 'acme', name: 'launchpad', weeks: 104, computeAttempts: 1 });
  mock.addRepo({ owner: 'acme', name: 'gears', weeks: 208, computeAttempts: 3 });
  mock.addRepo({ owner: 'acme', name: 'docs', weeks: 52 });
}

type View = { kind: 'repo'; owner: string; repo: string } | { kind: 'org'; org: string } | { kind: 'push'; owner: string; repo: string };
const r = (repo: string): View => ({ kind: 'repo', owner: 'acme', repo });
const o: View = { kind: 'org', org: 'acme' };

/** 20 page views with revisits; the push moves rocket's default branch between views 11 and 12. */
export const SESSION: View[] = [
  r('rocket'), r('launchpad'), o, r('rocket'), r('gears'), r('monolith'), r('docs'), r('launchpad'), o, r('rocket'),
  r('gears'), { kind: 'push', owner: 'acme', repo: 'rocket' }, r('rocket'), r('monolith'), o, r('docs'), r('rocket'),
  r('launchpad'), r('gears'), o, r('monolith'),
];

const STATS = ['code_frequency', 'commit_activity', 'contributors', 'participation', 'punch_card'];

function urlOf(v: View): string {
  return v.kind === 'org' ? `https://github.com/${v.org}` : v.kind === 'repo' ? `https://github.com/${v.owner}/${v.repo}` : '';
}

export interface SessionResult {
  views: number;
  counted: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  notCounted304: number;
  /** org insights requests Statboard made (path+query), reused by the naive client for org views */
  orgRequests: string[];
  wallMs: number;
  unsettledViews: number;
}

function breakdown(requests: MockRequest[]): Pick<SessionResult, 'byKind' | 'byStatus' | 'notCounted304' | 'counted'> {
  const api = requests.filter((q) => q.url.startsWith(API));
  const byKind: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  for (const q of api) {
    if (!q.counted) continue;
    const kind = q.path.replace(/^\/repos\/[^/]+\/[^/]+/, '/repos/:o/:r').replace(/^\/orgs\/[^/]+/, '/orgs/:org').replace(/\/(users|installation|classic_pat|fine_grained_pat|oauth_app|github_app_user_to_server)\/[^/]+$/, '/:scope');
    byKind[kind] = (byKind[kind] ?? 0) + 1;
    byStatus[q.status] = (byStatus[q.status] ?? 0) + 1;
  }
  return { counted: api.filter((q) => q.counted).length, byKind, byStatus, notCounted304: api.filter((q) => q.status === 304).length };
}

/** Waits until the mock has seen no API request for `quietMs` (trailing polls land in this view). */
async function quiet(mock: MockGitHub, quietMs: number, maxMs: number): Promise<void> {
  const start = Date.now();
  for (;;) {
    const last = mock.requests.filter((q) => q.url.startsWith(API)).at(-1)?.at ?? 0;
    const since = Date.now() - Math.max(last, start);
    if (since >= quietMs || Date.now() - start > maxMs) return;
    await new Promise((res) => setTimeout(res, Math.min(200, quietMs - since)));
  }
}

export async function statboardSession(extDir: string, orgPanel: boolean | undefined): Promise<SessionResult> {
  const t0 = Date.now();
  const bc: BenchContext = await launch('with', extDir, {}, economyScenario);
  let unsettled = 0;
  try {
    const page = await bc.context.newPage();
    for (const v of SESSION) {
      if (v.kind === 'push') {
        bc.mock.push(v.owner, v.repo);
        continue;
      }
      await page.goto(urlOf(v), { waitUntil: 'load' });
      // No org panel built: nothing to wait for on org views (and nothing is counted there).
      const ok = v.kind === 'org' && orgPanel === false ? true : await page
        .waitForFunction(
          (k) => (window as unknown as { __statboardBench?: ProbeData }).__statboardBench?.panels[k]?.settledAt !== undefined,
          v.kind,
          // 202 backoff 1 + 2 + 4 s for three computing answers; generous on a shared machine.
          { timeout: 30_000, polling: 200 },
        )
        .then(() => true, () => false);
      if (!ok) unsettled++;
      await quiet(bc.mock, 1000, 15_000);
    }
    await page.close();
    const orgRequests = [...new Set(bc.mock.requests.filter((q) => q.url.startsWith(`${API}/orgs/`)).map((q) => q.url.slice(API.length).replace(/\/orgs\/[^/]+/, '/orgs/{org}')))];
    return { views: SESSION.filter((v) => v.kind !== 'push').length, ...breakdown(bc.mock.requests), orgRequests, wallMs: Date.now() - t0, unsettledViews: unsettled };
  } finally {
    await bc.close();
  }
}

/**
 * The naive client. It talks to the mock through `mock.handle()` (the same request handling the
 * browser's routed requests get). 202 retries are every 2 s of a simulated clock: the mock's 202
 * sequences are counted in answers, not time, so sleeping for real would change nothing counted.
 * `ideal` turns it into the floor any client must pay in this session: every endpoint once per
 * repository version (again after the push), every org report once, the same 202 polls.
 */
export async function naiveSession(orgPaths: string[], opts: { ideal?: boolean; orgViews?: boolean } = {}): Promise<SessionResult> {
  const t0 = Date.now();
  const mock = new MockGitHub();
  economyScenario(mock);
  const headers = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28', authorization: `Bearer ${DEMO_TOKENS.admin}` };
  const now = new Date();
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const window = `min_timestamp=${iso(new Date(now.getTime() - 30 * 86_400_000))}&max_timestamp=${iso(now)}`;
  // Without Statboard's org requests to mirror, the three org-level reports a panel shows first.
  const org = orgPaths.length > 0 ? orgPaths : [`/orgs/{org}/insights/api/summary-stats?${window}`, `/orgs/{org}/insights/api/time-stats?${window}&timestamp_increment=1h`, `/orgs/{org}/insights/api/subject-stats?${window}&per_page=100`];
  const done = new Set<string>();
  const versions = new Map<string, number>();
  const get = async (path: string, version = 0) => {
    if (opts.ideal) {
      if (done.has(`${path}@${version}`)) return;
      done.add(`${path}@${version}`);
    }
    for (let attempt = 0; attempt < 30; attempt++) {
      const a = await mock.handle({ method: 'GET', url: API + path, headers });
      if (a.status !== 202) return;
      // (simulated) sleep 2 s, then ask again
    }
  };
  for (const v of SESSION) {
    if (v.kind === 'push') {
      mock.push(v.owner, v.repo);
      versions.set(`${v.owner}/${v.repo}`, (versions.get(`${v.owner}/${v.repo}`) ?? 0) + 1);
    } else if (v.kind === 'repo') {
      for (const s of STATS) await get(`/repos/${v.owner}/${v.repo}/stats/${s}`, versions.get(`${v.owner}/${v.repo}`) ?? 0);
    } else if (opts.orgViews !== false) {
      for (const p of org) await get(p.replace('{org}', v.org));
    }
  }
  return { views: SESSION.filter((v) => v.kind !== 'push').length, ...breakdown(mock.requests), orgRequests: opts.orgViews === false ? [] : org, wallMs: Date.now() - t0, unsettledViews: 0 };
}

export async function economy(extDir: string, repoPanel: boolean, orgPanel: boolean | undefined): Promise<Figure[]> {
  const target = { stat: 'value' as const, max: 0.2, text: '<= 0.2x naive' };
  const label = 'API requests counted against the limit, Statboard / naive (20 views)';
  if (!repoPanel) return [notMeasured('economy.ratio', 'API economy', label, 'x', 'the repo panel does not render, so Statboard makes no requests to compare', target)];
  const sb = await statboardSession(extDir, orgPanel);
  log(`economy: Statboard session ${sb.counted} counted requests in ${(sb.wallMs / 1000).toFixed(0)} s`);
  // Like for like: when Statboard has no org panel (so made no org requests), org views are left
  // out of the naive count too.
  const orgViews = orgPanel !== false || sb.orgRequests.length > 0;
  const naive = await naiveSession(sb.orgRequests, { orgViews });
  const ideal = await naiveSession(sb.orgRequests, { orgViews, ideal: true });
  log(`economy: naive ${naive.counted}, ideal floor ${ideal.counted} counted requests`);
  const ratio = naive.counted > 0 ? sb.counted / naive.counted : NaN;
  return [
    figure({
      id: 'economy.ratio', group: 'API economy', label, unit: 'x', samples: [ratio], target,
      note: `one session each (deterministic scenario); Statboard starts with an empty cache and default settings (10 min freshness)${orgViews ? '' : '; org views NOT compared (no org panel yet), repo views only'}; the floor (every endpoint once per repo version, same 202 polls) is ${ideal.counted} requests = ${(ideal.counted / naive.counted).toFixed(3)}x naive`,
      detail: { statboard: sb, naive, idealFloor: ideal, floorRatio: ideal.counted / naive.counted, orgViewsCompared: orgViews },
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// economy.anonymousHour (issue 17): what a token-less user gets from GitHub's 60 requests an hour.

export const ANONYMOUS_HOUR_REPOS = 20;
export const ANONYMOUS_LIMIT = 60;

/** What one visit showed once its first viewport settled (read in the page). */
export interface FirstViewport {
  repo: string;
  /** the headline is filled (numbers, or "Not loaded yet" for inputs below the fold) and the first chart drawn */
  ready: boolean;
  /** the limit notice with its reset time and the token action */
  limitSentence: boolean;
  resetTimeShown: boolean;
  tokenAction: boolean;
  sections: Record<string, string>;
  headline: Record<string, string>;
  settled: boolean;
}

/** Reads the panel's first viewport: Playwright serializes it into the page (self-contained). */
function readFirstViewport(terminal: string[]): Omit<FirstViewport, 'repo' | 'settled'> & { settledNow: boolean } {
  const host = document.querySelector('[data-statboard-host]');
  const root = host?.shadowRoot?.querySelector('[data-statboard="repo"]');
  const sections: Record<string, string> = {};
  let seenSettled = !!root;
  let anySeen = false;
  root?.querySelectorAll('[data-section]').forEach((el) => {
    const id = el.getAttribute('data-section') ?? '?';
    const deferred = el.getAttribute('data-deferred') === 'true';
    const state = el.getAttribute('data-state') ?? '?';
    sections[id] = deferred ? `${state} (not loaded yet)` : state;
    if (deferred) return;
    anySeen = true;
    if (!terminal.includes(state)) seenSettled = false;
  });
  const headline: Record<string, string> = {};
  let headlineFilled = !!root;
  root?.querySelectorAll('[data-stat]').forEach((el) => {
    const pending = el.getAttribute('data-pending');
    headline[el.getAttribute('data-stat') ?? '?'] = pending ? `(${pending})` : (el.querySelector('dd')?.firstChild?.textContent ?? '');
    // Filled: a number, or an honest "not loaded yet" for an input below the fold.
    if (pending && pending !== 'deferred') headlineFilled = false;
  });
  // A chart is an image with its sentence: a Chart.js canvas or the kit's DOM columns.
  const first = root?.querySelector('[data-section]');
  const chartDrawn = !!first && first.getAttribute('data-state') === 'ready' && first.querySelector('[role="img"][data-chart="drawn"]') !== null;
  const notice = root?.querySelector('[data-budget]');
  const noticeText = notice?.textContent ?? '';
  return {
    ready: headlineFilled && chartDrawn,
    limitSentence: !!notice,
    resetTimeShown: /come back at \d\d:\d\d/.test(noticeText),
    tokenAction: !!notice?.querySelector('[data-action="add-token"]'),
    sections,
    headline,
    settledNow: anySeen && seenSettled,
  };
}

/**
 * A token-less session: 20 different repositories opened in turn, each left until its first
 * viewport settles (every section Statboard asked for is in a final state) and 1 s of quiet.
 * The mock allows 60 counted requests an hour (enforced: 403 past it) and answers 202 once for
 * contributors, commit_activity and code_frequency before 200. Figure: how many of the 20 show
 * their first viewport (headline and first chart) ready.
 */
export async function anonymousHour(extDir: string): Promise<Figure[]> {
  const label = `repositories of ${ANONYMOUS_HOUR_REPOS} whose first viewport is ready, no token, ${ANONYMOUS_LIMIT} requests an hour`;
  const target = { stat: 'value' as const, min: 12, text: '>= 12 of 20' };
  const repos = Array.from({ length: ANONYMOUS_HOUR_REPOS }, (_, i) => `town-${String(i + 1).padStart(2, '0')}`);
  const t0 = Date.now();
  const bc = await launch('with', extDir, { anonymousLimit: ANONYMOUS_LIMIT }, (mock) => {
    for (const name of repos) mock.addRepo({ owner: 'acme', name, weeks: 104, computeAttempts: 1 });
    mock.setRateLimit(null, { limit: ANONYMOUS_LIMIT, remaining: ANONYMOUS_LIMIT, enforce: true });
  }, { token: false });
  await bc.context.addInitScript({ content: FIRST_VIEWPORT_READER });
  const visits: FirstViewport[] = [];
  try {
    const page = await bc.context.newPage();
    for (const repo of repos) {
      await page.goto(`https://github.com/acme/${repo}`, { waitUntil: 'load' });
      const settled = await page
        .waitForFunction((terminal) => {
          const read = (window as unknown as { __readFirstViewport?: (t: string[]) => { settledNow: boolean } }).__readFirstViewport;
          return read ? read(terminal).settledNow : false;
        }, TERMINAL_STATES, { timeout: 45_000, polling: 200 })
        .then(() => true, () => false);
      await quiet(bc.mock, 1000, 20_000);
      const seen = await page.evaluate((terminal) => (window as unknown as { __readFirstViewport: (t: string[]) => Omit<FirstViewport, 'repo' | 'settled'> & { settledNow: boolean } }).__readFirstViewport(terminal), TERMINAL_STATES);
      const { settledNow: _s, ...rest } = seen;
      visits.push({ repo, settled, ...rest });
      log(`anonymousHour: ${repo} ${rest.ready ? 'ready' : rest.limitSentence ? 'limit sentence' : 'NOT ready'} (${bc.mock.counted().length} counted so far)`);
    }
    await page.close();
  } finally {
    await bc.close();
  }
  const ready = visits.filter((v) => v.ready).length;
  const rest = visits.filter((v) => !v.ready);
  const restExplained = rest.filter((v) => v.limitSentence && v.resetTimeShown && v.tokenAction).length;
  const counted = bc.mock.counted();
  const byStatus: Record<string, number> = {};
  for (const q of counted) byStatus[q.status] = (byStatus[q.status] ?? 0) + 1;
  return [
    figure({
      id: 'economy.anonymousHour', group: 'API economy', label, unit: 'repos', samples: [ready], target,
      note: `one session (deterministic scenario), ${counted.length} counted requests (${JSON.stringify(byStatus)}); of the ${rest.length} not ready, ${restExplained} show the limit sentence with the reset time and the token action`,
      detail: { visits, countedRequests: counted.length, byStatus, restExplained, wallMs: Date.now() - t0, viewport: '1280x900' },
    }),
  ];
}

const TERMINAL_STATES = ['ready', 'empty', 'too-large', 'no-access', 'rate-limited', 'error'];

/** Installs the reader in every page of a context (as source text, see browser.ts on `__name`). */
export const FIRST_VIEWPORT_READER = `var __name = (f) => f; window.__readFirstViewport = ${readFirstViewport.toString()};`;

// ---------------------------------------------------------------------------------------------
// economy.coldRepo and economy.revisitAfterExpiry (issue 14): what one cold repository visit
// costs, and what revisiting unchanged repositories costs once their freshness window is over.

export const REVISIT_REPOS = 5;

/** Requests the mock answered since `from` that GitHub counts (mock.counted: not 304, not /rate_limit). */
function countedSince(mock: MockGitHub, from: number): MockRequest[] {
  return mock.requests.slice(from).filter((q) => q.url.startsWith(API) && q.counted);
}

const pathsOf = (requests: MockRequest[]) => requests.map((q) => `${q.status} ${q.path}`);

/**
 * A fresh profile with a token (as the other "with" contexts), 5 repositories GitHub has already
 * computed (no 202s). Each is visited once, cold, and left until every section is ready and 1 s
 * of quiet: the counted requests of that visit are one sample of `economy.coldRepo`. Then the
 * worker's clock is moved past the freshness window (the `freshnessMinutes` preference, default
 * 10, plus a minute) and the 5 are visited again, unchanged: the counted requests of the 5
 * revisits together are `economy.revisitAfterExpiry`.
 */
export async function requestCounts(extDir: string): Promise<Figure[]> {
  const coldLabel = 'counted requests, one cold repository visit (no 202s)';
  const revisitLabel = `counted requests, revisiting ${REVISIT_REPOS} unchanged repositories after the freshness window`;
  const coldTarget = { stat: 'max' as const, max: 5, text: '<= 5 (every visit)' };
  const revisitTarget = { stat: 'value' as const, max: 0, text: '0' };
  const repos = Array.from({ length: REVISIT_REPOS }, (_, i) => `tally-${i + 1}`);
  const bc = await launch('with', extDir, {}, (mock) => {
    for (const name of repos) {
      mock.addRepo({ owner: 'acme', name, weeks: 104, computeAttempts: 0 });
      mock.repo(`acme/${name}`);
    }
  });
  const worker = bc.worker!;
  const coldSamples: number[] = [];
  const coldRequests: Record<string, string[]> = {};
  const revisitRequests: Record<string, { counted: string[]; all: string[] }> = {};
  let unsettled = 0;
  let revisitCounted = 0;
  let revisitAll = 0;
  let clockKept = false;
  let shiftMinutes = 0;
  try {
    const page = await bc.context.newPage();
    const view = async (repo: string) => {
      const from = bc.mock.requests.length;
      await page.goto(`https://github.com/acme/${repo}`, { waitUntil: 'load' });
      const ok = await page
        .waitForFunction(() => (window as unknown as { __statboardBench?: ProbeData }).__statboardBench?.panels.repo?.settledAt !== undefined, undefined, { timeout: 30_000, polling: 100 })
        .then(() => true, () => false);
      if (!ok) unsettled++;
      await quiet(bc.mock, 1000, 15_000);
      return { counted: countedSince(bc.mock, from), all: bc.mock.requests.slice(from).filter((q) => q.url.startsWith(API)) };
    };
    for (const repo of repos) {
      const { counted } = await view(repo);
      coldSamples.push(counted.length);
      coldRequests[repo] = pathsOf(counted);
    }
    // Time passes in the worker only (the engine reads Date.now at each decision): the freshness
    // window of every entry above is over, nothing on GitHub changed.
    const freshness = await worker.evaluate(async () => {
      const g = globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, { freshnessMinutes?: number } | undefined>> } } } };
      return (await g.chrome.storage.sync.get('preferences')).preferences?.freshnessMinutes ?? 10;
    });
    shiftMinutes = freshness + 1;
    await worker.evaluate((ms) => {
      const g = globalThis as unknown as { __statboardBenchShift?: number };
      const real = Date.now.bind(Date);
      g.__statboardBenchShift = ms;
      Date.now = () => real() + ms;
    }, shiftMinutes * 60_000);
    for (const repo of repos) {
      const { counted, all } = await view(repo);
      revisitCounted += counted.length;
      revisitAll += all.length;
      revisitRequests[repo] = { counted: pathsOf(counted), all: pathsOf(all) };
    }
    // A worker that restarted in between lost the moved clock: its revisits were within the window.
    clockKept = (await worker.evaluate(() => (globalThis as unknown as { __statboardBenchShift?: number }).__statboardBenchShift).catch(() => undefined)) === shiftMinutes * 60_000;
    await page.close();
  } finally {
    await bc.close();
  }
  log(`economy.coldRepo: ${coldSamples.join(', ')} counted; economy.revisitAfterExpiry: ${revisitCounted} counted of ${revisitAll} requests`);
  if (unsettled >= REVISIT_REPOS) {
    // No panel settled on the cold visits: the counts would say nothing about a visit's cost.
    const why = `the repo panel did not settle on the cold visits (counted: ${coldSamples.join(', ')})`;
    return [notMeasured('economy.coldRepo', 'API economy', coldLabel, 'requests', why, coldTarget), notMeasured('economy.revisitAfterExpiry', 'API economy', revisitLabel, 'requests', why, revisitTarget)];
  }
  const figures: Figure[] = [
    figure({
      id: 'economy.coldRepo', group: 'API economy', label: coldLabel, unit: 'requests', samples: coldSamples, target: coldTarget,
      note: `${REVISIT_REPOS} cold visits (one sample each; fresh profile, token stored, mock answers 200 at once); counted as GitHub counts: not a 304, not /rate_limit`,
      detail: { requests: coldRequests, unsettledViews: unsettled },
    }),
  ];
  if (!clockKept) {
    figures.push(notMeasured('economy.revisitAfterExpiry', 'API economy', revisitLabel, 'requests', 'the worker restarted before the revisits ended (its moved clock was lost)', revisitTarget));
  } else if (revisitAll === 0) {
    figures.push(notMeasured('economy.revisitAfterExpiry', 'API economy', revisitLabel, 'requests', 'no request at all on the revisits: the freshness window did not seem over', revisitTarget));
  } else {
    figures.push(
      figure({
        id: 'economy.revisitAfterExpiry', group: 'API economy', label: revisitLabel, unit: 'requests', samples: [revisitCounted], target: revisitTarget,
        note: `the ${REVISIT_REPOS} repositories above revisited with the worker's clock moved ${shiftMinutes} min on (freshness window + 1 min), nothing changed on the mock; ${revisitAll} requests were made, ${revisitAll - revisitCounted} of them not counted (304)`,
        detail: { requests: revisitRequests, shiftMinutes, unsettledViews: unsettled },
      }),
    );
  }
  return figures;
}
