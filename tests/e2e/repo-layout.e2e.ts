import { test, expect, READY, REPO_SECTIONS } from './fixtures';

for (const layout of ['2026-08', '2022'] as const) {
  test(`while loading the panel reserves its height: GitHub's sidebar below it does not move when data arrives (${layout})`, async ({ page, panel, mock }) => {
    // Slow answers, so the loading state is on screen long enough to measure.
    mock.script('GET', /\/stats\//, REPO_SECTIONS.map(() => ({ delayMs: 2500 })));
    await page.goto(`https://github.com/acme/rocket?layout=${layout}`);
    const p = panel(page, 'repo');
    await expect(p.section('contributors')).toHaveAttribute('data-state', 'loading', { timeout: 20_000 });
    // The section below the panel (Releases): the panel's own height must not change while it loads.
    const releasesTop = () =>
      page.locator('[data-position="end"] h2, .Layout-sidebar h2', { hasText: 'Releases' }).first().evaluate((el) => el.getBoundingClientRect().top);
    const before = await releasesTop();
    for (const s of REPO_SECTIONS) await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
    expect(Math.abs((await releasesTop()) - before)).toBeLessThanOrEqual(2);
  });
}

test('big history (800 weeks, 100 people): charts are summed to a few hundred points, tables keep every row', async ({ page, panel, mock }) => {
  await page.goto('https://github.com/acme/monolith');
  const p = panel(page, 'repo');
  await expect(p.section('code-frequency')).toHaveAttribute('data-state', 'ready', READY);
  const weeks = mock.repo('acme/monolith').answers.code_frequency.length;
  const perBar = Math.ceil(weeks / 260);
  expect(perBar).toBeGreaterThan(1);
  await expect(p.section('code-frequency').locator('.sb-summary')).toContainText(`Each bar sums ${perBar} weeks.`);
  await expect((await p.shownTable('code-frequency')).locator('tbody tr')).toHaveCount(weeks);
  await expect(p.section('contributors')).toHaveAttribute('data-state', 'ready', READY);
  await p.section('contributors').getByLabel('Contributors window').selectOption('all');
  await expect(p.section('contributors').locator('.sb-person')).toHaveCount(10);
});

test('preferences: a section turned off in the options disappears at once and is not fetched', async ({ page, panel, mock, worker }) => {
  await page.goto('https://github.com/acme/rocket');
  const p = panel(page, 'repo');
  await expect(p.section('punch-card')).toHaveAttribute('data-state', 'ready', READY);
  // What the options page saves (utils/settings.ts: preferencesItem, `sync:preferences`).
  await worker.evaluate(() =>
    chrome.storage.sync.set({
      preferences: { repoSections: { 'commit-activity': true, 'code-frequency': true, contributors: true, participation: true, 'punch-card': false } },
    }),
  );
  await expect(p.section('punch-card')).toHaveCount(0);
  await expect(p.root.locator('[data-stat="busiest-hour"] dd')).toHaveText(/^—/);

  // A repository not seen before (nothing cached): its punch card is never asked for.
  await page.goto('https://github.com/acme/huge');
  await expect(p.section('participation')).toHaveAttribute('data-state', 'ready', READY);
  await expect(p.section('punch-card')).toHaveCount(0);
  expect(mock.count(/\/repos\/acme\/huge\/stats\/participation/)).toBeGreaterThan(0);
  expect(mock.count(/\/repos\/acme\/huge\/stats\/punch_card/)).toBe(0);
});
