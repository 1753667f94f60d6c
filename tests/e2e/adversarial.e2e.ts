/**
 * Hostile inputs end to end (issue 12): status codes per endpoint, malformed, oversized and
 * schema-violating bodies, hostile strings in every rendered field, absurd headers, redirects to
 * a foreign origin, and an IndexedDB that cannot open. For every input: a defined state with a
 * sentence (data-state + visible text), no uncaught error in any console (pages and the
 * extension worker), no good cached answer replaced, no token in the page.
 *
 * Fast by design: one browser per group (not per test), five inputs per page visit (one per
 * repository section, the sections load in parallel), cases listed in tables.
 */
import { test, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_TOKENS, MockGitHub, type ScriptedAnswer } from '../mock-github';
import { contentScriptWorld, READ_EVERYTHING } from './contentWorld';
import { extensionWorker, launchWithExtension, panel, READY, sendCommand } from './fixtures';

const ENDPOINTS = ['commit_activity', 'code_frequency', 'contributors', 'participation', 'punch_card'] as const;
type Endpoint = (typeof ENDPOINTS)[number];
const SECTION: Record<Endpoint, string> = {
  commit_activity: 'commit-activity',
  code_frequency: 'code-frequency',
  contributors: 'contributors',
  participation: 'participation',
  punch_card: 'punch-card',
};

const EVIL = 'https://evil.example';
const HOSTILE = '<img src=x onerror="window.__statboardPwned=1">';
const HOSTILE_2 = '"><script>window.__statboardPwned=2</script>';
const days = (n: number) => [n, n, n, n, n, n, n];
const weekAgo = Math.floor(Date.now() / 1000 / 604800) * 604800 - 604800;

/** One hostile input: what one endpoint answers, and what its section must then show. */
interface Case {
  name: string;
  endpoint: Endpoint;
  answers: ScriptedAnswer[];
  /** the section's allowed data-state values (cold cache) */
  states: string[];
  /** the sentence the section must show */
  sentence: RegExp;
  /** false: only meaningful without cached data (a 304 over cached data is a good answer) */
  warm?: false;
}

const repeat = (n: number, answer: ScriptedAnswer) => Array.from({ length: n }, () => ({ ...answer }));
const raw = (body: string, extra: Partial<ScriptedAnswer> = {}): ScriptedAnswer => ({ status: 200, body, raw: true, ...extra });

const NOT_UNDERSTOOD = /does not understand/;
const REFUSED = (status: number) => new RegExp(`GitHub refused the request for .+ \\(HTTP ${status}\\)`);
const SERVER = /GitHub had a problem answering for .+ \(HTTP 5\d\d\)\. Try again in a moment\./;
const NO_ACCESS = /token|private|options/i;
const TOO_BIG = /too large: Statboard reads answers up to 10 MB/;
const REDIRECT = /redirect to another address; Statboard did not use that answer/;
const OFFLINE = /Could not reach GitHub\. Check your connection and try again\./;

/** Inputs that end in a failure state: each must leave good cached data in place. */
const BAD_ANSWERS: Case[] = [
  // status codes
  { name: '400', endpoint: 'commit_activity', answers: [{ status: 400 }], states: ['error'], sentence: REFUSED(400) },
  { name: '409', endpoint: 'code_frequency', answers: [{ status: 409 }], states: ['error'], sentence: REFUSED(409) },
  { name: '410', endpoint: 'contributors', answers: [{ status: 410 }], states: ['error'], sentence: REFUSED(410) },
  { name: '418', endpoint: 'participation', answers: [{ status: 418 }], states: ['error'], sentence: REFUSED(418) },
  { name: '451', endpoint: 'punch_card', answers: [{ status: 451 }], states: ['error'], sentence: REFUSED(451) },
  { name: '422 on commit activity', endpoint: 'commit_activity', answers: [{ status: 422 }], states: ['error'], sentence: REFUSED(422) },
  { name: '401 without a token', endpoint: 'code_frequency', answers: [{ status: 401 }], states: ['no-access'], sentence: NO_ACCESS },
  { name: '404', endpoint: 'contributors', answers: [{ status: 404 }], states: ['no-access'], sentence: NO_ACCESS },
  { name: '403 without rate-limit signs', endpoint: 'participation', answers: [{ status: 403, body: { message: 'Forbidden' } }], states: ['no-access'], sentence: NO_ACCESS },
  { name: '304 with nothing cached', endpoint: 'punch_card', answers: [{ status: 304 }], states: ['error'], sentence: NOT_UNDERSTOOD, warm: false },
  // malformed bodies
  { name: 'not JSON', endpoint: 'commit_activity', answers: [raw('not json{')], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'empty body', endpoint: 'code_frequency', answers: [raw('')], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'JSON null', endpoint: 'contributors', answers: [raw('null')], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'an HTML page', endpoint: 'participation', answers: [raw('<html><body><h1>Unicorn!</h1></body></html>', { headers: { 'content-type': 'text/html' } })], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'JSON nested 100,000 deep', endpoint: 'punch_card', answers: [raw('['.repeat(100_000) + ']'.repeat(100_000))], states: ['error'], sentence: NOT_UNDERSTOOD },
  // schema-violating bodies
  { name: 'an object for a list', endpoint: 'commit_activity', answers: [{ status: 200, body: { weeks: [] } }], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'a week of 1e13 (RangeError before)', endpoint: 'commit_activity', answers: [{ status: 200, body: [{ week: 1e13, total: 7, days: days(1) }] }], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'eight days in a week', endpoint: 'commit_activity', answers: [{ status: 200, body: [{ week: weekAgo, total: 8, days: [1, 1, 1, 1, 1, 1, 1, 1] }] }], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'a week as a string NaN', endpoint: 'code_frequency', answers: [{ status: 200, body: [['NaN', 1, -1]] }], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'a code-frequency week of -1e15', endpoint: 'code_frequency', answers: [{ status: 200, body: [[-1e15, 1, -1]] }], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'contributor weeks as "1e13"', endpoint: 'contributors', answers: [{ status: 200, body: [{ author: null, total: 1, weeks: [{ w: '10000000000000', a: 0, d: 0, c: 1 }] }] }], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'negative commit counts', endpoint: 'contributors', answers: [{ status: 200, body: [{ author: null, total: -4, weeks: [{ w: weekAgo, a: 0, d: 0, c: -4 }] }] }], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'participation of strings', endpoint: 'participation', answers: [{ status: 200, body: { all: ['1', '2'], owner: [] } }], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'punch card hour 24', endpoint: 'punch_card', answers: [{ status: 200, body: [[0, 24, 3]] }], states: ['error'], sentence: NOT_UNDERSTOOD },
  { name: 'punch card day -1', endpoint: 'punch_card', answers: [{ status: 200, body: [[-1, 3, 3]] }], states: ['error'], sentence: NOT_UNDERSTOOD },
  // oversized, redirected
  { name: 'an 11 MB answer', endpoint: 'punch_card', answers: [raw('[' + '[0,1,2],'.repeat(1_450_000) + '[0,1,2]]')], states: ['error'], sentence: TOO_BIG },
  { name: 'content-length of 10^11', endpoint: 'participation', answers: [{ status: 200, body: { all: [1], owner: [0] }, headers: { 'content-length': '100000000000' } }], states: ['error'], sentence: new RegExp(`${TOO_BIG.source}|${OFFLINE.source}`) },
  { name: 'a 200 with a location header', endpoint: 'contributors', answers: [raw('{"message":"moved"}', { headers: { location: `${EVIL}/contributors` } })], states: ['error'], sentence: NOT_UNDERSTOOD },
  // server and network failures (retried, then said)
  { name: '500 four times', endpoint: 'commit_activity', answers: repeat(4, { status: 500 }), states: ['error'], sentence: SERVER },
  { name: '503 four times', endpoint: 'code_frequency', answers: repeat(4, { status: 503 }), states: ['error'], sentence: SERVER },
  { name: 'connection reset three times', endpoint: 'contributors', answers: repeat(3, { networkError: true }), states: ['error'], sentence: OFFLINE },
];

/** Odd but acceptable answers: the section shows data or a defined empty state. */
const ODD_ANSWERS: Case[] = [
  { name: '204 on participation', endpoint: 'participation', answers: [{ status: 204 }], states: ['empty'], sentence: /no commits/i },
  { name: 'counts of 1e15', endpoint: 'commit_activity', answers: [{ status: 200, body: [{ week: weekAgo, total: 7e15, days: days(1e15) }] }], states: ['ready'], sentence: /commit/i },
  { name: 'retry-after -1 and x-ratelimit-limit NaN on a 200', endpoint: 'punch_card', answers: [{ status: 200, body: [[1, 2, 3]], headers: { 'retry-after': '-1', 'x-ratelimit-limit': 'NaN', 'x-ratelimit-remaining': 'lots' } }], states: ['ready'], sentence: /.+/ },
  { name: 'a 20 KB etag', endpoint: 'code_frequency', answers: [{ status: 200, body: [[weekAgo, 3, -1]], headers: { etag: `W/"${'e'.repeat(20_000)}"` } }], states: ['ready'], sentence: /.+/ },
  {
    name: `logins ${HOSTILE} and ${HOSTILE_2}`,
    endpoint: 'contributors',
    answers: [
      {
        status: 200,
        body: [
          { author: { login: HOSTILE, id: 1, type: 'User' }, total: 9, weeks: [{ w: weekAgo, a: 1, d: 1, c: 9 }] },
          { author: { login: HOSTILE_2, id: 2, type: 'User' }, total: 8, weeks: [{ w: weekAgo, a: 1, d: 1, c: 8 }] },
          { author: { login: 'ab\u202Ecd\u200B' + 'x'.repeat(5000), id: 3, type: 'User' }, total: 7, weeks: [{ w: weekAgo, a: 1, d: 1, c: 7 }] },
        ],
      },
    ],
    states: ['ready'],
    sentence: /<img src=x onerror=/,
  },
];

/** Rate-limit answers with absurd headers: each blocks the API base, so each gets a visit of its own. */
const LIMITS: Case[] = [
  { name: '403 retry-after 1e20', endpoint: 'punch_card', answers: [{ status: 403, body: { message: 'You have exceeded a secondary rate limit' }, headers: { 'retry-after': '1e20' } }], states: ['rate-limited'], sentence: /rate limit is reached/ },
  { name: '429 retry-after 3000000', endpoint: 'commit_activity', answers: [{ status: 429, headers: { 'retry-after': '3000000' } }], states: ['rate-limited'], sentence: /rate limit is reached/ },
  { name: '403 remaining 0, reset 1e20', endpoint: 'contributors', answers: [{ status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1e20' } }], states: ['rate-limited'], sentence: /rate limit is reached/ },
  { name: '429 remaining 0, reset NaN', endpoint: 'participation', answers: [{ status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': 'NaN' } }], states: ['rate-limited'], sentence: /rate limit is reached/ },
];

// ---------------------------------------------------------------------------------------------
// One browser per group

interface Group {
  context: BrowserContext;
  mock: MockGitHub;
  page: Page;
  worker: Worker;
  extensionId: string;
  /** console errors and uncaught errors seen anywhere since the last `takeErrors()` */
  takeErrors(): Promise<string[]>;
  close(): Promise<void>;
}

/** Console noise that is not an error of ours: the browser reporting a failed or refused request. */
const NETWORK_NOISE = /Failed to load resource|net::ERR_|status of \d{3}/;

async function openGroup(launch: () => Promise<{ context: BrowserContext; userDataDir: string }> = launchWithExtension): Promise<Group> {
  const mock = new MockGitHub();
  const { context, userDataDir } = await launch();
  await mock.attach(context);
  const errors: string[] = [];
  const record = (where: string) => (message: { type(): string; text(): string }) => {
    if (message.type() === 'error' && !NETWORK_NOISE.test(message.text())) errors.push(`${where}: ${message.text()}`);
  };
  context.on('console', record('page'));
  context.on('weberror', (e) => errors.push(`page uncaught: ${String(e.error())}`));
  const worker = await extensionWorker(context);
  worker.on('console', record('worker'));
  const watchWorker = () =>
    worker.evaluate(() => {
      const g = globalThis as unknown as { __sbErrors?: string[] };
      if (g.__sbErrors) return;
      g.__sbErrors = [];
      self.addEventListener('error', (e) => g.__sbErrors!.push(`uncaught: ${String((e as ErrorEvent).message)}`));
      self.addEventListener('unhandledrejection', (e) => g.__sbErrors!.push(`unhandled rejection: ${String((e as PromiseRejectionEvent).reason)}`));
    });
  await watchWorker();
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    mock,
    page,
    worker,
    extensionId: new URL(worker.url()).host,
    async takeErrors() {
      const inWorker = await worker.evaluate(() => (globalThis as unknown as { __sbErrors?: string[] }).__sbErrors?.splice(0) ?? []);
      await watchWorker();
      return [...errors.splice(0), ...inWorker.map((e) => `worker ${e}`)];
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

async function extensionPage(g: Group, path: string): Promise<Page> {
  const tab = await g.context.newPage();
  await tab.goto(`chrome-extension://${g.extensionId}/${path}`);
  return tab;
}

/** The background forgets budgets and blocks when the identity changes: a clean start for the next visit. */
async function forgetRateLimits(g: Group): Promise<void> {
  const tab = await extensionPage(g, 'options.html');
  await sendCommand(tab, { type: 'token.remove', host: 'github.com' });
  await tab.close();
}

/** The cached data of every stats entry of a repository, read from the worker's IndexedDB. */
function cachedStats(g: Group, fullName: string): Promise<Record<string, string>> {
  return g.worker.evaluate(async (repo) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('statboard');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<{ key: string; data: unknown }[]>((resolve, reject) => {
      const req = db.transaction('entries').objectStore('entries').getAll();
      req.onsuccess = () => resolve(req.result as { key: string; data: unknown }[]);
      req.onerror = () => reject(req.error);
    });
    db.close();
    const out: Record<string, string> = {};
    for (const e of all) {
      const m = new RegExp(`/repos/${repo}/stats/(\\w+)#`).exec(e.key);
      if (m) out[m[1]!] = JSON.stringify(e.data);
    }
    return out;
  }, fullName);
}

/** What every visit must hold besides the per-section states. */
async function expectNothingLeaked(g: Group, page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __statboardPwned?: number }).__statboardPwned)).toBeUndefined();
  const root = panel(page, 'repo').root;
  if (await root.count()) {
    await expect(root.locator('img[src="x"], script')).toHaveCount(0);
  }
  const html = await page.evaluate(() => {
    const parts = [document.documentElement.outerHTML];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) parts.push(el.shadowRoot.innerHTML);
    return parts.join('\n');
  });
  for (const token of Object.values(DEMO_TOKENS)) expect(html).not.toContain(token);
  // Nor in any storage the content scripts' world can read (a compromised one included).
  if (new URL(page.url()).hostname === 'github.com') {
    const world = await contentScriptWorld(page, g.extensionId);
    const readable = await world.evaluate<string>(READ_EVERYTHING);
    await world.detach();
    for (const token of Object.values(DEMO_TOKENS)) expect(readable).not.toContain(token);
  }
  expect(await g.takeErrors()).toEqual([]);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (const item of items) {
    const open = out.find((c) => c.length < size && !c.some((o) => (o as Case).endpoint === (item as Case).endpoint));
    if (open) open.push(item);
    else out.push([item]);
  }
  return out;
}

/** Five inputs, one per section, on one cold repository visit. */
async function coldVisit(g: Group, cases: Case[], index: number): Promise<void> {
  const name = `hostile-${index}`;
  g.mock.addRepo({ owner: 'acme', name });
  for (const c of cases) g.mock.script('GET', `/repos/acme/${name}/stats/${c.endpoint}`, c.answers);
  await g.page.goto(`https://github.com/acme/${name}`);
  const p = panel(g.page, 'repo');
  for (const c of cases) {
    const section = p.section(SECTION[c.endpoint]);
    await test.step(c.name, async () => {
      await expect(section, c.name).toHaveAttribute('data-state', new RegExp(`^(${c.states.join('|')})$`), READY);
      await expect(section, c.name).toContainText(c.sentence);
    });
  }
  await expectNothingLeaked(g, g.page);
}

test.describe('hostile answers on a cold cache', () => {
  test.describe.configure({ mode: 'serial' });
  let g: Group;
  test.beforeAll(async () => {
    g = await openGroup();
  });
  test.afterAll(async () => g?.close());

  const visits = chunks([...BAD_ANSWERS, ...ODD_ANSWERS], 5);
  visits.forEach((cases, i) => {
    test(`visit ${i + 1}: ${cases.map((c) => c.name).join(' · ')}`, async () => {
      await coldVisit(g, cases, i);
    });
  });

  for (const c of LIMITS) {
    test(`rate limit: ${c.name} waits at most an hour and does not spin`, async () => {
      await forgetRateLimits(g);
      const name = `limit-${LIMITS.indexOf(c)}`;
      g.mock.addRepo({ owner: 'acme', name });
      g.mock.script('GET', `/repos/acme/${name}/stats/${c.endpoint}`, c.answers);
      await g.page.goto(`https://github.com/acme/${name}`);
      const section = panel(g.page, 'repo').section(SECTION[c.endpoint]);
      await expect(section).toHaveAttribute('data-state', 'rate-limited', READY);
      await expect(section).toContainText(c.sentence);
      // "ask again at hh:mm, in N min": never more than an hour away, never "Invalid Date".
      const text = (await section.textContent()) ?? '';
      expect(text).not.toMatch(/Invalid|NaN/);
      const minutes = /in (\d+) min/.exec(text)?.[1];
      if (minutes) expect(Number(minutes)).toBeLessThanOrEqual(60);
      // No spin: the endpoint is not asked again while the wait runs.
      const asked = g.mock.count(`/repos/acme/${name}/stats/${c.endpoint}`);
      await g.page.waitForTimeout(1500);
      expect(g.mock.count(`/repos/acme/${name}/stats/${c.endpoint}`)).toBe(asked);
      await expectNothingLeaked(g, g.page);
    });
  }

  test('token check: a 403 with x-ratelimit-reset 1e20 ends the check with a sentence, not "checking" forever', async () => {
    await forgetRateLimits(g);
    g.mock.script('GET', '/user', [{ status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1e20' } }]);
    const options = await extensionPage(g, 'options.html');
    const form = options.locator('[data-statboard="options"] form').first();
    await form.locator('input[name="token"]').fill(DEMO_TOKENS.classic);
    await form.locator('button[type="submit"]').click();
    const status = options.locator('[data-token-status]').first();
    await expect(status).not.toHaveAttribute('data-token-status', 'checking', READY);
    await expect(status).toContainText(/rate limit is used up( until \d\d:\d\d UTC)?; the token is saved/);
    await expect(status).not.toContainText(/Invalid|NaN/);
    expect(await g.takeErrors()).toEqual([]);
    await sendCommand(options, { type: 'token.remove', host: 'github.com' });
    await options.close();
  });
});

test.describe('hostile answers over good cached data', () => {
  test.describe.configure({ mode: 'serial' });
  let g: Group;
  test.beforeAll(async () => {
    g = await openGroup();
    // Every visit revalidates (freshness 0), so a push makes the stats be asked again.
    const tab = await extensionPage(g, 'options.html');
    await tab.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { sync: { get(k: string): Promise<Record<string, unknown>>; set(v: unknown): Promise<void> } } } }).chrome;
      const { preferences } = await c.storage.sync.get('preferences');
      await c.storage.sync.set({ preferences: { ...(preferences as object), freshnessMinutes: 0 } });
    });
    await tab.close();
  });
  test.afterAll(async () => g?.close());

  const visits = chunks(BAD_ANSWERS.filter((c) => c.warm !== false), 5);
  visits.forEach((cases, i) => {
    test(`visit ${i + 1}: ${cases.map((c) => c.name).join(' · ')} keep the saved data`, async () => {
      const p = panel(g.page, 'repo');
      if (i === 0) {
        await g.page.goto('https://github.com/acme/rocket');
        for (const s of Object.values(SECTION)) await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
      }
      const before = await cachedStats(g, 'acme/rocket');
      expect(Object.keys(before).sort()).toEqual([...ENDPOINTS].sort());
      // The default branch moves: the stats are asked again, and these answers come back.
      g.mock.push('acme', 'rocket');
      for (const c of cases) g.mock.script('GET', `/repos/acme/rocket/stats/${c.endpoint}`, c.answers);
      await g.page.goto('https://github.com/acme/rocket');
      for (const c of cases) {
        await test.step(c.name, async () => {
          const section = p.section(SECTION[c.endpoint]);
          const note = section.locator('.sb-note');
          await expect(note, c.name).toContainText(c.states[0] === 'no-access' ? NO_ACCESS : c.sentence, READY);
          await expect(section, c.name).toHaveAttribute('data-state', 'ready');
          await expect(note).toContainText(/showing saved data/i);
          await expect(section.locator('table').first()).toBeAttached();
        });
      }
      const after = await cachedStats(g, 'acme/rocket');
      for (const c of cases) expect(after[c.endpoint], `${c.name}: the cached answer is unchanged`).toBe(before[c.endpoint]);
      await expectNothingLeaked(g, g.page);
    });
  });
});

test.describe('hostile org names, an IndexedDB that cannot open', () => {
  test.describe.configure({ mode: 'serial' });
  let g: Group;
  test.beforeAll(async () => {
    g = await openGroup();
  });
  test.afterAll(async () => g?.close());

  test('hostile subject, app, actor and route names on the org panel are text', async () => {
    const tab = await extensionPage(g, 'options.html');
    expect(await sendCommand(tab, { type: 'token.set', host: 'github.com', token: DEMO_TOKENS.admin })).toMatchObject({ status: 'valid' });
    await tab.close();
    const times = { last_rate_limited_timestamp: null, last_request_timestamp: '2026-11-30T10:00:00Z' };
    const APP = `${HOSTILE} CI;=cmd|' /C calc'!A0`;
    g.mock.script('GET', /\/orgs\/acme\/insights\/api\/subject-stats/, [
      {
        status: 200,
        body: [
          { subject_type: 'user', subject_name: HOSTILE_2, subject_id: 424242, total_request_count: 900, rate_limited_request_count: 1, ...times },
          { subject_type: 'installation', subject_name: APP, subject_id: 434343, total_request_count: 800, rate_limited_request_count: 0, ...times },
        ],
      },
    ]);
    g.mock.script('GET', /\/orgs\/acme\/insights\/api\/user-stats\/424242/, [
      { status: 200, body: [{ actor_type: 'oauth_app', actor_name: HOSTILE, actor_id: 515151, integration_id: null, oauth_application_id: 9, total_request_count: 700, rate_limited_request_count: 0, ...times }] },
    ]);
    g.mock.script('GET', /\/orgs\/acme\/insights\/api\/route-stats\/oauth_app\/515151/, [
      { status: 200, body: [{ http_method: `GET${HOSTILE_2}`, api_route: `/repos/{owner}/${HOSTILE}`, total_request_count: 600, rate_limited_request_count: 0, ...times }] },
    ]);
    await g.page.goto('https://github.com/acme');
    const org = panel(g.page, 'org');
    await expect(org.section('subjects')).toHaveAttribute('data-state', 'ready', READY);
    await expect(org.section('subjects')).toContainText(APP);
    await org.section('subjects').getByRole('button', { name: HOSTILE_2, exact: true }).click();
    await expect(org.section('actors')).toHaveAttribute('data-state', 'ready', READY);
    await expect(org.section('actors')).toContainText(HOSTILE);
    await org.section('actors').locator('table').last().getByRole('button', { name: HOSTILE, exact: true }).click();
    await expect(org.section('routes')).toHaveAttribute('data-state', 'ready', READY);
    await expect(org.section('routes')).toContainText(`/repos/{owner}/${HOSTILE}`);
    await expect(org.root.locator('img[src="x"], script')).toHaveCount(0);
    await expectNothingLeaked(g, g.page);
  });

  test('a newer-version IndexedDB (a downgrade): panels still load from the network, the options say why once', async () => {
    const options = await extensionPage(g, 'options.html');
    // Takes the database to version 99 (the worker's connection lets go: it is "blocking").
    await options.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('statboard', 99);
          open.onsuccess = () => (open.result.close(), resolve());
          open.onerror = () => reject(open.error);
        }),
    );
    g.mock.addRepo({ owner: 'acme', name: 'nodb' });
    await g.page.goto('https://github.com/acme/nodb');
    const p = panel(g.page, 'repo');
    for (const s of Object.values(SECTION)) await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
    await options.reload();
    const problem = options.locator('[data-cache-problem]');
    await expect(problem).toHaveCount(1);
    await expect(problem).toContainText(/cannot open its saved answers in this browser profile.*fetch from GitHub on every visit/);
    expect(await g.takeErrors()).toEqual([]);
    await options.close();
  });
});

/**
 * Redirects need a real server: Playwright cannot answer a service worker's request with a
 * redirect (the fetch fails). A local HTTPS server stands in for both api.github.com (for the
 * redirecting paths only; the mock answers everything else) and a foreign origin willing to
 * answer cross-origin requests; Chromium resolves both names to it.
 */
test.describe('redirects to a foreign origin (real HTTPS server on 127.0.0.1)', () => {
  test.describe.configure({ mode: 'serial' });
  let g: Group;
  let server: Server;
  let dir: string;
  const foreignSeen: { path: string; authorization?: string }[] = [];

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'statboard-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=api.github.com',
      '-addext', 'subjectAltName=DNS:api.github.com,DNS:evil.example',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
      const host = (req.headers.host ?? '').split(':')[0];
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'GET' };
      if (host === 'evil.example') {
        if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
        foreignSeen.push({ path: req.url ?? '', authorization: req.headers.authorization });
        // Data that would pass as GitHub's contributors: accepting it would show "evil-data".
        const body = [{ author: { login: 'evil-data', id: 666, type: 'User' }, total: 666, weeks: [{ w: weekAgo, a: 6, d: 6, c: 666 }] }];
        return void res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(JSON.stringify(body));
      }
      if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
      res.writeHead(302, { location: `${EVIL}/stolen${req.url}`, ...cors }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    g = await openGroup(() =>
      launchWithExtension({ args: [`--host-resolver-rules=MAP api.github.com 127.0.0.1:${port}, MAP evil.example 127.0.0.1:${port}`, '--ignore-certificate-errors'] }),
    );
    // Only the contributors of acme/moved go to the real server; the mock answers the rest.
    await g.context.route(/\/repos\/acme\/moved-\d\/stats\/contributors/, (route) => route.continue());
  });
  test.afterAll(async () => {
    await g?.close();
    server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('without a token the redirect is followed, and the foreign answer is discarded', async () => {
    g.mock.addRepo({ owner: 'acme', name: 'moved-1' });
    await g.page.goto('https://github.com/acme/moved-1');
    const p = panel(g.page, 'repo');
    await expect(p.section('contributors')).toHaveAttribute('data-state', 'error', READY);
    await expect(p.section('contributors')).toContainText(REDIRECT);
    await expect(p.root).not.toContainText('evil-data');
    await expect(p.section('punch-card')).toHaveAttribute('data-state', 'ready', READY);
    expect(foreignSeen.map((r) => r.path)).toEqual(['/stolen/repos/acme/moved-1/stats/contributors']);
    expect(await cachedStats(g, 'acme/moved-1')).not.toHaveProperty('contributors');
    await expectNothingLeaked(g, g.page);
  });

  test('with a token no redirect is followed: the foreign origin is never asked, the token never leaves', async () => {
    const tab = await extensionPage(g, 'options.html');
    expect(await sendCommand(tab, { type: 'token.set', host: 'github.com', token: DEMO_TOKENS.admin })).toMatchObject({ status: 'valid' });
    await tab.close();
    foreignSeen.length = 0;
    g.mock.addRepo({ owner: 'acme', name: 'moved-2' });
    await g.page.goto('https://github.com/acme/moved-2');
    const p = panel(g.page, 'repo');
    await expect(p.section('contributors')).toHaveAttribute('data-state', 'error', READY);
    await expect(p.section('contributors')).toContainText(REDIRECT);
    await expect(p.root).not.toContainText('evil-data');
    expect(foreignSeen).toEqual([]);
    await expectNothingLeaked(g, g.page);
  });
});
