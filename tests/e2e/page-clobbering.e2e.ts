/**
 * DOM clobbering: an element with an `id` is a property of every world's `window`, Statboard's
 * isolated world included, so a page can put an element where the panel keeps a global. The
 * panel checks what it finds (utils/page/controller.ts, components/repo/chartsPart.ts): such a
 * page gets a working panel, not a broken one.
 */
import { contentScriptWorld } from './contentWorld';
import { test, expect, READY, REPO_SECTIONS } from './fixtures';

test('elements named like the panel\'s globals, there before the panel starts, change nothing', async ({ page, panel, extensionId }) => {
  // In the document from its first element on, before the background injects the panel.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      observer.disconnect();
      document.body.insertAdjacentHTML('afterbegin', '<div id="__statboardPanels"></div><div id="__statboardRepoCharts"></div>');
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('https://github.com/acme/rocket');
  const world = await contentScriptWorld(page, extensionId);
  // The clobbering is real: the page's elements are what the isolated world sees by those names.
  expect(await world.evaluate<string>('document.getElementById("__statboardRepoCharts") === window.__statboardRepoCharts')).toBe(true);
  const p = panel(page, 'repo');
  for (const s of REPO_SECTIONS) await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
  expect(await world.evaluate<boolean>('window.__statboardPanels instanceof Set && window.__statboardPanels.has("repo")')).toBe(true);
  // Chart.js comes from the part, not from the page's element.
  await p.section('code-frequency').scrollIntoViewIfNeeded();
  await expect(p.section('code-frequency').locator('canvas')).toHaveAttribute('data-chart', 'drawn', READY);
  await world.detach();
});
