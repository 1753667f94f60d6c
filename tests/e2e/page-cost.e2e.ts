import type { Page } from '@playwright/test';
import { test, expect, softNavigate } from './fixtures';

/** Every extension script Chromium parses in the page (all worlds), by file name. */
async function parsedExtensionScripts(page: Page): Promise<() => string[]> {
  const cdp = await page.context().newCDPSession(page);
  const seen: string[] = [];
  cdp.on('Debugger.scriptParsed', ({ url }) => {
    if (url.startsWith('chrome-extension://')) seen.push(new URL(url).pathname.replace(/^\//, ''));
  });
  await cdp.send('Debugger.enable');
  return () => [...new Set(seen)].sort();
}

test('a GitHub page without a panel parses only the small page detector', async ({ page }) => {
  const scripts = await parsedExtensionScripts(page);
  await page.goto('https://github.com/acme/rocket/issues/1');
  await expect.poll(scripts).toContain('content-scripts/github.js');
  await page.waitForTimeout(1_000); // time for a (wrong) injection to show up
  expect(scripts()).toEqual(['content-scripts/github.js']);
  await expect(page.locator('[data-statboard]')).toHaveCount(0);
});

test('a repository page gets the repository panel only; soft navigation to an org page brings the org panel', async ({ page }) => {
  const scripts = await parsedExtensionScripts(page);
  await page.goto('https://github.com/acme/rocket');
  await expect(page.locator('[data-statboard="repo"]')).toHaveCount(1);
  expect(scripts()).toEqual(['content-scripts/github.js', 'content-scripts/repo-panel.js']);

  await softNavigate(page, '/acme', 'turbo');
  await expect(page.locator('[data-statboard="org"]')).toHaveCount(1);
  await expect(page.locator('[data-statboard="repo"]')).toHaveCount(0);
  expect(scripts()).toEqual(['content-scripts/github.js', 'content-scripts/org-panel.js', 'content-scripts/repo-panel.js']);
});
