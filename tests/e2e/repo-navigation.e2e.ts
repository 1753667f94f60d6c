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
  // A Chart.js chart (code frequency) and the first section's DOM columns.
  await p.section('code-frequency').scrollIntoViewIfNeeded();
  const canvas = p.section('code-frequency').locator('canvas');
  await expect(canvas).toHaveAttribute('data-chart', 'drawn', READY);
  const column = p.section('commit-activity').locator('.sb-column').first();
  await canvas.evaluate((c) => ((c as HTMLCanvasElement & { __before?: boolean }).__before = true));
  const pixels = () => canvas.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  const light = await pixels();
  const pageSuccess = () =>
    page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.color = getComputedStyle(document.documentElement).getPropertyValue('--bgColor-success-emphasis');
      document.body.append(probe);
      const rgb = getComputedStyle(probe).color.match(/\d+/g)!.slice(0, 3).join(',');
      probe.remove();
      return rgb;
    });
  const columnColour = () => column.evaluate((c) => getComputedStyle(c).backgroundColor.match(/\d+/g)!.slice(0, 3).join(','));
  expect(await columnColour()).toBe(await pageSuccess());

  await setTheme(page, 'dark');
  await expect.poll(pixels).not.toBe(light);
  // The same canvas element: re-coloured, not re-mounted.
  expect(await canvas.evaluate((c) => (c as HTMLCanvasElement & { __before?: boolean }).__before === true)).toBe(true);
  const success = await pageSuccess();
  // The additions take the dark theme's success colour (read from the page's Primer variables).
  const additionPixels = await canvas.evaluate((c, rgb) => {
    const ctx = (c as HTMLCanvasElement).getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] === 255 && `${data[i]},${data[i + 1]},${data[i + 2]}` === rgb) n++;
    return n;
  }, success);
  expect(additionPixels).toBeGreaterThan(50);
  // The weekly columns follow by CSS alone.
  await expect.poll(columnColour).toBe(success);
});
