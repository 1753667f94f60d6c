import { test, expect, READY, REPO_SECTIONS, sendCommand } from './fixtures';
import {
  expectedBusiestSlot,
  expectedCodeTotals,
  expectedHeadline,
  expectedOwnerShare,
  expectedTopContributors,
  fmt,
  isoDay,
  MINUS,
} from './repo-expected';

test.describe('repository panel on acme/rocket', () => {
  test.beforeEach(async ({ page, panel }) => {
    await page.goto('https://github.com/acme/rocket');
    const p = panel(page, 'repo');
    // Cold cache: the engine fetches five endpoints, two at a time; two browsers share two cores.
    for (const s of REPO_SECTIONS) await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
    await expect(p.root).toHaveAttribute('data-state', 'ready');
  });

  test('sits directly below the About section of the sidebar, once', async ({ page }) => {
    await expect(page.locator('[data-statboard="repo"]')).toHaveCount(1);
    const aboveHost = await page.evaluate(() => {
      const host = document.querySelector('[data-statboard-host="repo"]');
      return host?.previousElementSibling?.querySelector('h2')?.textContent?.trim() ?? null;
    });
    expect(aboveHost).toBe('About');
  });

  test('headline numbers match the scenario', async ({ page, mock }) => {
    const want = expectedHeadline(mock.repo('acme/rocket').answers);
    const stat = (id: string) => page.locator(`[data-statboard="repo"] [data-stat="${id}"] dd`);
    await expect(stat('commits')).toHaveText(new RegExp(`^${want.commits}`));
    await expect(stat('active-weeks')).toHaveText(new RegExp(`^${want.activeWeeks}`));
    await expect(stat('trend')).toHaveText(new RegExp(`^\\${want.trend}`));
    await expect(stat('busiest-day')).toHaveText(new RegExp(`^${want.busiestDay}`));
    await expect(stat('busiest-hour')).toHaveText(new RegExp(`^${want.busiestHour}`));
    await expect(stat('concentration')).toHaveText(new RegExp(`^${want.concentration}`));
  });

  test('a headline number explains itself on hover and on keyboard focus', async ({ page }) => {
    const trend = page.locator('[data-statboard="repo"] [data-stat="trend"]');
    await expect(trend).toHaveAttribute('title', /commits in the last 4 weeks against/);
    const why = trend.locator('.sb-why');
    await expect(why).toHaveCSS('position', 'absolute'); // visually hidden until focused
    await trend.focus();
    await expect(why).toHaveCSS('position', 'static');
    await expect(trend).toHaveAccessibleDescription(/commits in the last 4 weeks against/);
  });

  test('commit activity: 52 weekly rows and the year total', async ({ page, mock, panel }) => {
    const weeks = mock.repo('acme/rocket').answers.commit_activity;
    const p = panel(page, 'repo');
    const total = weeks.reduce((a, w) => a + w.total, 0);
    await expect(p.section('commit-activity').locator('.sb-summary').first()).toContainText(`${fmt(total)} commits in the last 52 weeks`);
    const rows = (await p.shownTable('commit-activity')).locator('tbody tr');
    await expect(rows).toHaveCount(52);
    await expect(rows.nth(51).locator('td').nth(0)).toHaveText(isoDay(weeks[51]!.week));
    await expect(rows.nth(51).locator('td').nth(1)).toHaveText(fmt(weeks[51]!.total));
    await expect(rows.nth(10).locator('td').nth(3)).toHaveText(fmt(weeks[10]!.days[1]!)); // Monday
    await expect(p.section('commit-activity').getByRole('img').first()).toHaveAttribute('aria-label', new RegExp(`${fmt(total)} in total`));
  });

  test('commit activity charts: a column per week and per weekday as tall as its commits, the week on hover', async ({ page, mock, panel }) => {
    const weeks = mock.repo('acme/rocket').answers.commit_activity;
    const section = panel(page, 'repo').section('commit-activity');
    const [weekly, weekday] = [section.getByRole('img').nth(0), section.getByRole('img').nth(1)];
    const weekdays = [0, 1, 2, 3, 4, 5, 6].map((d) => weeks.reduce((sum, w) => sum + (w.days[d] ?? 0), 0));
    await expect(weekday).toHaveAttribute('aria-label', `Commits per weekday: ${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].map((d, i) => `${d} ${fmt(weekdays[i]!)}`).join(', ')}.`);
    for (const [chart, values] of [[weekly, weeks.map((w) => w.total)], [weekday, weekdays]] as const) {
      const columns = chart.locator('.sb-column');
      await expect(columns).toHaveCount(values.length);
      const heights = await columns.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      const tallest = values.indexOf(Math.max(...values));
      const scale = heights[tallest]! / values[tallest]!;
      values.forEach((v, i) => expect(Math.abs(heights[i]! - v * scale), `column ${i}`).toBeLessThan(1.5));
    }
    // The weekday chart has no value axis: its columns alone show the shape.
    await expect(weekday.locator('.sb-columns-y span')).toHaveCount(0);
    await expect(weekly.locator('.sb-columns-y span').first()).toHaveText('0');
    const k = weeks.findIndex((w) => w.total === Math.max(...weeks.map((x) => x.total)));
    const box = (await weekly.locator('.sb-column').nth(k).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height - 2);
    await expect(weekly.locator('.sb-tip')).toHaveText(new RegExp(`^Week of .+: ${fmt(weeks[k]!.total)} commits$`));
  });

  test('code frequency: additions and deletions', async ({ page, mock, panel }) => {
    const want = expectedCodeTotals(mock.repo('acme/rocket').answers);
    const summary = panel(page, 'repo').section('code-frequency').locator('.sb-summary');
    await expect(summary).toContainText(`+${fmt(want.additions)} ${MINUS}${fmt(want.deletions)} lines over ${want.weeks} weeks`);
    await expect((await panel(page, 'repo').shownTable('code-frequency')).locator('tbody tr')).toHaveCount(want.weeks);
  });

  test('contributors: top ten by commits, bots hidden until asked, windows', async ({ page, mock, panel }) => {
    const answers = mock.repo('acme/rocket').answers;
    const top = expectedTopContributors(answers);
    const section = panel(page, 'repo').section('contributors');
    const people = section.locator('.sb-person');
    await expect(people).toHaveCount(10);
    for (let i = 0; i < 3; i++) {
      await expect(people.nth(i).locator('.sb-person-name')).toHaveText(top[i]!.login);
      await expect(people.nth(i).locator('.sb-person-meta')).toContainText(`${fmt(top[i]!.commits)} commits`);
    }
    await expect(people.nth(0).locator('a')).toHaveAttribute('href', `https://github.com/${top[0]!.login}`);
    await expect(section).not.toContainText('dependabot[bot]');

    await section.getByLabel(/Show bots/).check();
    await section.getByRole('button', { name: /Show all/ }).click();
    await expect(section.locator('.sb-people')).toContainText('dependabot[bot]');

    await section.getByLabel('Contributors window').selectOption('all');
    const everyone = answers.contributors.filter((c) => c.total > 0).length;
    await expect((await panel(page, 'repo').shownTable('contributors')).locator('tbody tr')).toHaveCount(everyone);
    // GitHub's author: null is shown as "unknown", without a link.
    await expect(section.locator('.sb-person-name', { hasText: /^unknown$/ })).toHaveCount(1);
    await expect(section.locator('.sb-person-name', { hasText: /^unknown$/ }).locator('a')).toHaveCount(0);
  });

  test('participation: the owner share', async ({ page, mock, panel }) => {
    const want = expectedOwnerShare(mock.repo('acme/rocket').answers);
    await expect(panel(page, 'repo').section('participation').locator('.sb-summary')).toHaveText(
      `The owner made ${want.share} of the ${want.all} commits in the last 52 weeks.`,
    );
    await expect((await panel(page, 'repo').shownTable('participation')).locator('tbody tr')).toHaveCount(52);
  });

  test('punch card: busiest slot and the time-zone note', async ({ page, mock, panel }) => {
    const section = panel(page, 'repo').section('punch-card');
    await expect(section).toContainText(expectedBusiestSlot(mock.repo('acme/rocket').answers));
    await expect(section).toContainText("Hours are in each commit's own time zone.");
    await expect((await panel(page, 'repo').shownTable('punch-card')).locator('tbody tr')).toHaveCount(168);
  });

  test('show table reveals the data; collapse is remembered across a reload', async ({ page, panel }) => {
    const p = panel(page, 'repo');
    const table = p.table('participation');
    // In the DOM but not rendered (display: none), wherever the page is scrolled.
    await expect(table).toHaveCount(1);
    await expect(table).toBeHidden();
    await p.section('participation').getByRole('button', { name: 'Show table' }).click();
    await table.scrollIntoViewIfNeeded();
    await expect(table).toBeVisible();
    await expect(table).toBeInViewport();
    expect((await table.boundingBox())!.height).toBeGreaterThan(100);

    await p.root.getByRole('button', { name: 'Collapse Repository statistics' }).click();
    await expect(p.section('commit-activity')).toBeHidden();
    await page.reload();
    await expect(p.root.getByRole('button', { name: 'Expand Repository statistics' })).toBeVisible();
    await expect(p.section('commit-activity')).toBeHidden();
    await p.root.getByRole('button', { name: 'Expand Repository statistics' }).click();
    await expect(p.section('commit-activity')).toBeVisible();
  });

  test('pin adds the repository to the watch list and unpin removes it', async ({ page, panel, openExtensionPage }) => {
    const pin = panel(page, 'repo').root.locator('[data-action="pin"]');
    await expect(pin).toHaveAttribute('aria-pressed', 'false');
    await pin.click();
    await expect(pin).toHaveAttribute('aria-pressed', 'true');
    const ext = await openExtensionPage('popup.html');
    const list = (await sendCommand(ext, { type: 'watchlist.get' })) as { name: string }[];
    expect(list.map((e) => e.name)).toContain('acme/rocket');
    await page.bringToFront();
    await pin.click();
    await expect(pin).toHaveAttribute('aria-pressed', 'false');
  });
});
