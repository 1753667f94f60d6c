import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, READY } from './fixtures';

/**
 * The user withdraws Statboard's access to github.com the way Chrome lets them: site access "On
 * click" on chrome://extensions (Chrome refuses `permissions.remove` for a manifest host
 * permission, "You cannot remove required permissions"). chrome://extensions does it through
 * `developerPrivate.updateExtensionConfiguration`, which this calls from that very page.
 */
async function setSiteAccess(context: BrowserContext, extensionId: string, hostAccess: 'ON_CLICK' | 'ON_ALL_SITES'): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome://extensions/?id=${extensionId}`);
    await page.evaluate(
      ([id, access]) =>
        (globalThis as unknown as { chrome: { developerPrivate: { updateExtensionConfiguration(c: object): Promise<void> } } }).chrome.developerPrivate.updateExtensionConfiguration({
          extensionId: id,
          hostAccess: access,
        }),
      [extensionId, hostAccess] as const,
    );
  } finally {
    await page.close();
  }
}

const notice = (page: Page) => page.locator('[data-host-access="missing"][data-host="github.com"]');

test('a withdrawn github.com access is said in the options and the popup, with a button that asks the browser again', async ({ context, extensionId, openExtensionPage, page, panel }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.locator('[data-statboard="options"]')).toHaveAttribute('data-state', 'ready');
  await expect(notice(options)).toHaveCount(0);

  await setSiteAccess(context, extensionId, 'ON_CLICK');
  // The open options page hears permissions.onRemoved: no reload needed.
  await expect(notice(options)).toBeVisible();
  await expect(notice(options)).toContainText('Statboard has no access to github.com');
  await expect(options.locator('li[data-host="github.com"] [data-host-access-row="missing"]')).toBeVisible();

  const popup = await openExtensionPage(`popup.html?tab=${encodeURIComponent('https://github.com/acme/rocket')}`);
  await expect(notice(popup)).toBeVisible();
  await expect(notice(popup).getByRole('button', { name: 'Allow access to github.com' })).toBeVisible();

  // What the notice explains: repository pages show no panel now.
  await page.goto('https://github.com/acme/rocket');
  await page.locator('h2', { hasText: 'About' }).first().waitFor();
  await page.waitForTimeout(1500);
  await expect(panel(page, 'repo').root).toHaveCount(0);

  // The button asks the browser from the click (Chrome shows its prompt: the request is pending,
  // not refused). Headless Chromium's prompt cannot be answered from a test; the user's answer
  // is the same grant as site access "On all sites", which the open pages hear at once.
  await notice(options).getByRole('button', { name: 'Allow access to github.com' }).click();
  await options.waitForTimeout(500);
  await expect(notice(options)).not.toContainText('did not grant');
  await setSiteAccess(context, extensionId, 'ON_ALL_SITES');
  await expect(notice(options)).toHaveCount(0);
  await expect(options.locator('[data-host-access-row]')).toHaveCount(0);
  await expect(notice(popup)).toHaveCount(0);

  await page.reload();
  await expect(panel(page, 'repo').root).toHaveAttribute('data-state', 'ready', READY);
});
