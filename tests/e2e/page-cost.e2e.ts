import type { Page } from '@playwright/test';
import { test, expect, softNavigate } from './fixtures';

/**
 * Every extension script file Chromium parses in the page (all worlds), by file name, once each;
 * `parsedTimes` counts each parse (a file injected twice is parsed twice).
 */
const parsed = new WeakMap<Page, string[]>();
function parsedTimes(page: Page, file: string): number {
  return (parsed.get(page) ?? []).filter((f) => f === file).length;
}
async function parsedExtensionScripts(page: Page): Promise<() => string[]> {
  const cdp = await page.context().newCDPSession(page);
  const seen: string[] = [];
  cdp.on('Debugger.scriptParsed', ({ url }) => {
    if (url.startsWith('chrome-extension://')) seen.push(new URL(url).pathname.replace(/^\//, ''));
  });
  await cdp.send('Debugger.enable');
  parsed.set(page, seen);
  return () => [...new Set(seen)].sort();
}

/** The isolated worlds Chromium made for extensions in the page's frames (a content script's world). */
async function extensionWorlds(page: Page): Promise<() => number> {
  const cdp = await page.context().newCDPSession(page);
  let worlds = 0;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    // Playwright makes its own isolated worlds (`__playwright_utility_world_*`); an extension's is named after it.
    if (context.auxData?.type === 'isolated' && !String(context.name).startsWith('__playwright')) worlds++;
  });
  await cdp.send('Runtime.enable');
  return () => worlds;
}

test('an issue page (no panel) runs no extension script and gets no isolated world', async ({ page }) => {
  const scripts = await parsedExtensionScripts(page);
  const worlds = await extensionWorlds(page);
  await page.goto('https://github.com/acme/rocket/issues/1');
  await page.waitForLoadState('load');
  await page.waitForTimeout(1_000); // time for a (wrong) injection to show up
  expect(scripts()).toEqual([]);
  expect(worlds()).toBe(0);
  await expect(page.locator('[data-statboard], [data-statboard-host]')).toHaveCount(0);
});

test('a user profile (`/NAME`, not an organization) gets a probe but no extension script file and no isolated world', async ({ page }) => {
  const scripts = await parsedExtensionScripts(page);
  const worlds = await extensionWorlds(page);
  await page.goto('https://github.com/mona');
  await page.waitForLoadState('load');
  await page.waitForTimeout(1_000);
  expect(scripts()).toEqual([]);
  expect(worlds()).toBe(0);
  await expect(page.locator('[data-statboard], [data-statboard-host]')).toHaveCount(0);
});

test('a repository page gets the repository panel only; soft navigation to an org page brings the org panel', async ({ page }) => {
  const scripts = await parsedExtensionScripts(page);
  const worlds = await extensionWorlds(page);
  await page.goto('https://github.com/acme/rocket');
  await expect(page.locator('[data-statboard="repo"]')).toHaveCount(1);
  expect(scripts()).toEqual(['content-scripts/repo-panel.js']);
  expect(worlds()).toBe(1); // the panel's, and only it

  await softNavigate(page, '/acme', 'turbo');
  await expect(page.locator('[data-statboard="org"]')).toHaveCount(1);
  await expect(page.locator('[data-statboard="repo"]')).toHaveCount(0);
  expect(scripts()).toEqual(['content-scripts/org-panel.js', 'content-scripts/repo-panel.js']);
  // Back to a repository in the same document: its panel runs there already.
  await softNavigate(page, '/acme/rocket', 'react');
  await expect(page.locator('[data-statboard="repo"]')).toHaveCount(1);
  await page.waitForTimeout(300);
  expect(parsedTimes(page, 'content-scripts/repo-panel.js')).toBe(1);
  expect(parsedTimes(page, 'content-scripts/org-panel.js')).toBe(1);
});

test('an issue page, then a soft navigation to a repository: the panel comes then, and once per page', async ({ page }) => {
  const scripts = await parsedExtensionScripts(page);
  const parses = () => page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name === 'statboard:repo-mount').length);
  await page.goto('https://github.com/acme/rocket/issues/1');
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  expect(scripts()).toEqual([]);

  await softNavigate(page, '/acme/rocket', 'react');
  await expect(page.locator('[data-statboard="repo"]')).toHaveCount(1);
  expect(scripts()).toEqual(['content-scripts/repo-panel.js']);

  // repo -> issue -> other repo -> back: the one injected panel follows; nothing is injected again.
  await softNavigate(page, '/acme/rocket/issues/1', 'turbo');
  await expect(page.locator('[data-statboard="repo"]')).toHaveCount(0);
  await softNavigate(page, '/acme/huge', 'turbo');
  await expect(page.locator('[data-statboard="repo"]')).toHaveCount(1);
  await page.goBack();
  await page.goBack();
  await expect(page.locator('[data-statboard="repo"]')).toHaveCount(1);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => location.pathname)).toBe('/acme/rocket');
  await expect(page.locator('[data-statboard-host="repo"]')).toHaveCount(1);
  expect(await parses()).toBeGreaterThanOrEqual(3);
  expect(scripts()).toEqual(['content-scripts/repo-panel.js']);
  expect(parsedTimes(page, 'content-scripts/repo-panel.js')).toBe(1);
});
