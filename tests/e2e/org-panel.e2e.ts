/**
 * The organization panel against the mock's API Insights scenarios. Expected numbers come from
 * the scenario data (the mock's exported aggregations), never from the panel; request paths and
 * query parameters come from the mock's request log.
 */
import type { Locator } from '@playwright/test';
import { DEMO_TOKENS, expected, type MockGitHub, type MockRequest, type SubjectSpec, type Window } from '../mock-github';
import { test, expect, giveToken, q, softNavigate } from './fixtures';

const API = '/orgs/acme/insights/api';
const DAY = 86_400_000;
const TEN_MINUTES = 10 * 60_000;
const floor10 = (ms: number) => Math.floor(ms / TEN_MINUTES) * TEN_MINUTES;

/** The cell texts of a table body, row by row. */
function rowsOf(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => (td.textContent ?? '').trim())));
}

const n = (value: number) => value.toLocaleString('en-US');
const num = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));

/** Requests to one insights path (exact, no query), in order. */
function to(mock: MockGitHub, path: string): MockRequest[] {
  return mock.requestsTo(`${API}/${path}`);
}

function windowOf(r: MockRequest): Window {
  return { min: Date.parse(String(q(r, 'min_timestamp'))), max: Date.parse(String(q(r, 'max_timestamp'))) };
}

test('org sections show the scenario numbers for the last 7 days, with the previous 7 days to compare', async ({ page, mock, panel, openExtensionPage }) => {
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  // The panel floors its own clock at mount, somewhere between these two readings.
  const t0 = Date.now();
  await page.goto('https://github.com/acme');
  const org = panel(page, 'org');
  await expect(org.root).toHaveAttribute('data-state', 'ready');
  await expect(org.section('summary')).toHaveAttribute('data-state', 'ready');
  await expect(org.section('time')).toHaveAttribute('data-state', 'ready');
  await expect(org.section('subjects')).toHaveAttribute('data-state', 'ready');
  const data = mock.org('acme');

  // Summary: this window and the one before it, both timestamps always sent.
  const summaries = to(mock, 'summary-stats');
  const current = windowOf(summaries[0]!);
  expect(current.max - current.min).toBe(7 * DAY);
  // Preset windows end on the last 10-minute boundary (revisits share the cached answers).
  const t1 = Date.now();
  expect(current.max % TEN_MINUTES).toBe(0);
  expect(current.max).toBeGreaterThanOrEqual(floor10(t0));
  expect(current.max).toBeLessThanOrEqual(floor10(t1));
  const previousRequest = summaries.find((r) => windowOf(r).max === current.min);
  expect(previousRequest, 'a summary request for the previous 7 days').toBeDefined();
  expect(windowOf(previousRequest!).min).toBe(current.min - 7 * DAY);

  const now = expected.summary(data, current, { type: 'org' });
  const before = expected.summary(data, { min: current.min - 7 * DAY, max: current.min }, { type: 'org' });
  const stat = (key: string) => org.section('summary').locator(`[data-stat="${key}"] dd`);
  await expect(stat('total-requests')).toContainText(n(now.total_request_count));
  await expect(stat('total-requests')).toContainText(`(${n(before.total_request_count)})`);
  await expect(stat('rate-limited-requests')).toContainText(n(now.rate_limited_request_count));
  await expect(stat('rate-limited-requests')).toContainText(`(${n(before.rate_limited_request_count)})`);
  const share = Math.round((now.rate_limited_request_count / now.total_request_count) * 100);
  await expect(stat('rate-limited-share')).toContainText(share === 0 ? '<1%' : `${share}%`);
  const summaryRows = await rowsOf(await org.shownTable('summary'));
  expect(summaryRows.slice(0, 2).map((r) => [r[0], num(r[1]), num(r[2])])).toEqual([
    ['Requests', now.total_request_count, before.total_request_count],
    ['Rate-limited requests', now.rate_limited_request_count, before.rate_limited_request_count],
  ]);

  // Time: hourly for 7 days (at most ~300 points), every bucket as the API counts it.
  const [timeRequest] = to(mock, 'time-stats');
  expect(q(timeRequest!, 'timestamp_increment')).toBe('1h');
  expect(windowOf(timeRequest!)).toEqual(current);
  const points = expected.timeStats(data, current, { type: 'org' }, '1h');
  const timeTable = await org.shownTable('time');
  await expect(timeTable.locator('tbody tr')).toHaveCount(points.length); // long tables fill in chunks
  const timeRows = await rowsOf(timeTable);
  expect(timeRows.map((r) => [num(r[1]), num(r[2])])).toEqual(points.map((p) => [p.total_request_count, p.rate_limited_request_count]));
  await expect(org.section('time').locator('canvas')).toHaveAttribute('aria-label', new RegExp(`${n(now.total_request_count)} in all, ${n(now.rate_limited_request_count)} rate limited`));

  // Subjects: first page of 100, most requests first.
  const [subjectsRequest] = to(mock, 'subject-stats');
  expect(subjectsRequest!.query).toMatchObject({ page: '1', per_page: '100', sort: 'total_request_count', direction: 'desc' });
  expect(windowOf(subjectsRequest!)).toEqual(current);
  const subjects = expected.sortRows(expected.subjects(data, current), ['total_request_count'], 'desc');
  const subjectRows = await rowsOf(org.table('subjects'));
  expect(subjectRows.map((r) => [r[0], num(r[2]), num(r[3]), num(r[4])])).toEqual(
    subjects.map((s) => [s.subject_name, s.subject_id, s.total_request_count, s.rate_limited_request_count]),
  );
});

test('drilling into a user, then an actor, asks for exactly their reports, and the breadcrumb goes back from the cache', async ({ page, mock, panel, openExtensionPage }) => {
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await page.goto('https://github.com/acme');
  const org = panel(page, 'org');
  await expect(org.section('subjects')).toHaveAttribute('data-state', 'ready');
  const data = mock.org('acme');
  const window = windowOf(to(mock, 'summary-stats')[0]!);
  const user = data.spec.subjects.find((s) => s.type === 'user' && s.name === 'mona')!;

  // A user: their actors (user-stats), their summary (now and before) and their time series.
  await org.section('subjects').getByRole('button', { name: 'mona', exact: true }).click();
  await expect(org.section('actors')).toHaveAttribute('data-state', 'ready');
  await expect(org.section('subjects')).toHaveCount(0);
  const [actorsRequest] = to(mock, `user-stats/${user.id}`);
  expect(actorsRequest!.query).toMatchObject({ page: '1', per_page: '100', sort: 'total_request_count', direction: 'desc' });
  expect(windowOf(actorsRequest!)).toEqual(window);
  expect(to(mock, `summary-stats/users/${user.id}`).map(windowOf)).toEqual(
    expect.arrayContaining([window, { min: window.min - 7 * DAY, max: window.min }]),
  );
  const [userTime] = to(mock, `time-stats/users/${user.id}`);
  expect(q(userTime!, 'timestamp_increment')).toBe('1h');
  expect(windowOf(userTime!)).toEqual(window);

  const userScope = { type: 'user' as const, userId: String(user.id) };
  const userTotals = expected.summary(data, window, userScope);
  await expect(org.section('actors').locator('[data-stat="total-requests"] dd')).toContainText(n(userTotals.total_request_count));
  const actors = expected.sortRows(expected.userActors(data, window, String(user.id)), ['total_request_count'], 'desc');
  const actorTable = org.section('actors').locator('table').last();
  const actorRows = await rowsOf(actorTable);
  expect(actorRows.map((r) => [r[0], num(r[2]), num(r[3])])).toEqual(actors.map((a) => [a.actor_name, a.actor_id, a.total_request_count]));
  const userTimePart = org.section('actors').locator('.sb-part').nth(1);
  await userTimePart.getByRole('button', { name: 'Show table' }).click();
  const userPoints = expected.timeStats(data, window, userScope, '1h');
  await expect(userTimePart.locator('table tbody tr')).toHaveCount(userPoints.length);
  const userTimeRows = await rowsOf(userTimePart.locator('table'));
  expect(userTimeRows.map((r) => num(r[1]))).toEqual(userPoints.map((p) => p.total_request_count));

  // An actor: its summary, time series and routes.
  const actor = actors[0]!;
  await actorTable.getByRole('button', { name: actor.actor_name, exact: true }).click();
  await expect(org.section('routes')).toHaveAttribute('data-state', 'ready');
  const actorPath = `${actor.actor_type}/${actor.actor_id}`;
  const [routesRequest] = to(mock, `route-stats/${actorPath}`);
  expect(routesRequest!.query).toMatchObject({ page: '1', per_page: '100', sort: 'total_request_count', direction: 'desc' });
  expect(windowOf(routesRequest!)).toEqual(window);
  expect(to(mock, `summary-stats/${actorPath}`).map(windowOf)).toEqual(expect.arrayContaining([window]));
  expect(q(to(mock, `time-stats/${actorPath}`)[0]!, 'timestamp_increment')).toBe('1h');
  const routes = expected.sortRows(expected.routes(data, window, actor.actor_type, actor.actor_id), ['total_request_count'], 'desc');
  const routeTable = org.section('routes').locator('table').last();
  expect((await rowsOf(routeTable)).map((r) => [r[0], r[1], num(r[2]), num(r[3])])).toEqual(
    routes.map((r) => [r.http_method, r.api_route, r.total_request_count, r.rate_limited_request_count]),
  );
  await expect(org.root.locator('[data-breadcrumb]')).toHaveText(`acme/mona/${actor.actor_name}`.replace(/\//g, ''));

  // Sorting is GitHub's: a header click asks again with `sort` and `direction`.
  await routeTable.getByRole('button', { name: /^Route/ }).click();
  await expect.poll(() => to(mock, `route-stats/${actorPath}`).some((r) => q(r, 'sort') === 'api_route' && q(r, 'direction') === 'asc')).toBe(true);
  await expect(routeTable.locator('th', { hasText: 'Route' })).toHaveAttribute('aria-sort', 'ascending');
  const byRoute = expected.sortRows(routes, ['api_route'], 'asc');
  await expect.poll(async () => (await rowsOf(routeTable)).map((r) => r[1])).toEqual(byRoute.map((r) => r.api_route));

  // Back up: everything is re-watched under the same keys, served from the cache (the poll above
  // already waited for the sorted answer, so the baseline needs no sleep).
  const requestsBefore = mock.requests.length;
  await org.root.locator('[data-breadcrumb]').getByRole('button', { name: 'mona' }).click();
  await expect(org.section('actors')).toHaveAttribute('data-state', 'ready');
  await org.root.locator('[data-breadcrumb]').getByRole('button', { name: 'acme' }).click();
  await expect(org.section('subjects')).toHaveAttribute('data-state', 'ready');
  await page.waitForTimeout(1000);
  expect(mock.requests.slice(requestsBefore).map((r) => r.path)).toEqual([]);
});

test('an app goes straight to its routes; names are filtered and sorted by GitHub', async ({ page, mock, panel, openExtensionPage }) => {
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await page.goto('https://github.com/acme');
  const org = panel(page, 'org');
  await expect(org.section('subjects')).toHaveAttribute('data-state', 'ready');
  const data = mock.org('acme');
  const window = windowOf(to(mock, 'summary-stats')[0]!);

  // Sort by name, then filter (typed fast: one request after the pause, not one per key).
  await org.section('subjects').getByRole('button', { name: /^Name/ }).click();
  await expect.poll(() => to(mock, 'subject-stats').some((r) => q(r, 'sort') === 'subject_name' && q(r, 'direction') === 'asc')).toBe(true);
  // Keys back to back: well inside the 300 ms debounce, even on two busy cores.
  await org.section('subjects').getByRole('searchbox').pressSequentially('bot');
  await expect.poll(() => to(mock, 'subject-stats').filter((r) => q(r, 'subject_name_substring') !== undefined).map((r) => q(r, 'subject_name_substring'))).toEqual(['bot']);
  const filtered = expected.sortRows(expected.subjects(data, window).filter((s) => s.subject_name.toLowerCase().includes('bot')), ['subject_name'], 'asc');
  await expect.poll(async () => (await rowsOf(org.table('subjects'))).map((r) => r[0])).toEqual(filtered.map((s) => s.subject_name));

  // An app (installation) is one actor: its routes, without a user level.
  const app = data.spec.subjects.find((s) => s.type === 'installation' && s.name.toLowerCase().includes('bot'))!;
  await org.section('subjects').getByRole('button', { name: app.name, exact: true }).click();
  await expect(org.section('routes')).toHaveAttribute('data-state', 'ready');
  expect(to(mock, `route-stats/installation/${app.id}`)).toHaveLength(1);
  await expect(org.root.locator('[data-breadcrumb]')).toHaveText(`acme${app.name}`);
  await expect(org.section('routes')).toContainText('GitHub counts an app');
  await org.section('routes').getByRole('searchbox').fill('pulls');
  await expect.poll(() => to(mock, `route-stats/installation/${app.id}`).map((r) => q(r, 'api_route_substring')).filter(Boolean)).toEqual(['pulls']);
});

test('"Load more" appends page 2 of a long list', async ({ page, mock, panel, openExtensionPage }) => {
  const template = mock.org('acme').spec.subjects.find((s) => s.type === 'user')!;
  const subjects: SubjectSpec[] = Array.from({ length: 130 }, (_, i) => ({
    type: 'user',
    id: 70_000 + i,
    name: `dev-${String(i).padStart(3, '0')}`,
    actors: [{ ...template.actors[0]!, id: 8_000_000 + i, name: `dev-${i} token`, perBucket: 1 + i / 10, pattern: 'steady' }],
  }));
  mock.addOrg({ login: 'bigco', subjects });
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await page.goto('https://github.com/bigco');
  const org = panel(page, 'org');
  await expect(org.section('subjects')).toHaveAttribute('data-state', 'ready');
  await expect(org.table('subjects').locator('tbody tr')).toHaveCount(100);
  await org.section('subjects').getByRole('button', { name: 'Load more' }).click();
  await expect(org.table('subjects').locator('tbody tr')).toHaveCount(130);
  const pages = mock.requestsTo('/orgs/bigco/insights/api/subject-stats').map((r) => [q(r, 'page'), q(r, 'per_page')]);
  expect(pages).toEqual([['1', '100'], ['2', '100']]);
  await expect(org.section('subjects').getByRole('button', { name: 'Load more' })).toHaveCount(0);
  const window = windowOf(mock.requestsTo('/orgs/bigco/insights/api/subject-stats')[0]!);
  const all = expected.sortRows(expected.subjects(mock.org('bigco'), window), ['total_request_count'], 'desc');
  expect((await rowsOf(org.table('subjects'))).map((r) => r[0])).toEqual(all.map((s) => s.subject_name));
});

test('soft navigation keeps exactly one org panel, only on the org profile', async ({ page, panel, openExtensionPage }) => {
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await page.goto('https://github.com/acme/rocket');
  await expect(panel(page, 'repo').root).toHaveCount(1);
  await softNavigate(page, '/acme', 'turbo');
  await expect(panel(page, 'org').root).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('[data-statboard-host="org"]')).toHaveCount(1);
  await softNavigate(page, '/acme/rocket', 'turbo');
  await expect(page.locator('[data-statboard-host="org"]')).toHaveCount(0);
  await softNavigate(page, '/acme', 'turbo');
  await expect(panel(page, 'org').root).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('[data-statboard-host="org"]')).toHaveCount(1);
});
