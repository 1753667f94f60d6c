/**
 * `npm run demo`: Chromium with the built extension on the mock's demo data (no network, nothing
 * real). With a display (and not CI) it opens a window on acme/rocket and waits until you close it;
 * otherwise it writes screenshots to demo-output/ and lists them. Panels that do not exist yet are
 * reported, not fatal: the demo always exits 0 once the browser could start.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionWorker, launchWithExtension, panel, sendCommand } from '../tests/e2e/fixtures';
import { DEMO_TOKENS, MockGitHub } from '../tests/mock-github';

const OUT = resolve('demo-output');
const REPO_URL = 'https://github.com/acme/rocket';
const ORG_URL = 'https://github.com/acme';
const ACTIVITY_URL = 'https://github.com/orbit';
const written: string[] = [];
const missed: string[] = [];

function note(problem: string, error?: unknown): void {
  const reason = error instanceof Error ? error.message.split('\n')[0] : error ? String(error) : '';
  missed.push(reason ? `${problem} (${reason})` : problem);
}

async function shot(target: Page | ReturnType<Page['locator']>, name: string, fullPage = false): Promise<void> {
  const path = join(OUT, name);
  if ('goto' in target) await target.screenshot({ path, fullPage });
  else await target.screenshot({ path });
  written.push(path);
}

/** Waits until a panel root settles (any state but loading/computing); false if none appears. */
async function settle(page: Page, kind: 'repo' | 'org', timeout = 25_000): Promise<boolean> {
  const root = panel(page, kind).root.first();
  const deadline = Date.now() + timeout;
  let state: string | null = null;
  try {
    await root.waitFor({ state: 'attached', timeout });
    while (Date.now() < deadline) {
      state = await root.getAttribute('data-state', { timeout: 2_000 });
      if (state && state !== 'loading' && state !== 'computing') {
        // Charts animate in; let them finish before the picture.
        await page.waitForTimeout(800);
        return true;
      }
      await page.waitForTimeout(250);
    }
    throw new Error(`still ${state}`);
  } catch (error) {
    note(`${kind} panel did not appear or settle on ${page.url()}`, error);
    return false;
  }
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((t) => (window as unknown as { __statboardTest: { setTheme(t: string): void } }).__statboardTest.setTheme(t), theme);
  await page.waitForTimeout(500);
}

async function configureToken(context: BrowserContext, extensionId: string): Promise<void> {
  const tab = await context.newPage();
  try {
    // Any page of the extension's origin may send commands; options.html may not exist yet.
    await tab.goto(`chrome-extension://${extensionId}/options.html`).catch(() => tab.goto(`chrome-extension://${extensionId}/manifest.json`));
    const answer = (await sendCommand(tab, { type: 'token.set', host: 'github.com', token: DEMO_TOKENS.admin })) as { status?: string; error?: string } | undefined;
    if (!answer || answer.error || answer.status !== 'valid') note(`demo token not accepted by the extension: ${JSON.stringify(answer)}`);
  } catch (error) {
    note('could not configure the demo token', error);
  } finally {
    await tab.close();
  }
}

async function capture(context: BrowserContext, extensionId: string): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());

  await page.goto(REPO_URL);
  // The demo repository answers 202 once: record the "computing" state if the panel shows it.
  await panel(page, 'repo').root.first().and(page.locator('[data-state="computing"]')).waitFor({ timeout: 5_000 })
    .then(() => shot(page, 'repo-page-computing.png'))
    .catch(() => note('the computing state was too quick to capture'));
  const repo = panel(page, 'repo').root.first();
  if (await settle(page, 'repo')) {
    // Charts are drawn as they come into view: scroll through the panel once so the shots show them all.
    for (const section of await repo.locator('[data-section]').all()) await section.scrollIntoViewIfNeeded();
    await repo.locator('canvas:not([data-chart="drawn"])').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    await page.evaluate(() => scrollTo(0, 0));
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await shot(repo, `repo-panel-${theme}.png`).catch((e) => note(`repo panel ${theme}`, e));
      await shot(page, `repo-page-${theme}.png`, true).catch((e) => note(`repo page ${theme}`, e));
    }
    await setTheme(page, 'light');
  } else {
    await shot(page, 'repo-page-without-panel.png', true);
  }

  await page.goto(ORG_URL);
  const org = panel(page, 'org');
  if (await settle(page, 'org')) {
    // Drill down as a person would: the user mona, then her first token or app, whose routes show.
    try {
      await org.section('subjects').getByRole('button', { name: 'mona', exact: true }).click({ timeout: 10_000 });
      await org.section('actors').locator('button.sb-drill').first().click({ timeout: 10_000 });
      await org.section('routes').and(page.locator('[data-state="ready"]')).waitFor({ timeout: 15_000 });
    } catch (error) {
      note('org drill-down', error);
    }
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await shot(org.root.first(), `org-panel-${theme}.png`).catch((e) => note(`org panel ${theme}`, e));
      await shot(page, `org-page-${theme}.png`, true).catch((e) => note(`org page ${theme}`, e));
    }
  } else {
    await shot(page, 'org-page-without-panel.png', true);
  }

  // Organization Activity (every visitor's view; with the demo token also the people), after the
  // insights pictures: choosing the Activity tab is remembered.
  await page.goto(ACTIVITY_URL);
  const orbit = panel(page, 'org');
  try {
    await orbit.root.first().getByRole('tab', { name: 'Activity' }).click({ timeout: 15_000 });
    await orbit.section('activity').and(page.locator('[data-state="ready"]')).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(800);
    for (const theme of ['light', 'dark'] as const) {
      await setTheme(page, theme);
      await shot(orbit.root.first(), `org-activity-${theme}.png`).catch((e) => note(`org activity ${theme}`, e));
    }
    await shot(page, 'org-activity-page-dark.png', true).catch((e) => note('org activity page', e));
    await setTheme(page, 'light');
  } catch (error) {
    note('org activity', error);
  }

  await capturePages(context, extensionId);
}

/** The popup for three kinds of tab (with a filled watch list) and the options page. */
async function capturePages(context: BrowserContext, extensionId: string): Promise<void> {
  const base = `chrome-extension://${extensionId}`;
  const commander = await context.newPage();
  try {
    await commander.goto(`${base}/options.html`);
    for (const entry of [
      { host: 'github.com', kind: 'repo', name: 'acme/rocket' },
      { host: 'github.com', kind: 'repo', name: 'acme/monolith' },
      { host: 'github.com', kind: 'org', name: 'acme' },
    ] as const) {
      await sendCommand(commander, { type: 'watchlist.add', entry });
    }
    await sendCommand(commander, { type: 'watchlist.refresh' });
  } catch (error) {
    note('could not fill the watch list', error);
  } finally {
    await commander.close();
  }

  const shots: [string, string, { width: number; height: number }, 'light' | 'dark'][] = [
    [`popup.html?tab=${encodeURIComponent(REPO_URL)}`, 'popup-repo.png', { width: 360, height: 560 }, 'light'],
    [`popup.html?tab=${encodeURIComponent(ORG_URL)}`, 'popup-org.png', { width: 360, height: 560 }, 'light'],
    [`popup.html?tab=${encodeURIComponent('https://example.com/')}`, 'popup-watchlist.png', { width: 360, height: 560 }, 'light'],
    [`popup.html?tab=${encodeURIComponent('https://example.com/')}`, 'popup-watchlist-dark.png', { width: 360, height: 560 }, 'dark'],
    ['options.html', 'options.png', { width: 1000, height: 900 }, 'light'],
    ['options.html', 'options-dark.png', { width: 1000, height: 900 }, 'dark'],
  ];
  for (const [path, file, size, colorScheme] of shots) {
    const tab = await context.newPage();
    try {
      await tab.emulateMedia({ colorScheme });
      await tab.setViewportSize(size);
      await tab.goto(`${base}/${path}`);
      await tab.waitForTimeout(1_500);
      await shot(tab, file, file.startsWith('options'));
    } catch (error) {
      note(`${file} not captured`, error);
    } finally {
      await tab.close();
    }
  }
}

async function main(): Promise<void> {
  const headed = !!process.env.DISPLAY && !process.env.CI;
  // The demo repository computes once (202) so the "computing" state shows before the data.
  const mock = new MockGitHub();
  mock.addRepo({ ...mock.repoSpecs.get('acme/rocket')!, computeAttempts: 1 });

  const { context, userDataDir } = await launchWithExtension({ headless: !headed, viewport: { width: 1280, height: 900 } });
  try {
    await mock.attach(context);
    const worker = await extensionWorker(context);
    const extensionId = new URL(worker.url()).host;
    await configureToken(context, extensionId);

    if (headed) {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(REPO_URL);
      console.log(`Statboard demo: ${REPO_URL} (also try ${ORG_URL}). Close the browser to quit.`);
      await new Promise<void>((done) => context.on('close', () => done()));
      return;
    }

    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    await capture(context, extensionId);
  } finally {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
  }

  console.log(`\nStatboard demo: ${written.length} file(s) written`);
  for (const file of written) console.log(`  ${file}`);
  if (missed.length > 0) {
    console.log(`\nNot captured (${missed.length}):`);
    for (const m of missed) console.log(`  - ${m}`);
  }
  console.log(`\nAPI requests served by the mock: ${mock.requests.filter((r) => r.url.startsWith('https://api.github.com')).length} (${mock.counted().length} counted)`);
}

main().catch((error) => {
  console.error('demo failed to start:', error);
  process.exit(1);
});
