import { test, expect } from './fixtures';

const READY = { timeout: 30_000 };

test('after a push the headline keeps its numbers while GitHub recomputes the sections', async ({ page, worker, mock, panel }) => {
  test.setTimeout(90_000);
  // A 3-second freshness window, so the revisit after the push asks GitHub again.
  await worker.evaluate(() => chrome.storage.sync.set({ preferences: { freshnessMinutes: 0.05 } }));
  // Three 202s per computed stat, before the first answer and again after each push.
  mock.addRepo({ owner: 'acme', name: 'pushed', computeAttempts: 3 });
  await page.goto('https://github.com/acme/pushed');
  const p = panel(page, 'repo');
  await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'ready', READY);
  const commits = p.root.locator('[data-stat="commits"] dd');
  await expect(commits).toHaveText(/\d/);

  // The default branch moves: new head, the stats are computed again.
  mock.push('acme', 'pushed');
  await page.waitForTimeout(3_500);
  await page.reload();
  await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'computing', READY);
  // Read the headline, then check the section was still computing: the numbers were there mid-computation.
  const text = await commits.textContent();
  expect(await p.section('commit-activity').getAttribute('data-state')).toBe('computing');
  expect(text).toMatch(/^\d/);
});
