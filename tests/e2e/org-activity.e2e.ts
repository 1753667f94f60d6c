/**
 * Organization Activity (issue 15) against the mock's org `orbit` (14 public repositories, two
 * forks and one archived among them) and `hollow` (nothing public). Expected numbers come from
 * the scenario's commit tables (tests/mock-github/repo-data.ts), never from the panel.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { DEMO_TOKENS, type MockGitHub } from '../mock-github';
import { test, expect, giveToken, READY, setTheme } from './fixtures';

const WEEK_S = 7 * 86_400;
const FIRST_SUNDAY_S = 3 * 86_400;
const weekStartS = (ms: number) => Math.floor((ms / 1000 - FIRST_SUNDAY_S) / WEEK_S) * WEEK_S + FIRST_SUNDAY_S;
const n = (value: number) => value.toLocaleString('en-US');

function rowsOf(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((td) => (td.textContent ?? '').trim())));
}

interface Expected {
  /** counted repositories, most commits first (name on a tie) */
  repos: { name: string; total: number; weeks: number[] }[];
  weeks: { week: string; commits: number }[];
  total: number;
  active: number;
  busiest: string;
  /** people (bots apart) by commits in the 52 weeks */
  people: { login: string; commits: number }[];
  bots: { login: string; commits: number }[];
}

/**
 * The rule computed from the scenario: the `count` most recently pushed public repositories,
 * forks and archived left out; each one's weekly commits over the last 52 weeks (the commit
 * table's last 52 columns, every contributor).
 */
function expectedActivity(mock: MockGitHub, org: string, count = 10, only?: string[]): Expected {
  const specs = [...mock.repoSpecs.values()]
    .filter((s) => s.owner === org && !s.private && !s.fork && !s.archived)
    .sort((a, b) => a.pushedHoursAgo - b.pushedHoursAgo)
    .slice(0, count)
    .filter((s) => !only || only.includes(s.name));
  const weekTotals = new Array<number>(52).fill(0);
  const byPerson = new Map<string, { login: string; commits: number; bot: boolean }>();
  const repos = specs.map((spec) => {
    const data = mock.repo(`${spec.owner}/${spec.name}`);
    const from = data.weekStarts.length - 52;
    const weeks = Array.from({ length: 52 }, (_, k) => data.commits.reduce((sum, row) => sum + (from + k >= 0 ? row[from + k]! : 0), 0));
    weeks.forEach((c, k) => (weekTotals[k]! += c));
    spec.contributors.forEach((person, r) => {
      if (!person.login) return;
      const commits = data.commits[r]!.slice(Math.max(0, from)).reduce((a, b) => a + b, 0);
      if (commits === 0) return;
      const known = byPerson.get(person.login) ?? { login: person.login, commits: 0, bot: person.type === 'Bot' };
      known.commits += commits;
      byPerson.set(person.login, known);
    });
    return { name: spec.name, total: weeks.reduce((a, b) => a + b, 0), weeks };
  });
  repos.sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
  const end = weekStartS(mock.now);
  const everyone = [...byPerson.values()].sort((a, b) => b.commits - a.commits || (a.login.toLowerCase() < b.login.toLowerCase() ? -1 : 1));
  return {
    repos,
    weeks: weekTotals.map((commits, k) => ({ week: new Date((end - (51 - k) * WEEK_S) * 1000).toISOString().slice(0, 10), commits })),
    total: weekTotals.reduce((a, b) => a + b, 0),
    active: repos.filter((r) => r.total > 0).length,
    busiest: repos[0]!.name,
    people: everyone.filter((p) => !p.bot).map(({ login, commits }) => ({ login, commits })),
    bots: everyone.filter((p) => p.bot).map(({ login, commits }) => ({ login, commits })),
  };
}

function activity(page: Page) {
  const root = page.locator('[data-statboard="org"]');
  const section = root.locator('[data-section="activity"]');
  return {
    root,
    section,
    repos: section.locator('table[data-table="repositories"]'),
    weeks: section.locator('table[data-table="weeks"]'),
    stat: (id: string) => section.locator(`[data-stat="${id}"] dd`),
  };
}

async function expectNumbers(page: Page, want: Expected): Promise<void> {
  const a = activity(page);
  await expect(a.section).toHaveAttribute('data-state', 'ready', READY);
  expect((await rowsOf(a.repos)).map((r) => [r[0], r[1]])).toEqual(want.repos.map((r) => [r.name, n(r.total)]));
  await a.section.getByRole('button', { name: 'Show table' }).click();
  expect(await rowsOf(a.weeks)).toEqual(want.weeks.map((w) => [w.week, n(w.commits)]));
  await expect(a.stat('commits')).toHaveText(new RegExp(`^${n(want.total)}`));
  await expect(a.stat('active-repos')).toHaveText(new RegExp(`^${want.active} of ${want.repos.length}`));
  await expect(a.stat('busiest')).toHaveText(new RegExp(`^${want.busiest}`));
}

test('without a token: the numbers are the scenario’s, N+1 counted requests cold, 0 warm', async ({ page, mock }) => {
  const want = expectedActivity(mock, 'orbit');
  await page.goto('https://github.com/orbit');
  await expectNumbers(page, want);
  const a = activity(page);
  await expect(a.section.locator('[data-activity-rule]')).toHaveText(
    "Weekly commits across orbit's 10 most recently pushed repositories (forks and archived left out), last 52 weeks.",
  );
  // links go to the repository page on the same host, built from the names
  await expect(a.repos.getByRole('link', { name: want.busiest })).toHaveAttribute('href', `https://github.com/orbit/${want.busiest}`);
  // No token: no people, no tabs, one quiet line about API Insights, and no insights request spent.
  await expect(a.section.locator('[data-part="people"]')).toHaveCount(0);
  await expect(a.root.getByRole('tablist')).toHaveCount(0);
  await expect(a.root.locator('[data-insights-note="no-token"]')).toContainText('Needs a token with API Insights access');
  const counted = mock.counted().filter((r) => r.url.startsWith('https://api.github.com/'));
  expect(counted.length, counted.map((r) => r.path).join('\n')).toBeLessThanOrEqual(11);
  expect(mock.count('/orgs/orbit/repos')).toBe(1);
  expect(mock.count(/\/stats\/participation/)).toBe(10);
  expect(mock.count(/\/insights\//)).toBe(0);
  expect(mock.count(/\/commits\/HEAD/)).toBe(0);
  // The request asks for public repositories, most recently pushed first, one page.
  const list = mock.requestsTo('/orgs/orbit/repos')[0]!;
  expect(list.query).toMatchObject({ type: 'public', sort: 'pushed', direction: 'desc', per_page: '100' });

  // A revisit within the freshness window costs nothing.
  const before = mock.counted().length;
  await page.reload();
  await expectNumbers(page, want);
  expect(mock.counted().length - before).toBe(0);

  // The toggle counts forks and archived ones too (linux-fork is the busiest of all).
  await a.section.locator('[data-control="forks-archived"]').check();
  await expect(a.section.locator('[data-activity-rule]')).toHaveText("Weekly commits across orbit's 10 most recently pushed repositories, last 52 weeks.");
  await expect(a.section).toHaveAttribute('data-state', 'ready', READY);
  await expect(a.repos.locator('tbody tr').first().locator('td').first()).toHaveText('linux-fork');
});

test('the weekly chart: one column per week as tall as its commits, the week on hover, and no canvas', async ({ page, mock }) => {
  const want = expectedActivity(mock, 'orbit');
  await page.goto('https://github.com/orbit');
  const a = activity(page);
  await expect(a.section).toHaveAttribute('data-state', 'ready', READY);
  const chart = a.section.getByRole('img', { name: /^Weekly commits over 52 weeks/ });
  await expect(chart).toHaveAttribute('aria-label', `Weekly commits over 52 weeks across ${want.repos.length} repositories: ${n(want.total)} in all.`);
  // Drawn with the DOM: the org panel (Activity) carries no Chart.js, so there is no canvas at all.
  await expect(a.root.locator('canvas')).toHaveCount(0);
  const columns = chart.locator('.sb-column');
  await expect(columns).toHaveCount(52);
  const heights = await columns.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  const tallest = Math.max(...want.weeks.map((w) => w.commits));
  const k = want.weeks.findIndex((w) => w.commits === tallest);
  // Heights follow the commits (within a pixel of rounding), the tallest week the tallest column.
  const scale = heights[k]! / tallest;
  want.weeks.forEach((w, i) => expect(Math.abs(heights[i]! - w.commits * scale), `week ${w.week}`).toBeLessThan(1.5));
  const box = (await columns.nth(k).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 2);
  await expect(chart.locator('.sb-tip')).toHaveText(`Week of ${want.weeks[k]!.week}: ${n(tallest)} commits`);
});

test('with a token: the same numbers, and the people across those repositories, bots apart', async ({ page, mock, openExtensionPage }) => {
  await giveToken(openExtensionPage, DEMO_TOKENS.reader); // public repos only, no API Insights
  const want = expectedActivity(mock, 'orbit');
  await page.goto('https://github.com/orbit');
  await expectNumbers(page, want);
  const a = activity(page);
  const people = a.section.locator('[data-part="people"]');
  await expect(people.locator('[data-people-summary]')).not.toContainText('so far', READY);
  const rows = await rowsOf(people.locator('table[data-table="people"]'));
  expect(rows.map((r) => [r[0], r[1]])).toEqual(want.people.slice(0, 10).map((p) => [p.login, n(p.commits)]));
  await expect(people.locator('[data-bots]')).toHaveText(`Bots, apart: ${want.bots.map((b) => `${b.login} (${n(b.commits)})`).join(', ')}.`);
  expect(mock.count(/\/stats\/contributors/)).toBe(10);
  // The reader token cannot read API Insights: Activity alone, with the reason in one line.
  await expect(a.root.getByRole('tablist')).toHaveCount(0);
  await expect(a.root.locator('[data-insights-note]')).toContainText('Your token cannot read this organization’s API Insights');
  await a.root.locator('[data-action="insights-help"]').click();
  await expect(a.root).toContainText('API Insights: read');
});

test('GitHub computing three repositories: partial totals with the count, then the full totals', async ({ page, mock }) => {
  const slow = ['launchpad', 'docs', 'sim'];
  for (const name of slow) mock.script('GET', `/repos/orbit/${name}/stats/participation`, [{ status: 202 }, { status: 202 }]);
  const all = expectedActivity(mock, 'orbit');
  const partial = expectedActivity(mock, 'orbit', 10, all.repos.map((r) => r.name).filter((name) => !slow.includes(name)));
  await page.goto('https://github.com/orbit');
  const a = activity(page);
  await expect(a.section).toHaveAttribute('data-state', 'computing', READY);
  await expect(a.section.locator('[data-activity-progress]')).toContainText('7 of 10 repositories counted; 3 counting', READY);
  await expect(a.stat('commits')).toHaveText(new RegExp(`^${n(partial.total)}`));
  expect((await rowsOf(a.repos)).map((r) => r[0])).toEqual(partial.repos.map((r) => r.name));
  // Not counted yet is said, never shown as 0.
  for (const name of slow) await expect(a.section.locator('[data-not-counted]')).toContainText(`${name} (counting)`);
  await expectNumbers(page, all);
  await expect(a.section.locator('[data-activity-progress]')).toHaveCount(0);
});

test('an org with nothing public, and a list GitHub refuses, each say so', async ({ page, mock }) => {
  await page.goto('https://github.com/hollow');
  const a = activity(page);
  await expect(a.section).toHaveAttribute('data-state', 'empty', READY);
  await expect(a.section).toContainText('hollow has no public repositories.');
  expect(mock.count(/\/stats\//)).toBe(0);

  mock.script('GET', '/orgs/orbit/repos', [{ status: 404 }]);
  await page.goto('https://github.com/orbit');
  await expect(a.section).toHaveAttribute('data-state', 'no-access', READY);
  await expect(a.section).toContainText("GitHub did not find orbit's repository list (HTTP 404)");

  mock.script('GET', '/orgs/acme/repos', [{ status: 403, body: { message: 'Resource protected by organization SAML enforcement.' } }]);
  await page.goto('https://github.com/acme');
  await expect(a.section).toHaveAttribute('data-state', 'no-access', READY);
  await expect(a.section).toContainText("GitHub refused to list acme's repositories (HTTP 403)");
});

test('API Insights as a second view where they answer: tabs by keyboard, the choice remembered', async ({ page, mock, openExtensionPage }) => {
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await page.goto('https://github.com/orbit');
  const a = activity(page);
  const tabs = a.root.getByRole('tab');
  await expect(tabs).toHaveText(['Activity', 'API Insights'], READY);
  // Never chosen: those with insights see them first.
  await expect(a.root.getByRole('tab', { name: 'API Insights' })).toHaveAttribute('aria-selected', 'true');
  await expect(a.root.locator('[data-section="summary"]')).toHaveAttribute('data-state', 'ready', READY);
  await a.root.getByRole('tab', { name: 'API Insights' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(a.root.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true');
  await expect(a.root.getByRole('tab', { name: 'Activity' })).toBeFocused();
  await expect(a.root.getByRole('tabpanel')).toHaveCount(1);
  await expect(a.section).toHaveAttribute('data-state', 'ready', READY);
  await expect(a.root.locator('[data-section="summary"]')).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(a.root.getByRole('tab', { name: 'API Insights' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(a.root.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true');
  await page.reload();
  await expect(a.root.getByRole('tab', { name: 'Activity' })).toHaveAttribute('aria-selected', 'true', READY);
  await expect(a.section).toHaveAttribute('data-state', 'ready', READY);
  expect(mock.count(/\/insights\/api\/summary-stats/)).toBeGreaterThan(0);
});

for (const theme of ['light', 'dark']) {
  test(`axe finds nothing serious in Activity (${theme}), and the export names the numbers`, async ({ page, mock }) => {
    test.setTimeout(90_000);
    const want = expectedActivity(mock, 'orbit');
    await page.goto('https://github.com/orbit');
    await setTheme(page, theme);
    await expectNumbers(page, want);
    const results = await new AxeBuilder({ page }).include('[data-statboard-host="org"]').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
    if (theme !== 'light') return;
    const menu = activity(page).section.locator('.sb-part').first().getByRole('button', { name: 'Export' });
    await menu.click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Download CSV' }).click();
    const csv = await readFile(await (await download).path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Repository,"Commits, 52 weeks",Last 4 weeks,4 weeks before');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2))).toEqual(want.repos.map((r) => [r.name, String(r.total)]));
  });
}

test('the panel does not grow once Activity has arrived (no layout jump below it)', async ({ page, mock }) => {
  // Slow answers, so the reserved (loading) height is what is measured first.
  mock.script('GET', /\/stats\/participation/, Array.from({ length: 10 }, () => ({ delayMs: 1500 })));
  await page.goto('https://github.com/orbit');
  const a = activity(page);
  await expect(a.section).toHaveAttribute('data-state', 'loading', READY);
  const list = page.locator('#org-repositories');
  await expect(a.root).toBeVisible();
  const first = await list.boundingBox();
  await expect(a.section).toHaveAttribute('data-state', 'ready', READY);
  await page.waitForTimeout(300);
  const after = await list.boundingBox();
  expect(Math.abs((after?.y ?? 0) - (first?.y ?? 0))).toBeLessThanOrEqual(4);
});

test('with little of the hourly budget left, fewer repositories are counted and the section says why', async ({ page, mock }) => {
  mock.setRateLimit(null, { limit: 60, remaining: 12 });
  const all = expectedActivity(mock, 'orbit');
  await page.goto('https://github.com/orbit');
  const a = activity(page);
  await expect(a.section).toHaveAttribute('data-state', 'ready', READY);
  await expect(a.section.locator('[data-activity-progress]')).toContainText('wait for your hourly API budget');
  await expect(a.section.locator('[data-activity-progress]')).toContainText('Statboard keeps the last requests for the pages you open');
  const rows = await rowsOf(a.repos);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThan(10);
  // The governor's reserve (10 % of 60) is left for the pages opened next.
  const used = mock.counted().filter((r) => r.url.startsWith('https://api.github.com/')).length;
  expect(12 - used).toBeGreaterThanOrEqual(6);
  // What is counted is exact; what is held back is named, not shown as 0.
  const counted = all.repos.filter((r) => rows.some((row) => row[0] === r.name));
  expect(rows.map((r) => r[1])).toEqual(counted.map((r) => n(r.total)));
  await expect(a.stat('commits')).toHaveText(new RegExp(`^${n(counted.reduce((sum, r) => sum + r.total, 0))}`));
  await expect(a.section.locator('[data-not-counted] [data-progress="held"]')).toHaveCount(10 - rows.length);
});
