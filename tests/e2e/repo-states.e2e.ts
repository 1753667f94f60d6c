import { test, expect, READY, REPO_SECTIONS } from './fixtures';
import { fmt } from './repo-expected';

test('202: computing shows the attempt and the next try, then the data', async ({ page, mock, panel }) => {
  mock.addRepo({ owner: 'acme', name: 'slow', computeAttempts: 3 });
  await page.goto('https://github.com/acme/slow');
  const section = panel(page, 'repo').section('commit-activity');
  await expect(section).toHaveAttribute('data-state', 'computing', READY);
  await expect(section).toContainText('GitHub is computing these statistics');
  await expect(section).toContainText(/Attempt \d/);
  await expect(section).not.toContainText('No commits');
  await expect(section).toHaveAttribute('data-state', 'ready', READY);
  const total = mock.repo('acme/slow').answers.commit_activity.reduce((a, w) => a + w.total, 0);
  await expect(section.locator('.sb-summary').first()).toContainText(`${fmt(total)} commits`);
});

test('204: an empty repository says there is nothing to count', async ({ page, panel }) => {
  await page.goto('https://github.com/acme/empty');
  const p = panel(page, 'repo');
  for (const s of ['commit-activity', 'code-frequency', 'contributors', 'punch-card']) {
    await expect(p.section(s)).toHaveAttribute('data-state', 'empty', READY);
    await expect(p.section(s).locator('.sb-state')).toHaveText('There are no commits to show yet.');
  }
  await expect(p.section('commit-activity').locator('table')).toHaveCount(0);
  await expect(p.root.locator('[data-stat="commits"] dd')).toHaveText(/^—/);
});

test('422: code frequency of a 10,000+ commit repository is too large, the rest still shows', async ({ page, panel }) => {
  await page.goto('https://github.com/acme/huge');
  const p = panel(page, 'repo');
  await expect(p.section('code-frequency')).toHaveAttribute('data-state', 'too-large', READY);
  await expect(p.section('code-frequency')).toContainText(
    'GitHub does not compute code frequency for repositories with 10,000 or more commits.',
  );
  await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'ready', READY);
  await expect(p.root).toHaveAttribute('data-state', 'ready');
});

test('no access: a private repository without a token points to the options', async ({ page, panel, context }) => {
  await page.goto('https://github.com/acme/secret');
  const p = panel(page, 'repo');
  await expect(p.root).toHaveAttribute('data-state', 'no-access', READY);
  for (const s of REPO_SECTIONS) {
    await expect(p.section(s)).toHaveAttribute('data-state', 'no-access');
  }
  // One shared reason and one button, not five copies.
  await expect(p.root.getByText(/private|token/).filter({ visible: true })).toHaveCount(1);
  const button = p.root.getByRole('button', { name: 'Open Statboard options' }).filter({ visible: true });
  await expect(button).toHaveCount(1);
  const options = context.waitForEvent('page', { predicate: (tab) => tab.url().includes('options') });
  await button.click();
  expect((await options).url()).toMatch(/^chrome-extension:\/\/.+options/);
});

test('rate limited: says when requests resume', async ({ page, mock, panel }) => {
  const resetAt = Date.now() + 10 * 60_000;
  mock.setRateLimit(null, { remaining: 0, resetAt, enforce: true });
  await page.goto('https://github.com/acme/rocket');
  const p = panel(page, 'repo');
  await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'rate-limited', READY);
  await expect(p.root).toHaveAttribute('data-state', 'rate-limited');
  await expect(p.root.getByText("GitHub's rate limit is reached").filter({ visible: true })).toHaveCount(1);
  await expect(p.root).toContainText(/ask again at \d\d:\d\d, in \d+ min \d\d s/);
});

test('a hostile login renders as text and runs nothing', async ({ page, mock, panel }) => {
  const hostile = '<img src=x onerror=alert(1)>';
  mock.addRepo({
    owner: 'acme',
    name: 'hostile',
    weeks: 30,
    contributors: [
      { login: hostile, id: 4242, type: 'User', weeklyCommits: 6, firstWeekAgo: 29, lastWeekAgo: 0 },
      { login: 'mona', id: 1, type: 'User', weeklyCommits: 2, firstWeekAgo: 29, lastWeekAgo: 0 },
    ],
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto('https://github.com/acme/hostile');
  const section = panel(page, 'repo').section('contributors');
  await expect(section).toHaveAttribute('data-state', 'ready', READY);
  await expect(section.locator('.sb-person-name').first()).toHaveText(hostile);
  await expect(panel(page, 'repo').root.locator('img')).toHaveCount(0);
  await expect(await panel(page, 'repo').shownTable('contributors')).toContainText(hostile);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

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
