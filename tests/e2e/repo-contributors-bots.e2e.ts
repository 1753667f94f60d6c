/**
 * The contributors section when the chosen window holds only bot commits: with bots hidden it
 * says so and points to "Show bots" (it must not read as "No commits"), and showing bots lists them.
 */
import type { ContributorSpec } from '../mock-github';
import { test, expect, READY } from './fixtures';

const WEEKS = 60;

// Two people who stopped committing eight and twenty weeks ago, and a busy bot that commits every week.
const CONTRIBUTORS: ContributorSpec[] = [
  { login: 'lea-k', id: 5001, type: 'User', weeklyCommits: 6, firstWeekAgo: WEEKS - 1, lastWeekAgo: 8 },
  { login: 'sam-dev', id: 5002, type: 'User', weeklyCommits: 3, firstWeekAgo: 40, lastWeekAgo: 20 },
  { login: 'renovate[bot]', id: 29139614, type: 'Bot', weeklyCommits: 12, firstWeekAgo: WEEKS - 1, lastWeekAgo: 0 },
];

test('only bots committed in the chosen window: the section says so and offers to show them', async ({ page, mock, panel }) => {
  // A cold repository (five endpoints, two at a time) on two shared cores.
  test.setTimeout(90_000);
  mock.addRepo({ owner: 'acme', name: 'botty', seed: 23, weeks: WEEKS, contributors: CONTRIBUTORS });
  // The scenario itself: in the last 4 weeks of data, the bot committed and the people did not.
  const data = mock.repo('acme/botty');
  const lastFour = (row: number) => data.commits[row]!.slice(-4).reduce((a, b) => a + b, 0);
  expect([lastFour(0), lastFour(1)]).toEqual([0, 0]);
  const botCommits = lastFour(2);
  expect(botCommits).toBeGreaterThan(0);

  await page.goto('https://github.com/acme/botty');
  const section = panel(page, 'repo').section('contributors');
  await expect(section).toHaveAttribute('data-state', 'ready', READY);
  const summary = section.locator('.sb-summary');
  // The default window (52 weeks) has people in it; the bot is hidden, and not counted as a person.
  await expect(section.locator('.sb-person')).toHaveCount(2);
  await expect(summary).toContainText('2 people and 1 bot made');
  await expect(section.locator('.sb-people')).not.toContainText('renovate[bot]');

  await section.getByLabel('Contributors window').selectOption('4w');
  await expect(summary).toHaveText('Only bots committed in last 4 weeks; tick Show bots to list them.');
  await expect(section).not.toContainText('No commits');
  await expect(section.locator('.sb-person')).toHaveCount(0);
  const showBots = section.getByLabel(/Show bots/);
  await expect(showBots).not.toBeChecked();
  await expect(showBots).toBeVisible();

  await showBots.check();
  await expect(section.locator('.sb-person')).toHaveCount(1);
  await expect(section.locator('.sb-person-name')).toHaveText('renovate[bot]');
  await expect(section.locator('.sb-person-meta')).toContainText(`${botCommits.toLocaleString('en-US')} commits`);
  await expect(summary).toHaveText(`1 bot made ${botCommits.toLocaleString('en-US')} commits.`);
});
