import type { MockGitHub } from '../mock-github';
import { test, expect, READY, REPO_SECTIONS, type PanelLocators } from './fixtures';

/** acme/monolith's panel: every chart drawn (each with its summary), the long hidden tables full. */
async function expectEveryChartAndTable(p: PanelLocators, mock: MockGitHub): Promise<void> {
  const canvases = p.root.locator('canvas');
  expect(await canvases.count()).toBeGreaterThanOrEqual(5);
  // Each canvas carries its summary from the start, drawn or not.
  for (const canvas of await canvases.all()) await expect(canvas).toHaveAttribute('aria-label', /\S/);
  await expect(p.root.locator('canvas:not([data-chart="drawn"])')).toHaveCount(0);
  const weeks = mock.repo('acme/monolith').answers.code_frequency.length;
  await expect(p.table('code-frequency').locator('tbody tr')).toHaveCount(weeks);
  await expect(p.table('punch-card').locator('tbody tr')).toHaveCount(168);
}

// The panel draws charts far below the viewport and builds hidden tables' rows after the visible
// charts (components/kit ChartCanvas, DataTable). These are the guarantees that must survive it.
// Sections out of view are fetched only when the budget is roomy (a token's 5,000; the mock's
// default anonymous limit is as large), after the visible ones settle: so here every section
// arrives without scrolling. On GitHub's anonymous 60 they arrive when scrolled to (last test).

test('every chart is drawn without scrolling, and every hidden table fills in', async ({ page, panel, mock }) => {
  await page.goto('https://github.com/acme/monolith');
  const p = panel(page, 'repo');
  for (const s of REPO_SECTIONS) await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
  expect(await page.evaluate(() => scrollY)).toBe(0);
  await expectEveryChartAndTable(p, mock);
  expect(await page.evaluate(() => scrollY)).toBe(0);
});

test('Show table pressed as soon as a section is ready shows every row at once', async ({ page, panel, mock }) => {
  await page.goto('https://github.com/acme/monolith');
  const p = panel(page, 'repo');
  const section = p.section('code-frequency');
  await expect(section).toHaveAttribute('data-state', 'ready', READY);
  await section.getByRole('button', { name: 'Show table' }).click();
  // Read once, without waiting: the click itself must have built every row.
  const weeks = mock.repo('acme/monolith').answers.code_frequency.length;
  expect(await p.table('code-frequency').locator('tbody tr').count()).toBe(weeks);
  await expect(p.table('code-frequency')).toBeVisible();
});

test('a section turned off before the first visit is never fetched, even though settings and queries start early', async ({ page, panel, mock, worker }) => {
  await worker.evaluate(() =>
    chrome.storage.sync.set({ preferences: { repoSections: { 'code-frequency': false } } }),
  );
  await page.goto('https://github.com/acme/huge');
  const p = panel(page, 'repo');
  await expect(p.section('punch-card')).toHaveAttribute('data-state', 'ready', READY);
  await expect(p.section('code-frequency')).toHaveCount(0);
  expect(mock.count(/\/repos\/acme\/huge\/stats\/punch_card/)).toBeGreaterThan(0);
  expect(mock.count(/\/repos\/acme\/huge\/stats\/code_frequency/)).toBe(0);
});

test.describe('on the anonymous 60 an hour', () => {
  test.use({ mockOptions: { anonymousLimit: 60 } });

  test('every chart is drawn and every hidden table fills in once its section is scrolled to', async ({ page, panel, mock }) => {
    await page.goto('https://github.com/acme/monolith');
    const p = panel(page, 'repo');
    await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'ready', READY);
    // Scroll each section into view in turn; it is fetched then, and drawn.
    for (const s of REPO_SECTIONS) {
      await p.section(s).scrollIntoViewIfNeeded();
      await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
    }
    await expectEveryChartAndTable(p, mock);
    // One answer per statistic (202 polls aside): scrolling back and forth asks nothing again.
    for (const stat of ['commit_activity', 'code_frequency', 'contributors', 'participation', 'punch_card']) {
      expect(mock.requestsTo(new RegExp(`/repos/acme/monolith/stats/${stat}$`)).filter((r) => r.status === 200).length, stat).toBe(1);
    }
  });
});
