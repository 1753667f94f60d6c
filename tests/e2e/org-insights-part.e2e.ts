/**
 * The organization panel's API Insights part (components/org/insightsPart.ts): injected only when
 * a token holder's insights view is shown, once per page, and running on the panel's own Preact
 * (its views react to the panel's state: the window, the drill-down, the tabs).
 */
import { DEMO_TOKENS } from '../mock-github';
import { parsedScripts } from './parsedScripts';
import { test, expect, giveToken, READY } from './fixtures';

const PART = 'org-insights.js';

test('without a token the org panel never loads the insights part', async ({ page }) => {
  const parsed = await parsedScripts(page);
  await page.goto('https://github.com/acme');
  const root = page.locator('[data-statboard="org"]');
  await expect(root.locator('[data-section="activity"]')).toHaveAttribute('data-state', 'ready', READY);
  await expect(root.locator('[data-insights-note="no-token"]')).toHaveCount(1);
  await page.waitForTimeout(1_000); // time for a (wrong) injection to show up
  expect(parsed(PART)).toBe(0);
  expect(parsed('org-panel.js')).toBe(1);
});

test('with insights the part is injected once, and its views follow the panel across tabs', async ({ page, openExtensionPage }) => {
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  const parsed = await parsedScripts(page);
  await page.goto('https://github.com/acme');
  const root = page.locator('[data-statboard="org"]');
  await expect(root.locator('[data-section="time"]')).toHaveAttribute('data-state', 'ready', READY);
  expect(parsed(PART)).toBe(1);

  // Hooks in the part run on the panel's Preact: a window change re-renders its sections.
  await root.locator('[data-section="subjects"]').waitFor();
  await root.locator('[data-control="window"]').selectOption('24h');
  await expect(root.locator('.sb-subtitle')).toContainText('Last 24 hours');
  await expect(root.locator('[data-section="time"]')).toHaveAttribute('data-state', 'ready', READY);

  // Activity and back: the view is shown again from the part already loaded.
  await root.getByRole('tab', { name: 'Activity' }).click();
  await expect(root.locator('[data-section="activity"]')).toHaveAttribute('data-state', 'ready', READY);
  await root.getByRole('tab', { name: 'API Insights' }).click();
  await expect(root.locator('[data-section="time"]')).toHaveAttribute('data-state', 'ready', READY);
  expect(parsed(PART)).toBe(1);
});
