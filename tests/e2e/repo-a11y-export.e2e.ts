import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { test, expect, READY, REPO_SECTIONS, setTheme } from './fixtures';
import { isoDay } from './repo-expected';


test.beforeEach(async ({ page, panel }) => {
  await page.goto('https://github.com/acme/rocket');
  for (const s of REPO_SECTIONS) await expect(panel(page, 'repo').section(s)).toHaveAttribute('data-state', 'ready', READY);
});

for (const theme of ['light', 'dark']) {
  test(`axe finds nothing serious in the panel (${theme})`, async ({ page, panel }) => {
    test.setTimeout(120_000); // axe walks every table cell (500+) on two shared cores
    await setTheme(page, theme);
    // Tables shown too, so their contrast and structure are checked.
    for (const s of REPO_SECTIONS) await panel(page, 'repo').section(s).getByRole('button', { name: 'Show table' }).click();
    const results = await new AxeBuilder({ page }).include('[data-statboard-host="repo"]').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10); // axe really looked inside the shadow root
  });
}

test('the export menu works by keyboard and downloads CSV and JSON', async ({ page, mock, panel }) => {
  const weeks = mock.repo('acme/rocket').answers.commit_activity;
  const section = panel(page, 'repo').section('commit-activity');
  const exportButton = section.getByRole('button', { name: 'Export' });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  await expect(section.getByRole('menu')).toBeVisible();
  await expect(section.getByRole('menuitem', { name: 'Download CSV' })).toBeFocused();

  const csvDownload = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe('statboard-acme-rocket-commit-activity.csv');
  const lines = (await readFile(await csv.path(), 'utf8')).trimEnd().split('\r\n');
  expect(lines[0]).toBe('Week of,Commits,Sun,Mon,Tue,Wed,Thu,Fri,Sat');
  expect(lines).toHaveLength(53);
  expect(lines[52]).toBe([isoDay(weeks[51]!.week), weeks[51]!.total, ...weeks[51]!.days].join(','));
  await expect(section.getByRole('menu')).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  await exportButton.click();
  await page.keyboard.press('ArrowDown');
  await expect(section.getByRole('menuitem', { name: 'Download JSON' })).toBeFocused();
  const jsonDownload = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const json = await jsonDownload;
  expect(json.suggestedFilename()).toBe('statboard-acme-rocket-commit-activity.json');
  const parsed = JSON.parse(await readFile(await json.path(), 'utf8')) as { week: number; total: number; days: number[] }[];
  expect(parsed).toEqual(weeks.map((w) => ({ days: w.days, total: w.total, week: w.week })));

  // Escape at once after a click (no wait in between) closes the menu and gives focus back.
  await exportButton.click();
  await page.keyboard.press('Escape');
  await expect(section.getByRole('menu')).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  // Arrow down on the closed button opens the menu on its first item (ARIA menu button pattern).
  await page.keyboard.press('ArrowDown');
  await expect(section.getByRole('menuitem', { name: 'Download CSV' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(section.getByRole('menu')).toHaveCount(0);
});

test('contributors export follows the chosen window', async ({ page, mock, panel }) => {
  const section = panel(page, 'repo').section('contributors');
  await section.getByLabel('Contributors window').selectOption('4w');
  const rows = await (await panel(page, 'repo').shownTable('contributors')).locator('tbody tr').count();
  await section.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await section.getByRole('menuitem', { name: 'Download CSV' }).click();
  const text = await readFile(await (await download).path(), 'utf8');
  const lines = text.trimEnd().split('\r\n');
  expect(lines[0]).toBe('Contributor,Commits,Additions,Deletions,Share of commits');
  expect(lines).toHaveLength(rows + 1);
  // The top line is the person with most commits in the last 4 weeks (bots hidden by default).
  const answers = mock.repo('acme/rocket').answers;
  const lastWeek = Math.max(...answers.contributors.flatMap((c) => c.weeks.map((w) => Number(w.w))));
  const best = answers.contributors
    .filter((c) => c.author?.type !== 'Bot')
    .map((c) => ({ login: (c.author?.login as string) ?? 'unknown', n: c.weeks.filter((w) => Number(w.w) > lastWeek - 4 * 7 * 86400).reduce((a, w) => a + w.c, 0) }))
    .sort((a, b) => b.n - a.n || a.login.toLowerCase().localeCompare(b.login.toLowerCase()))[0]!;
  expect(lines[1]!.split(',').slice(0, 2)).toEqual([best.login, String(best.n)]);
});

test('contributors JSON export holds GitHub’s whole answer (every week), though the panel is sent only sums', async ({ page, mock, panel }) => {
  const section = panel(page, 'repo').section('contributors');
  await section.getByRole('button', { name: 'Export' }).click();
  const download = page.waitForEvent('download');
  await section.getByRole('menuitem', { name: 'Download JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('statboard-acme-rocket-contributors.json');
  const json = JSON.parse(await readFile(await file.path(), 'utf8')) as { weeks: number[]; contributors: { login: string | null; commits: number[]; additions: number[]; deletions: number[] }[] };
  const answers = mock.repo('acme/rocket').answers.contributors;
  const weeks = [...new Set(answers.flatMap((c) => c.weeks.map((w) => Number(w.w))))].sort((a, b) => a - b);
  expect(json.weeks).toEqual(weeks);
  expect(json.contributors).toHaveLength(answers.length);
  for (const c of answers) {
    const login = (c.author?.login as string | undefined) ?? null;
    const exported = json.contributors.find((x) => x.login === login);
    expect(exported, String(login)).toBeDefined();
    const at = (w: number) => c.weeks.find((x) => Number(x.w) === w);
    expect(exported!.commits).toEqual(weeks.map((w) => at(w)?.c ?? 0));
    expect(exported!.additions).toEqual(weeks.map((w) => at(w)?.a ?? 0));
  }
  await expect(section.locator('[data-export-problem]')).toHaveCount(0);
});
