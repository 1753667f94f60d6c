import { test, expect, READY, setTheme, softNavigate } from './fixtures';
import { expectedHeadline } from './repo-expected';

test('soft navigation: one panel, always for the repository shown, none on an issue page', async ({ page, mock, panel }) => {
  const commitsOf = (nwo: string) => expectedHeadline(mock.repo(nwo).answers).commits;
  const p = panel(page, 'repo');
  const headlineCommits = p.root.locator('[data-stat="commits"] dd');

  await page.goto('https://github.com/acme/rocket');
  await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'ready', READY);
  await expect(headlineCommits).toHaveText(new RegExp(`^${commitsOf('acme/rocket')}`));

  await softNavigate(page, '/acme/huge', 'react');
  await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'ready', READY);
  await expect(headlineCommits).toHaveText(new RegExp(`^${commitsOf('acme/huge')}`));
  await expect(p.root).toHaveCount(1);

  await softNavigate(page, '/acme/huge/issues/3', 'turbo');
  await expect(page.locator('meta[name="route-pattern"]')).toHaveAttribute('content', /issues/);
  await expect(p.root).toHaveCount(0);
  await expect(page.locator('[data-statboard-host]')).toHaveCount(0);

  await page.goBack(); // popstate: back to acme/huge
  await expect(p.root).toHaveCount(1);
  await expect(headlineCommits).toHaveText(new RegExp(`^${commitsOf('acme/huge')}`));

  await softNavigate(page, '/acme/rocket', 'turbo');
  await expect(headlineCommits).toHaveText(new RegExp(`^${commitsOf('acme/rocket')}`), READY);
  // Settle: late events (turbo:load, soft-nav:end) must not add a second panel.
  await page.waitForTimeout(500);
  await expect(page.locator('[data-statboard-host="repo"]')).toHaveCount(1);
});

test('a theme switch re-colours the charts in place, without a reload', async ({ page, panel }) => {
  await page.goto('https://github.com/acme/rocket');
  const p = panel(page, 'repo');
  await expect(p.section('commit-activity')).toHaveAttribute('data-state', 'ready', READY);
  const canvas = p.section('commit-activity').locator('canvas').first();
  await canvas.evaluate((c) => ((c as HTMLCanvasElement & { __before?: boolean }).__before = true));
  const pixels = () => canvas.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  const light = await pixels();

  await setTheme(page, 'dark');
  await expect.poll(pixels).not.toBe(light);
  // The same canvas element: re-coloured, not re-mounted.
  expect(await canvas.evaluate((c) => (c as HTMLCanvasElement & { __before?: boolean }).__before === true)).toBe(true);
  // The bars take the dark theme's success colour (read from the page's Primer variables).
  const [bar, success] = await Promise.all([
    canvas.evaluate((c) => {
      const ctx = (c as HTMLCanvasElement).getContext('2d')!;
      const { width, height } = c as HTMLCanvasElement;
      // The busiest column sits near the middle of some bar: scan a row low in the plot.
      const row = ctx.getImageData(0, Math.floor(height * 0.7), width, 1).data;
      const counts = new Map<string, number>();
      for (let i = 0; i < row.length; i += 4) {
        const key = `${row[i]},${row[i + 1]},${row[i + 2]}`;
        if (row[i + 3] === 255) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    }),
    page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--bgColor-success-emphasis');
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color.match(/\d+/g)!.slice(0, 3).join(',');
      probe.remove();
      return rgb;
    }),
  ]);
  expect(bar).toBe(success);
});
