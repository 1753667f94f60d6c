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
  expect(scripts()).toEqual(['repo-panel.js']);
  expect(worlds()).toBe(1); // the panel's, and only it

  await softNavigate(page, '/acme', 'turbo');
  await expect(page.locator('[data-statboard="org"]')).toHaveCount(1);
  await expect(page.locator('[data-statboard="repo"]')).toHaveCount(0);
  expect(scripts()).toEqual(['org-panel.js', 'repo-panel.js']);
  // Back to a repository in the same document: its panel runs there already.
  await softNavigate(page, '/acme/rocket', 'react');
  await expect(page.locator('[data-statboard="repo"]')).toHaveCount(1);
  await page.waitForTimeout(300);
  expect(parsedTimes(page, 'repo-panel.js')).toBe(1);
  expect(parsedTimes(page, 'org-panel.js')).toBe(1);
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
  expect(scripts()).toEqual(['repo-panel.js']);

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
  expect(scripts()).toEqual(['repo-panel.js']);
  expect(parsedTimes(page, 'repo-panel.js')).toBe(1);
});

test('the bundle injected again into the same document replaces its panel: one panel, ready, its data still there', async ({ page, worker }) => {
  await page.goto('https://github.com/acme/rocket');
  const root = page.locator('[data-statboard="repo"]');
  await expect(root).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  const mounts = () => page.evaluate(() => performance.getEntriesByType('mark').filter((m) => m.name === 'statboard:repo-mount').length);
  expect(await mounts()).toBe(1);
  // What the background would do if it decided twice (it does not: one claim per document).
  await worker.evaluate(async (url) => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number }[]> }; scripting: { executeScript(o: object): Promise<unknown> } } }).chrome;
    const [tab] = await c.tabs.query({ url });
    await c.scripting.executeScript({ target: { tabId: tab!.id }, files: ['/repo-panel.js'] });
  }, 'https://github.com/acme/rocket');
  await expect.poll(mounts).toBe(2);
  await expect(page.locator('[data-statboard-host="repo"]')).toHaveCount(1);
  await expect(root).toHaveAttribute('data-state', 'ready');
  await expect(root.locator('[data-section="commit-activity"]')).toHaveAttribute('data-state', 'ready');
});
