import { DEMO_TOKENS } from '../mock-github';
import { test, expect, giveToken, readProtected, READY, REPO_SECTIONS, writeProtected } from './fixtures';

// Issue 17: without a token GitHub allows 60 requests an hour per IP. The panel asks only for
// what is seen, spends the last requests on purpose, and says plainly when the limit is near.

const statPath = (repo: string, stat: string) => new RegExp(`/repos/acme/${repo}/stats/${stat}$`);
const STAT_OF: Record<string, string> = {
  'commit-activity': 'commit_activity',
  'code-frequency': 'code_frequency',
  contributors: 'contributors',
  participation: 'participation',
  'punch-card': 'punch_card',
};

test.describe('without a token (GitHub\'s anonymous 60 an hour)', () => {
  test.use({ mockOptions: { anonymousLimit: 60 } });

  test('a section below the viewport makes no request until it is scrolled to; the headline says what is not loaded yet', async ({ page, panel, mock }) => {
    await page.goto('https://github.com/acme/rocket');
    const p = panel(page, 'repo');
    await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'ready', READY);
    // Its charts (every chart is an image with its sentence) are drawn.
    await expect(p.root.locator('[data-section="commit-activity"] [role="img"][data-chart="drawn"]').first()).toBeVisible();
    await expect(p.root.locator('[data-section="commit-activity"] [role="img"]:not([data-chart="drawn"])')).toHaveCount(0);
    // Settle, then check that the far sections were never asked for.
    await page.waitForTimeout(1500);
    for (const s of ['participation', 'punch-card']) {
      await expect(p.section(s)).toHaveAttribute('data-deferred', 'true');
      await expect(p.section(s)).toContainText('Not loaded yet');
      expect(mock.count(statPath('rocket', STAT_OF[s]!)), s).toBe(0);
    }
    // The headline: commit numbers are in; the punch card's wait for it and say so (no dash).
    await expect(p.root.locator('[data-stat="commits"]')).not.toHaveAttribute('data-pending', /./);
    await expect(p.root.locator('[data-stat="busiest-day"]')).toHaveAttribute('data-pending', 'deferred');
    await expect(p.root.locator('[data-stat="busiest-day"] dd')).toContainText('Not loaded yet');

    await p.section('punch-card').scrollIntoViewIfNeeded();
    await expect(p.section('punch-card')).toHaveAttribute('data-state', 'ready', READY);
    expect(mock.count(statPath('rocket', 'punch_card'))).toBe(1);
    await expect(p.root.locator('[data-stat="busiest-day"]')).not.toHaveAttribute('data-pending', /./);
    await expect(p.root.locator('[data-stat="busiest-day"] dd')).not.toContainText('Not loaded yet');
  });

  test('a section expanded by the user is fetched at once; nothing is fetched while the panel is collapsed', async ({ page, panel, mock, worker }) => {
    await worker.evaluate(() => chrome.storage.local.set({ panelUi: { collapsed: { repo: true, org: false } } }));
    await page.goto('https://github.com/acme/rocket');
    const p = panel(page, 'repo');
    await expect(p.root).toHaveAttribute('data-collapsed', 'true', READY);
    await page.waitForTimeout(1000);
    expect(mock.count(/\/stats\//)).toBe(0);
    await p.root.locator('[data-action="collapse"]').click();
    await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'ready', READY);
    expect(mock.count(statPath('rocket', 'commit_activity'))).toBe(1);
  });

  test('below the reserve: no 202 poll for a section out of view, no watch-list refresh; the panel says what is left and when it comes back', async ({ page, panel, mock, worker, openExtensionPage }) => {
    // Contributors computing when cold: 202 for its first eight answers.
    mock.addRepo({ ...mock.repoSpecs.get('acme/rocket')!, name: 'rocket', computeAttempts: 8 });
    await page.goto('https://github.com/acme/rocket');
    const p = panel(page, 'repo');
    const contributors = p.section('contributors');
    await contributors.scrollIntoViewIfNeeded();
    await expect(contributors).toHaveAttribute('data-state', 'computing', READY);
    // Another program on this network spends the budget: the next answer says 10 left.
    mock.setRateLimit(null, { remaining: 11 });
    // Scroll away, back to the top: contributors is out of view.
    await page.evaluate(() => scrollTo(0, 0));
    const polled = mock.count(statPath('rocket', 'contributors'));
    await expect(p.root.locator('[data-budget="low"]')).toBeVisible({ timeout: 30_000 });
    await page.waitForTimeout(6000);
    // At most the poll already out when the budget was learnt; none after.
    const after = mock.count(statPath('rocket', 'contributors'));
    expect(after - polled).toBeLessThanOrEqual(1);
    await page.waitForTimeout(6000);
    expect(mock.count(statPath('rocket', 'contributors'))).toBe(after);

    // The notice: what is left (as the headers say, not our own count), when, the token action.
    const notice = p.root.locator('[data-budget="low"]');
    const remaining = Number(/(\d+) of 60 requests left/.exec((await notice.textContent()) ?? '')?.[1]);
    expect(remaining).toBeLessThanOrEqual(10);
    await expect(notice).toContainText(/come back at \d\d:\d\d/);
    await expect(notice).toContainText('A token raises the limit to 5,000 an hour.');

    // No watch-list refresh runs below the reserve.
    await writeProtected(worker, 'watchlist', [{ host: 'github.com', kind: 'repo', name: 'acme/gears', addedAt: 1 }]);
    mock.addRepo({ owner: 'acme', name: 'gears', weeks: 52 });
    const before = mock.requests.length;
    const popup = await openExtensionPage('popup.html');
    await popup.evaluate(() => chrome.runtime.sendMessage({ statboard: 'command', command: { type: 'watchlist.refresh' } }));
    expect(mock.requests.slice(before).filter((r) => r.path.startsWith('/repos/acme/gears'))).toHaveLength(0);
    // Not even started: the entry was not marked "rate limited" by a refresh held back.
    const list = (await readProtected(worker, 'watchlist')) as { latest?: unknown }[];
    expect(list).toHaveLength(1);
    expect(list[0]?.latest).toBeUndefined();
    // The popup says the same as the panel.
    await expect(popup.locator('[data-budget="low"]')).toContainText('A token raises the limit to 5,000 an hour.');

    // Scrolled back into view, the poll resumes.
    await contributors.scrollIntoViewIfNeeded();
    await expect.poll(() => mock.count(statPath('rocket', 'contributors')), { timeout: 20_000 }).toBeGreaterThan(after);
  });

  test('the token action opens the options at the token field', async ({ page, panel, mock, context }) => {
    mock.setRateLimit(null, { remaining: 3 });
    await page.goto('https://github.com/acme/rocket');
    const p = panel(page, 'repo');
    const button = p.root.locator('[data-budget] [data-action="add-token"]');
    await expect(button).toBeVisible(READY);
    const [options] = await Promise.all([context.waitForEvent('page'), button.click()]);
    await options.waitForLoadState();
    expect(new URL(options.url()).hash).toBe('#token');
    await expect(options.locator('input[name="token"]')).toBeFocused();
  });
});

test('with a token the sections out of view are prefetched after the visible ones settle', async ({ page, panel, mock, openExtensionPage }) => {
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  mock.clearRequests();
  await page.goto('https://github.com/acme/rocket');
  const p = panel(page, 'repo');
  for (const s of REPO_SECTIONS) await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
  expect(await page.evaluate(() => scrollY)).toBe(0);
  const first = (stat: string) => mock.requests.findIndex((r) => statPath('rocket', stat).test(r.path));
  const lastAnswerOf = (stat: string) => mock.requests.map((r, i) => (statPath('rocket', stat).test(r.path) && r.status === 200 ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  // The first section (in view) was answered before the far ones were asked for.
  expect(lastAnswerOf('commit_activity')).toBeGreaterThanOrEqual(0);
  for (const far of ['participation', 'punch_card']) expect(first(far), far).toBeGreaterThan(lastAnswerOf('commit_activity'));
});

test('an answer that lowers x-ratelimit-remaining below our own count is believed', async ({ page, panel, mock }) => {
  await page.goto('https://github.com/acme/rocket');
  const p = panel(page, 'repo');
  await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'ready', READY);
  // Statboard has spent a few of 5,000; someone else on the network spent nearly all of them.
  const ours = 5000 - mock.counted().length;
  mock.setRateLimit(null, { remaining: 30 });
  mock.addRepo({ owner: 'acme', name: 'docs', weeks: 52 });
  await page.goto('https://github.com/acme/docs');
  const notice = p.root.locator('[data-budget="low"]');
  await expect(notice).toBeVisible(READY);
  const left = Number(/(\d+) of 5,000 requests left/.exec((await notice.textContent()) ?? '')?.[1]);
  // What the headers said (30, less this visit's few), not what our own count expected (~4,990).
  expect(left).toBeLessThan(30);
  expect(left).toBeLessThan(ours - 100);
});
