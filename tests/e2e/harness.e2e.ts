/**
 * Proves the test harness itself: the extension loads, the mock serves GitHub-like pages, and the
 * extension service worker's requests reach the mock (scripted answers included).
 */
import { test, expect, sendCommand, setTheme, softNavigate } from './fixtures';

test('the extension loads and its worker runs from the extension origin', async ({ worker, extensionId }) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  expect(worker.url()).toBe(`chrome-extension://${extensionId}/background.js`);
});

test('the mock serves a repository page with GitHub meta tags and the sidebar anchor', async ({ page }) => {
  const response = await page.goto('https://github.com/acme/rocket');
  expect(response?.status()).toBe(200);
  await expect(page.locator('meta[name="octolytics-dimension-repository_nwo"]')).toHaveAttribute('content', 'acme/rocket');
  await expect(page.locator('meta[name="octolytics-dimension-repository_public"]')).toHaveAttribute('content', 'true');
  await expect(page.locator('meta[name="user-login"]')).toHaveAttribute('content', 'mona');
  // The newest layout by default (2026-08): CSS-module sections, no .BorderGrid; About first.
  await expect(page.locator('[data-component="SplitPageLayout.Pane"] [class*="SidebarSection-module__sidebarSection__"]').first()).toContainText('About');
  await expect(page.locator('.BorderGrid, .Layout-sidebar')).toHaveCount(0);
  await expect(page.locator('main > #repository-container-header')).toHaveCount(1);
  // Primer variables are defined, so the page (and the panel inheriting them) is themed.
  const fg = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--fgColor-default').trim());
  expect(fg).toMatch(/^#[0-9a-f]{6}$/i);
});

test('the theme switch and soft navigation behave like GitHub', async ({ page }) => {
  await page.goto('https://github.com/acme/rocket?theme=dark');
  await expect(page.locator('html')).toHaveAttribute('data-color-mode', 'dark');
  await setTheme(page, 'light');
  await expect(page.locator('html')).toHaveAttribute('data-color-mode', 'light');

  const rendered = page.evaluate(() => new Promise<string>((r) => document.addEventListener('turbo:render', () => r(location.pathname), { once: true })));
  await softNavigate(page, '/acme', 'turbo');
  expect(await rendered).toBe('/acme');
  await expect(page.locator('meta[name="hovercard-subject-tag"]')).toHaveAttribute('content', /^organization:\d+$/);
  await expect(page.locator('meta[name="octolytics-dimension-repository_nwo"]')).toHaveCount(0);

  await page.goBack();
  await expect(page).toHaveURL(/\/acme\/rocket\?theme=dark$/);
  await expect(page.locator('meta[name="octolytics-dimension-repository_nwo"]')).toHaveAttribute('content', 'acme/rocket');
  await expect(page.locator('[class*="CodeViewSidebar-module__borderGrid__"]')).toHaveCount(1);
});

test('requests made by the extension worker are answered by the mock', async ({ worker, mock }) => {
  const answer = await worker.evaluate(async () => {
    const res = await fetch('https://api.github.com/rate_limit', { headers: { accept: 'application/vnd.github+json' } });
    return { status: res.status, remaining: res.headers.get('x-ratelimit-remaining'), body: await res.json() };
  });
  expect(answer.status).toBe(200);
  expect(answer.remaining).not.toBeNull();
  expect(answer.body.resources.core.limit).toBe(5000);
  expect(mock.count('/rate_limit')).toBeGreaterThanOrEqual(1);
  // /rate_limit is free: it does not count against the primary limit.
  expect(mock.requestsTo('/rate_limit').every((r) => !r.counted)).toBe(true);
});

test('a scripted 202-then-200 sequence reaches the worker in order', async ({ worker, mock }) => {
  const path = '/repos/acme/rocket/stats/contributors';
  mock.script('GET', path, [{ status: 202 }, { status: 202 }]);
  const statuses = await worker.evaluate(async (url) => {
    const out: number[] = [];
    for (let i = 0; i < 3; i++) out.push((await fetch(url, { headers: { accept: 'application/vnd.github+json' } })).status);
    return out;
  }, `https://api.github.com${path}`);
  expect(statuses).toEqual([202, 202, 200]);
  expect(mock.requestsTo(path).map((r) => r.status)).toEqual([202, 202, 200]);
  expect(mock.requestsTo(path).every((r) => r.headers['accept'] === 'application/vnd.github+json')).toBe(true);
});

test('stopWorker stops the service worker and a message starts a fresh one', async ({ worker, stopWorker, getWorker, openExtensionPage }) => {
  await worker.evaluate(() => ((self as unknown as { __harnessMark: number }).__harnessMark = 1));
  // Rejects unless Chromium reports the extension's worker as stopped.
  await stopWorker();
  // An extension page messaging the background wakes it, as a popup or content script would.
  const tab = await openExtensionPage('manifest.json');
  await sendCommand(tab, { type: 'popup.opened' });
  const again = await getWorker();
  // A fresh global scope: the mark set before the stop is gone.
  expect(await again.evaluate(() => (self as unknown as { __harnessMark?: number }).__harnessMark ?? null)).toBeNull();
});
