/**
 * The org panel's states: no token, a token without access (403), not found (404), no data yet,
 * rate limited, a refused increment, hostile API text, a custom window, and a month of 5-minute
 * buckets (its longest main-thread task is measured and reported, not asserted).
 */
import { DEMO_TOKENS, expected } from '../mock-github';
import { test, expect, giveToken, q } from './fixtures';

const REQUIREMENTS = ['organization owner', 'View organization API insights', 'GitHub Enterprise Cloud', 'API Insights: read'];

// Without a token GitHub never shows API Insights (401 or 404): the panel does not spend a request
// to hear it. Activity shows, with one quiet line about API Insights and what they need.
test('without a token: Activity, and one quiet line that explains exactly what API Insights need', async ({ page, mock, panel }) => {
  await page.goto('https://github.com/acme');
  const org = panel(page, 'org');
  await expect(org.root).toHaveAttribute('data-state', 'ready');
  await expect(org.root).toHaveAttribute('data-collapsed', 'false');
  await expect(org.section('activity')).toHaveAttribute('data-state', 'ready');
  await expect(org.root.locator('[data-insights-note="no-token"]')).toHaveText(/^Needs a token with API Insights access\./);
  expect(mock.count(/\/insights\//)).toBe(0);
  await org.root.getByRole('button', { name: 'What API Insights need' }).click();
  await expect(org.root).toContainText('Statboard has no token for github.com.');
  await expect(org.root).not.toContainText('rejected the token');
  for (const text of REQUIREMENTS) await expect(org.root).toContainText(text);
  await expect(org.root.getByRole('button', { name: 'Open Statboard options' })).toBeVisible();
});

test('a token without API Insights access (403): Activity, and one line that says what is missing', async ({ page, mock, panel, openExtensionPage }) => {
  await giveToken(openExtensionPage, DEMO_TOKENS.reader);
  await page.goto('https://github.com/acme');
  const org = panel(page, 'org');
  await expect(org.section('activity')).toHaveAttribute('data-state', 'ready');
  await expect(org.root.getByRole('tablist')).toHaveCount(0);
  await expect(org.root.locator('[data-insights-note="missing-permission"]')).toContainText('Your token cannot read this organization’s API Insights');
  expect(mock.requestsTo('/orgs/acme/insights/api/summary-stats').map((r) => r.status)).toContain(403);
  await org.root.getByRole('button', { name: 'What API Insights need' }).click();
  await expect(org.root).toContainText('GitHub refused the request (403)');
  for (const text of REQUIREMENTS) await expect(org.root).toContainText(text);
  await expect(org.root.getByRole('button', { name: 'Open Statboard options' })).toBeVisible();
});

test('404 from API Insights reads as "not found", not as a crash', async ({ page, mock, panel, openExtensionPage }) => {
  mock.script('GET', /^\/orgs\/acme\/insights\/api\//, Array.from({ length: 8 }, () => ({ status: 404, body: { message: 'Not Found' } })));
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await page.goto('https://github.com/acme');
  const org = panel(page, 'org');
  await expect(org.section('activity')).toHaveAttribute('data-state', 'ready');
  await org.root.getByRole('button', { name: 'What API Insights need' }).click();
  await expect(org.root).toContainText('GitHub answered 404 (not found)');
  await expect(org.root).toContainText('GitHub Enterprise Cloud');
});

test('an organization with no recorded requests explains the 4-6 hour delay', async ({ page, mock, panel, openExtensionPage }) => {
  mock.addOrg({ login: 'quietco', subjects: [] });
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await page.goto('https://github.com/quietco');
  const org = panel(page, 'org');
  await expect(org.section('subjects')).toHaveAttribute('data-state', 'empty');
  await expect(org.section('subjects')).toContainText('4 to 6 hours after they are made');
  await expect(org.section('summary')).toContainText('4 to 6 hours');
  await expect(org.section('summary').locator('[data-stat="total-requests"] dd')).toContainText('0');
});

test('rate limited: the panel says when it will ask again', async ({ page, mock, panel, openExtensionPage }) => {
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  mock.setRateLimit(DEMO_TOKENS.admin, { remaining: 0, resetAt: mock.now + 20 * 60_000, enforce: true });
  await page.goto('https://github.com/acme');
  const org = panel(page, 'org');
  await expect(org.section('summary')).toHaveAttribute('data-state', 'rate-limited');
  await expect(org.root).toHaveAttribute('data-state', 'rate-limited');
  await expect(org.section('summary')).toContainText('rate limit is reached');
  await expect(org.section('summary')).toContainText(/will ask again at \d\d:\d\d/);
});

test('an increment GitHub refuses falls back to a coarser one instead of failing', async ({ page, mock, panel, openExtensionPage }) => {
  mock.script('GET', /^\/orgs\/acme\/insights\/api\/time-stats\?.*timestamp_increment=1h/, [
    { status: 422, body: { message: 'Validation Failed', errors: [{ field: 'timestamp_increment', code: 'invalid' }] } },
  ]);
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await page.goto('https://github.com/acme');
  const org = panel(page, 'org');
  await expect(org.section('time')).toHaveAttribute('data-state', 'ready');
  const increments = mock.requestsTo('/orgs/acme/insights/api/time-stats').map((r) => [q(r, 'timestamp_increment'), r.status]);
  expect(increments).toEqual([['1h', 422], ['2h', 200]]);
  await expect(org.section('time')).toContainText('GitHub did not accept hour intervals for this window; showing every 2 hours.');
});

test('hostile app and route names render as text', async ({ page, mock, panel, openExtensionPage }) => {
  const evil = '<img src=x onerror="window.__pwned=1">';
  const route = '/repos/<script>window.__pwned=2</script>/:repo';
  mock.addOrg({
    login: 'evilco',
    subjects: [
      {
        type: 'installation',
        id: 777,
        name: evil,
        actors: [
          { type: 'installation', id: 777, name: evil, integrationId: 1, oauthApplicationId: null, perBucket: 20, limitedShare: 0, pattern: 'steady', routes: [{ method: 'GET', route, weight: 1 }] },
        ],
      },
    ],
  });
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await page.goto('https://github.com/evilco');
  const org = panel(page, 'org');
  await expect(org.section('subjects')).toHaveAttribute('data-state', 'ready');
  await expect(org.table('subjects').locator('tbody tr').first().locator('td').first()).toHaveText(evil);
  await org.section('subjects').getByRole('button', { name: evil }).click();
  await expect(org.section('routes')).toHaveAttribute('data-state', 'ready');
  await expect(org.section('routes').locator('table').last().locator('tbody td').nth(1)).toHaveText(route);
  await expect(org.root.locator('[data-breadcrumb]')).toContainText(evil);
  expect(await org.root.locator('img, script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
});

test('a custom range is checked with a sentence, then sent as both timestamps', async ({ page, mock, panel, openExtensionPage }) => {
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await page.goto('https://github.com/acme');
  const org = panel(page, 'org');
  await expect(org.section('summary')).toHaveAttribute('data-state', 'ready');
  await org.root.locator('[data-control="utc"]').click();
  await expect(org.root.locator('.sb-subtitle')).toContainText('UTC');
  await org.root.locator('[data-control="window"]').selectOption('custom');
  const form = org.root.locator('[data-control="custom-range"]');
  await form.getByLabel('From').fill('2026-01-02T10:00');
  await form.getByLabel('To').fill('2026-01-01T10:00');
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByRole('alert')).toHaveText('The start must be before the end.');

  const old = new Date(mock.now - 40 * 86_400_000).toISOString().slice(0, 16);
  await form.getByLabel('From').fill(old);
  await form.getByLabel('To').fill(new Date(mock.now - 39 * 86_400_000).toISOString().slice(0, 16));
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByRole('alert')).toContainText('API Insights keeps the last 31 days');

  // Two days ending three days ago (UTC, as the switch says): 10-minute buckets.
  const to = new Date(Math.floor((mock.now - 3 * 86_400_000) / 3_600_000) * 3_600_000);
  const from = new Date(to.getTime() - 2 * 86_400_000);
  await form.getByLabel('From').fill(from.toISOString().slice(0, 16));
  await form.getByLabel('To').fill(to.toISOString().slice(0, 16));
  await form.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByRole('alert')).toHaveCount(0);
  const minTimestamp = `${from.toISOString().slice(0, 19)}Z`;
  const maxTimestamp = `${to.toISOString().slice(0, 19)}Z`;
  await expect.poll(() => mock.requestsTo('/orgs/acme/insights/api/time-stats').some((r) => q(r, 'min_timestamp') === minTimestamp)).toBe(true);
  const timeRequest = mock.requestsTo('/orgs/acme/insights/api/time-stats').find((r) => q(r, 'min_timestamp') === minTimestamp)!;
  expect(timeRequest.query).toMatchObject({ min_timestamp: minTimestamp, max_timestamp: maxTimestamp, timestamp_increment: '10m' });
  await expect(org.section('summary')).toHaveAttribute('data-state', 'ready');
  const totals = expected.summary(mock.org('acme'), { min: from.getTime(), max: to.getTime() }, { type: 'org' });
  await expect(org.section('summary').locator('[data-stat="total-requests"] dd')).toContainText(totals.total_request_count.toLocaleString('en-US'));
});

test('30 days at 5 minutes (8,640+ points) renders; the longest task is measured', async ({ page, mock, panel, openExtensionPage }) => {
  // Two loads, a 6 s measuring pause and 8,640 table rows rendered in idle time, on two shared cores.
  test.setTimeout(90_000);
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await page.goto('https://github.com/acme');
  const org = panel(page, 'org');
  await expect(org.section('time')).toHaveAttribute('data-state', 'ready');
  await org.root.locator('[data-control="window"]').selectOption('30d');
  await expect(org.section('time')).toHaveAttribute('data-state', 'ready');
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
  await org.root.locator('[data-control="interval"]').selectOption('5m');
  // Measured without polling the page: Playwright's own DOM queries would be long tasks too.
  const [request] = await mock.waitFor(/\/orgs\/acme\/insights\/api\/time-stats\?.*timestamp_increment=5m/);
  await page.waitForTimeout(6000);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  const window = { min: Date.parse(String(q(request!, 'min_timestamp'))), max: Date.parse(String(q(request!, 'max_timestamp'))) };
  const points = expected.timeStats(mock.org('acme'), window, { type: 'org' }, '5m');
  const longest = tasks.length ? Math.max(...tasks) : 0;
  test.info().annotations.push({ type: 'longest task (ms)', description: `${Math.round(longest)} over ${points.length} points; ${tasks.length} long tasks` });
  console.log(`org 30d@5m: ${points.length} points, longest task ${Math.round(longest)} ms, ${tasks.length} long tasks`);

  expect(points.length).toBeGreaterThanOrEqual(8640);
  await expect(org.section('time')).toHaveAttribute('data-state', 'ready');
  await expect(org.section('time').locator('canvas')).toHaveAttribute('aria-label', /every 5 minutes/);
  // Shown, the table has every point once its chunks have rendered in idle time.
  await expect((await org.shownTable('time')).locator('tbody tr')).toHaveCount(points.length, { timeout: 20_000 });
  // The figure is reported above, not asserted (timing on two shared cores is noisy); the probe itself must work.
  expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('longtask'))).toBe(true);
});
