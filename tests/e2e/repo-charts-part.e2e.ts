/**
 * The repository panel's charts part (components/repo/chartsPart.ts): the panel's first section
 * draws DOM columns, and Chart.js for the charts below it is injected only when the first of them
 * comes near the viewport, once per page (soft navigations included). A failed load says so in
 * the chart's place and Retry draws it.
 */
import { parsedScripts } from './parsedScripts';
import { test, expect, READY, softNavigate } from './fixtures';

const PART = 'repo-charts.js';

test('a view of the first section never loads Chart.js; scrolling to a Chart.js chart loads it once, also for the next repository', async ({ page, panel }) => {
  const parsed = await parsedScripts(page);
  await page.goto('https://github.com/acme/rocket');
  const p = panel(page, 'repo');
  await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'ready', READY);
  await expect(p.section('commit-activity').locator('[role="img"][data-chart="drawn"]')).toHaveCount(2);
  await page.waitForTimeout(1_000); // time for a (wrong) injection to show up
  expect(parsed('repo-panel.js')).toBe(1);
  expect(parsed(PART)).toBe(0);
  await expect(p.root.locator('canvas[data-chart]')).toHaveCount(0);

  await p.section('code-frequency').scrollIntoViewIfNeeded();
  await expect(p.section('code-frequency').locator('canvas')).toHaveAttribute('data-chart', 'drawn', READY);
  await p.section('punch-card').scrollIntoViewIfNeeded();
  await expect(p.section('punch-card').locator('canvas')).toHaveAttribute('data-chart', 'drawn', READY);
  expect(parsed(PART)).toBe(1);

  // The next repository's panel draws with the Chart.js already in the page.
  await page.evaluate(() => scrollTo(0, 0));
  await softNavigate(page, '/acme/huge', 'turbo');
  await expect(p.root.locator('[data-stat="commits"] dd')).not.toHaveText('—', READY);
  await p.section('participation').scrollIntoViewIfNeeded();
  await expect(p.section('participation').locator('canvas')).toHaveAttribute('data-chart', 'drawn', READY);
  expect(parsed(PART)).toBe(1);
});

test('a charts part that cannot be loaded says so in the chart\'s place; Retry draws the chart', async ({ page, panel, worker }) => {
  // The background's injection of the part fails once, as it does when the tab cannot be scripted.
  await worker.evaluate(() => {
    const scripting = chrome.scripting as unknown as { executeScript(details: { files?: string[] }): Promise<unknown> };
    const real = scripting.executeScript.bind(scripting);
    let refusals = 1;
    scripting.executeScript = (details) =>
      details.files?.includes('/repo-charts.js') && refusals-- > 0 ? Promise.reject(new Error('Cannot access the page.')) : real(details);
  });
  await page.goto('https://github.com/acme/rocket');
  const p = panel(page, 'repo');
  await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'ready', READY);
  const section = p.section('code-frequency');
  await section.scrollIntoViewIfNeeded();
  const problem = section.getByRole('status').filter({ hasText: 'The chart could not be drawn' });
  await expect(problem).toContainText('Cannot access the page.', READY);
  await expect(section.locator('canvas')).toHaveAttribute('data-chart', 'failed');
  // The section's numbers are still there: only the chart is missing.
  await expect(section).toHaveAttribute('data-state', 'ready');
  await expect(section.locator('.sb-summary').first()).not.toBeEmpty();

  await problem.getByRole('button', { name: 'Retry' }).click();
  await expect(section.locator('canvas')).toHaveAttribute('data-chart', 'drawn', READY);
  await expect(problem).toHaveCount(0);
});
