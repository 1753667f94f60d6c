/**
 * Where the repository panel goes on every generation of GitHub's markup (FACTS.md, "Page
 * structure"): directly below About in the end pane, found by landmarks; the main column below
 * the repository header when there is no pane; put back after a React-style re-render; never on
 * GitHub's own pages.
 */
import { chromium, type Page } from '@playwright/test';
import { test, expect, CHROMIUM_PATH, READY, REPO_SECTIONS } from './fixtures';
import { MockGitHub, GITHUB_OWN_PAGES } from '../mock-github';

const SIDEBAR_LAYOUTS = ['2022', '2026-05', '2026-08'] as const;
/** Records, in the page's main world, when the panel's host first appears (ms after navigation start). */
async function recordHostAppearance(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __hostAt?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-statboard-host="repo"]')) {
        w.__hostAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

/** How long after DOMContentLoaded the host appeared (ms). */
async function hostDelayAfterDomContentLoaded(page: Page): Promise<number> {
  await expect.poll(() => page.evaluate(() => (window as unknown as { __hostAt?: number }).__hostAt ?? null)).not.toBeNull();
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return (window as unknown as { __hostAt: number }).__hostAt - nav.domContentLoadedEventEnd;
  });
}

/** The About section's heading: the element whose text is "About" in the pane. */
function aboutHeadingTop(page: Page): Promise<{ top: number; left: number } | null> {
  return page.evaluate(() => {
    const pane = document.querySelector('[data-position="end"]') ?? document.querySelector('.Layout-sidebar');
    const heading = pane && [...pane.querySelectorAll('h2')].find((h) => h.textContent?.trim() === 'About');
    if (!heading) return null;
    const r = heading.getBoundingClientRect();
    return { top: r.top, left: r.left };
  });
}

/** Where the host is: in the pane, after the About heading, directly after About's section. */
function hostPlace(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('[data-statboard-host="repo"]');
    const paneEl = document.querySelector('[data-position="end"]') ?? document.querySelector('.Layout-sidebar');
    const heading = paneEl && [...paneEl.querySelectorAll('h2')].find((h) => h.textContent?.trim() === 'About');
    if (!host || !paneEl || !heading) return { host: !!host, pane: !!paneEl, about: !!heading };
    const aboutSection = host.previousElementSibling;
    return {
      host: true,
      pane: true,
      about: true,
      inPane: paneEl.contains(host),
      afterAbout: (heading.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      directlyBelowAbout: aboutSection?.contains(heading) ?? false,
      spot: (host as HTMLElement).dataset.statboardSpot,
    };
  });
}

function apiRequests(mock: MockGitHub) {
  return mock.requests.filter((r) => r.url.startsWith('https://api.github.com/'));
}

for (const layout of SIDEBAR_LAYOUTS) {
  test(`${layout} layout: one panel, in the end pane directly below About, within 1 s of DOMContentLoaded (warm); About does not move`, async ({ page, panel, mock }) => {
    const url = `https://github.com/acme/rocket?layout=${layout}`;
    const p = panel(page, 'repo');
    await page.goto(url);
    for (const s of REPO_SECTIONS) await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);

    // Warm visit: everything cached, so the time is the placement's own.
    await recordHostAppearance(page);
    await page.goto(url);
    const delay = await hostDelayAfterDomContentLoaded(page);
    console.log(`${layout}: panel host ${delay.toFixed(0)} ms after DOMContentLoaded`);
    expect(delay).toBeLessThan(1000);
    await expect(p.root).toHaveCount(1);
    await expect(page.locator('[data-statboard-host]')).toHaveCount(1);
    expect(await hostPlace(page)).toEqual({ host: true, pane: true, about: true, inPane: true, afterAbout: true, directlyBelowAbout: true, spot: 'below-about' });
    await expect(p.root).toHaveAttribute('data-state', 'ready');

    // The same page in a browser without the extension: About sits exactly where it did.
    const withPanel = await aboutHeadingTop(page);
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext({ viewport: page.viewportSize()! });
      await new MockGitHub({ now: mock.now }).attach(context);
      const plain = await context.newPage();
      await plain.goto(url);
      await expect(plain.locator('[data-statboard-host]')).toHaveCount(0);
      expect(withPanel).not.toBeNull();
      expect(await aboutHeadingTop(plain)).toEqual(withPanel);
    } finally {
      await browser.close();
    }
  });
}

test('2026-08 on a window narrow enough to hide About (hide-sm hide-md): the panel still goes where the pane is', async ({ page, panel }) => {
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto('https://github.com/acme/rocket?layout=2026-08');
  await expect(panel(page, 'repo').root).toHaveCount(1);
  await expect(page.locator('[class*="SidebarSection-module__sidebarSection__"].hide-md').first()).toBeHidden();
  expect(await hostPlace(page)).toMatchObject({ inPane: true, afterAbout: true, directlyBelowAbout: true });
  await expect(panel(page, 'repo').root).toBeVisible();
});

test('narrow layout (no pane): in the main column below #repository-container-header, within 1 s; moves into the sidebar when it appears, without a remount or a request', async ({ page, panel, mock }) => {
  const url = 'https://github.com/acme/rocket?layout=narrow';
  const p = panel(page, 'repo');
  await page.goto(url);
  for (const s of REPO_SECTIONS) await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
  await recordHostAppearance(page);
  await page.goto(url);
  const delay = await hostDelayAfterDomContentLoaded(page);
  console.log(`narrow: panel host ${delay.toFixed(0)} ms after DOMContentLoaded`);
  expect(delay).toBeLessThan(1000);
  await expect(p.root).toHaveCount(1);
  const place = await page.evaluate(() => {
    const host = document.querySelector('[data-statboard-host="repo"]')!;
    const header = document.querySelector('#repository-container-header')!;
    const column = document.querySelector('[class*="prc-PageLayout-Content-"]')!;
    return {
      inColumn: column.contains(host),
      firstInColumn: column.firstElementChild === host,
      belowHeader: (header.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      childOfMain: host.parentElement?.tagName === 'MAIN',
    };
  });
  expect(place).toEqual({ inColumn: true, firstInColumn: true, belowHeader: true, childOfMain: false });
  const box = await p.root.boundingBox();
  const headerBox = await page.locator('#repository-container-header').boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(headerBox!.y + headerBox!.height);

  // The sidebar shows up later (a wider window, a late render): the same panel moves there.
  await expect(p.root).toHaveAttribute('data-state', 'ready');
  await page.evaluate(() => ((document.querySelector('[data-statboard-host="repo"]') as HTMLElement & { __mark?: number }).__mark = 1));
  const before = apiRequests(mock).length;
  await page.evaluate(() => {
    const content = document.querySelector('[class*="prc-PageLayout-PageLayoutContent-"]')!;
    content.insertAdjacentHTML(
      'beforeend',
      '<div class="prc-PageLayout-PaneWrapper-pHPop" data-position="end"><div class="prc-PageLayout-Pane-AyzHK" data-component="SplitPageLayout.Pane"><div class="CodeViewSidebar-module__borderGrid__Lpx5q">' +
        '<div class="SidebarSection-module__sidebarSection__e8jFN"><h2 class="SidebarSection-module__sectionHeading__TG36m" data-component="Heading"><span>About</span></h2><p>Rockets.</p></div>' +
        '<div class="SidebarSection-module__sidebarSection__e8jFN"><h2 class="SidebarSection-module__sectionHeading__TG36m" data-component="Heading"><span>Releases</span></h2></div>' +
        '</div></div></div>',
    );
  });
  await expect.poll(() => hostPlace(page)).toMatchObject({ inPane: true, directlyBelowAbout: true, spot: 'below-about' });
  expect(await page.evaluate(() => (document.querySelector('[data-statboard-host="repo"]') as HTMLElement & { __mark?: number }).__mark)).toBe(1);
  await expect(p.root).toHaveAttribute('data-state', 'ready');
  expect(apiRequests(mock).length).toBe(before);
});

for (const layout of ['2026-08', '2022'] as const) {
  test(`${layout}: a React-style re-render that rebuilds the pane without the panel brings the same panel back below About within 500 ms, no request, state kept`, async ({ page, panel, mock }) => {
    await page.goto(`https://github.com/acme/rocket?layout=${layout}`);
    const p = panel(page, 'repo');
    for (const s of REPO_SECTIONS) await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
    // Some state only this mounted panel has: a table shown, a contributors window, collapsed.
    await p.section('participation').getByRole('button', { name: 'Show table' }).click();
    await p.section('contributors').getByLabel('Contributors window').selectOption('all');
    await p.root.getByRole('button', { name: 'Collapse Repository statistics' }).click();
    await page.evaluate(() => ((document.querySelector('[data-statboard-host="repo"]') as HTMLElement & { __mark?: number }).__mark = 1));
    const before = apiRequests(mock).length;

    const elapsed = await page.evaluate(() => (window as unknown as { __statboardTest: { rerenderPane(): Promise<number> } }).__statboardTest.rerenderPane());
    console.log(`${layout}: re-attached ${elapsed.toFixed(1)} ms after the pane was rebuilt`);
    expect(elapsed).toBeLessThan(500);
    expect(await hostPlace(page)).toMatchObject({ inPane: true, afterAbout: true, directlyBelowAbout: true });
    await expect(page.locator('[data-statboard-host]')).toHaveCount(1);
    expect(await page.evaluate(() => (document.querySelector('[data-statboard-host="repo"]') as HTMLElement & { __mark?: number }).__mark)).toBe(1);
    await expect(p.root).toHaveAttribute('data-collapsed', 'true');
    await p.root.getByRole('button', { name: 'Expand Repository statistics' }).click();
    await expect(p.table('participation')).toBeVisible();
    await expect(p.section('contributors').getByLabel('Contributors window')).toHaveValue('all');
    await page.waitForTimeout(300);
    expect(apiRequests(mock).length).toBe(before);
  });
}

test("GitHub's own pages and a repository-shaped 404 get no panel, no injected bundle and no API request", async ({ page, mock }) => {
  const cdp = await page.context().newCDPSession(page);
  const parsed = new Set<string>();
  cdp.on('Debugger.scriptParsed', ({ url }) => {
    if (url.startsWith('chrome-extension://')) parsed.add(new URL(url).pathname.replace(/^\//, ''));
  });
  await cdp.send('Debugger.enable');
  for (const path of [...Object.keys(GITHUB_OWN_PAGES), '/acme/no-such-repo']) {
    await page.goto(`https://github.com${path}`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(700); // time for a (wrong) injection or request to show up
    await expect(page.locator('[data-statboard], [data-statboard-host]'), path).toHaveCount(0);
    expect([...parsed], path).toEqual([]);
  }
  expect(apiRequests(mock).map((r) => r.path)).toEqual([]);
});

test('an Enterprise Managed User repository (`mona_acme/rocket`) loads its panel', async ({ page, panel, mock }) => {
  mock.addRepo({ owner: 'mona_acme', name: 'rocket' });
  await page.goto('https://github.com/mona_acme/rocket');
  const p = panel(page, 'repo');
  for (const s of REPO_SECTIONS) await expect(p.section(s)).toHaveAttribute('data-state', 'ready', READY);
  expect(mock.count(/^\/repos\/mona_acme\/rocket\/stats\/contributors/)).toBeGreaterThan(0);
});

test('org profile: the org panel sits in the overview column, directly above the popular repositories', async ({ page, panel }) => {
  await page.goto('https://github.com/acme');
  await expect(panel(page, 'org').root).toHaveCount(1);
  const place = await page.evaluate(() => {
    const host = document.querySelector('[data-statboard-host="org"]') as HTMLElement;
    const column = document.querySelector('.Layout-main')!;
    return {
      inColumn: host.parentElement === column,
      aboveRepositories: (host.nextElementSibling?.querySelector('#org-repositories') ?? null) !== null,
      spot: host.dataset.statboardSpot,
    };
  });
  expect(place).toEqual({ inColumn: true, aboveRepositories: true, spot: 'above-repositories' });
});
