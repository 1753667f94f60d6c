import type { Page } from '@playwright/test';
import type { MockGitHub } from '../mock-github';
import { test, expect, READY, REPO_SECTIONS, type PanelLocators } from './fixtures';
import { expectedTopContributors } from './repo-expected';

/** "Far below the viewport": well beyond the margin within which a chart is drawn (components/kit/near.ts DRAW_PX, 48). */
const FAR_PX = 400;

/** Every chart, Chart.js canvas or DOM columns (the first section's): an image with its sentence. */
const CHART = '[role="img"]';

interface ChartPlace {
  section: string;
  drawn: boolean;
  top: number;
  bottom: number;
  viewport: number;
}

/** Every chart of the repo panel: its section, whether it is drawn, where it is now. */
function chartPlaces(page: Page): Promise<ChartPlace[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector('[data-statboard-host="repo"]')?.shadowRoot;
    return [...(root?.querySelectorAll(selector) ?? [])].map((chart) => {
      const rect = chart.getBoundingClientRect();
      return {
        section: chart.closest('[data-section]')?.getAttribute('data-section') ?? '',
        drawn: chart.getAttribute('data-chart') === 'drawn',
        top: rect.top,
        bottom: rect.bottom,
        viewport: innerHeight,
      };
    });
  }, CHART);
}

/** A section's charts drawn (each with its summary); its table, hidden, empty until "Show table", then full. */
async function expectDrawnAndFilled(p: PanelLocators, section: string, rows: number): Promise<void> {
  const charts = p.section(section).locator(CHART);
  for (const chart of await charts.all()) {
    await expect(chart).toHaveAttribute('aria-label', /\S/);
    await expect(chart).toHaveAttribute('data-chart', 'drawn');
  }
  await expect(p.table(section).locator('tbody tr')).toHaveCount(0);
  const table = await p.shownTable(section);
  await expect(table.locator('tbody tr')).toHaveCount(rows);
  await expect(table).toBeVisible();
}

/** acme/monolith's rows per hidden table (contributors: people of the last 52 weeks, bots hidden). */
function tableRows(mock: MockGitHub, contributors: number): Record<(typeof REPO_SECTIONS)[number], number> {
  return {
    'commit-activity': 52,
    'code-frequency': mock.repo('acme/monolith').answers.code_frequency.length,
    contributors,
    participation: 52,
    'punch-card': 168,
  };
}

/** Scrolls each section of acme/monolith's panel into view in turn: each is then ready and drawn, and its table fills when shown. */
async function scrollThroughEverySection(p: PanelLocators, mock: MockGitHub): Promise<void> {
  const rows = tableRows(mock, expectedTopContributors(mock.repo('acme/monolith').answers).length);
  for (const s of REPO_SECTIONS) {
    await p.section(s).scrollIntoViewIfNeeded();
    await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
    await expectDrawnAndFilled(p, s, rows[s]);
  }
  await expect(p.root.locator(`${CHART}:not([data-chart="drawn"])`)).toHaveCount(0);
}

/**
 * Nothing is drawn below the viewport until it comes near (issue 14: draw what is seen, not in
 * idle time), then everything there is, section by section as it is scrolled to; no hidden
 * table is built, on screen or not, until it is shown.
 */
async function expectDrawnOnlyWhenApproached(page: Page, p: PanelLocators, mock: MockGitHub): Promise<void> {
  const charts = p.root.locator(CHART);
  expect(await charts.count()).toBeGreaterThanOrEqual(5);
  // Each chart carries its summary from the start, drawn or not.
  for (const chart of await charts.all()) await expect(chart).toHaveAttribute('aria-label', /\S/);
  // The charts on screen are drawn with their section.
  await expect(p.section('commit-activity').locator(`${CHART}[data-chart="drawn"]`)).toHaveCount(2);
  // Longer than the idle fallback the panel used to have (1 s): idle time draws nothing.
  await page.waitForTimeout(1500);
  const places = await chartPlaces(page);
  const far = places.filter((c) => c.top > c.viewport + FAR_PX);
  expect(far.map((c) => c.section)).toEqual(expect.arrayContaining(['participation', 'punch-card']));
  expect(far.filter((c) => c.drawn), 'charts below the viewport drawn before they were approached').toEqual([]);
  for (const c of places.filter((x) => x.bottom > 0 && x.top < x.viewport)) expect(c.drawn, `${c.section} chart on screen`).toBe(true);
  // No hidden table is built, on screen or below (display: none: no one sees or reads its rows).
  for (const s of REPO_SECTIONS) await expect(p.table(s).locator('tbody tr'), s).toHaveCount(0);
  await expect(p.table('commit-activity').locator('thead th')).toHaveCount(9);
  expect(await page.evaluate(() => scrollY)).toBe(0);

  // Scrolled to, each section is drawn; shown, each table has every row.
  await scrollThroughEverySection(p, mock);
}

// The panel draws charts only for what is in or near the viewport (components/kit near.ts,
// ChartCanvas), the rest when scrolled to, never in idle time; a table's rows when it is shown (DataTable).
// Sections out of view are fetched only when the budget is roomy (a token's 5,000; the mock's
// default anonymous limit is as large), after the visible ones settle: so here every section
// arrives without scrolling, and is drawn only when approached. On GitHub's anonymous 60 they
// arrive when scrolled to (last test).

test('below the viewport nothing is drawn until scrolled to, no hidden table is built; then every chart is drawn and every table fills when shown', async ({ page, panel, mock }) => {
  await page.goto('https://github.com/acme/monolith');
  const p = panel(page, 'repo');
  for (const s of REPO_SECTIONS) await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
  expect(await page.evaluate(() => scrollY)).toBe(0);
  await expectDrawnOnlyWhenApproached(page, p, mock);
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

  test('every chart is drawn once its section is scrolled to, and every table fills when shown', async ({ page, panel, mock }) => {
    await page.goto('https://github.com/acme/monolith');
    const p = panel(page, 'repo');
    await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'ready', READY);
    // Scroll each section into view in turn; it is fetched then, and drawn.
    await scrollThroughEverySection(p, mock);
    // One answer per statistic (202 polls aside): scrolling back and forth asks nothing again.
    for (const stat of ['commit_activity', 'code_frequency', 'contributors', 'participation', 'punch_card']) {
      expect(mock.requestsTo(new RegExp(`/repos/acme/monolith/stats/${stat}$`)).filter((r) => r.status === 200).length, stat).toBe(1);
    }
  });
});
