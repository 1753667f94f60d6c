/**
 * Looks at the org panel: light and dark screenshots with a drill-down open (saved for a person to
 * view, not compared), and axe in both themes.
 */
import AxeBuilder from '@axe-core/playwright';
import { DEMO_TOKENS } from '../mock-github';
import { test, expect, giveToken } from './fixtures';

const SHOTS = process.env.STATBOARD_SHOTS ?? 'test-results/org-shots';

for (const theme of ['light', 'dark'] as const) {
  test(`org panel, ${theme}: drill-down screenshots are saved for review and axe passes`, async ({ page, panel, openExtensionPage }) => {
    await giveToken(openExtensionPage, DEMO_TOKENS.admin);
    await page.setViewportSize({ width: 1280, height: 2000 });
    await page.goto(`https://github.com/acme?theme=${theme}`);
    const org = panel(page, 'org');
    await expect(org.root).toHaveAttribute('data-state', 'ready');
    await expect(org.section('subjects')).toHaveAttribute('data-state', 'ready');
    await org.root.screenshot({ path: `${SHOTS}/org-${theme}-top.png` });

    const firstUser = org.section('subjects').locator('tbody tr', { hasText: 'User' }).first().locator('button.sb-drill');
    await firstUser.click();
    await expect(org.section('actors')).toHaveAttribute('data-state', 'ready');
    await org.root.screenshot({ path: `${SHOTS}/org-${theme}-user.png` });
    await org.section('actors').locator('tbody button.sb-drill').first().click();
    await expect(org.section('routes')).toHaveAttribute('data-state', 'ready');
    await org.root.screenshot({ path: `${SHOTS}/org-${theme}-actor.png` });

    const axe = await new AxeBuilder({ page }).include('[data-statboard-host="org"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('org panel without access: Activity with one quiet line, then the explanation', async ({ page, panel }) => {
  await page.goto('https://github.com/acme');
  const org = panel(page, 'org');
  await expect(org.section('activity')).toHaveAttribute('data-state', 'ready');
  await expect(org.root.locator('[data-insights-note]')).toContainText('Needs a token with API Insights access');
  await page.locator('[data-statboard-host="org"]').screenshot({ path: `${SHOTS}/org-no-access-collapsed.png` });
  await org.root.getByRole('button', { name: 'What API Insights need' }).click();
  await expect(org.root).toContainText('Statboard has no token for github.com.');
  await page.locator('[data-statboard-host="org"]').screenshot({ path: `${SHOTS}/org-no-access-open.png` });
  const axe = await new AxeBuilder({ page }).include('[data-statboard-host="org"]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
