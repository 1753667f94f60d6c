/**
 * The Firefox build in real headless Firefox ESR: what a user sees on repository and organization
 * pages, the options token check, the popup, a soft navigation, the event page stopping, and a
 * withdrawn github.com permission. Expected numbers come from the mock's scenario data.
 */
import type { Page } from 'puppeteer-core';
import type Browser from 'webextension-polyfill';
import { DEMO_TOKENS, expected, type Window } from '../mock-github';
import { expectedHeadline, fmt } from '../e2e/repo-expected';
import { ADDON_ID, attribute, canvasInk, count, expect, READY, scrollIntoView, showTable, test, texts, waitForState, type FirefoxSession } from './fixtures';

const REPO_SECTIONS = ['commit-activity', 'code-frequency', 'contributors', 'participation', 'punch-card'];

async function repoPanelReady(tab: Page): Promise<void> {
  for (const section of REPO_SECTIONS) await waitForState(tab, `[data-statboard="repo"] [data-section="${section}"]`, 'ready');
  await waitForState(tab, '[data-statboard="repo"]', 'ready');
}

/** Saves a token through the options page’s form, as a user does, and waits for the check. */
async function saveToken(firefox: FirefoxSession, token: string): Promise<Page> {
  const options = await firefox.openExtensionPage('options.html');
  await options.waitForSelector('input[name="token"]');
  await options.type('input[name="token"]', token);
  await options.click('form.sb-token-form button[type="submit"]');
  await expect.poll(() => options.$eval('[data-token-status]', (e) => e.getAttribute('data-token-status'))).toBe('valid');
  return options;
}

/** The mock page’s own soft navigation (tests/mock-github/pages.ts), the way GitHub swaps pages. */
function softNavigate(tab: Page, url: string, event: 'turbo' | 'react'): Promise<void> {
  return tab.evaluate(
    (u, e) => (window as unknown as { __statboardTest: { softNavigate(u: string, o: { event: string }): Promise<void> } }).__statboardTest.softNavigate(u, { event: e }),
    url,
    event,
  );
}

test('repository panel: every section ready with the scenario numbers', async ({ tab, mock }) => {
  await tab.goto('https://github.com/acme/rocket');
  await repoPanelReady(tab);
  expect(await count(tab, '[data-statboard="repo"]')).toBe(1);
  const answers = mock.repo('acme/rocket').answers;
  const want = expectedHeadline(answers);
  const stat = async (id: string) => (await texts(tab, `[data-statboard="repo"] [data-stat="${id}"] dd`))[0] ?? '';
  expect(await stat('commits')).toMatch(new RegExp(`^${want.commits}`));
  expect(await stat('active-weeks')).toMatch(new RegExp(`^${want.activeWeeks}`));
  expect(await stat('busiest-day')).toMatch(new RegExp(`^${want.busiestDay}`));
  expect(await stat('busiest-hour')).toMatch(new RegExp(`^${want.busiestHour}`));
  // Commit activity's table, shown: one row per week, in the API's order and numbers.
  await showTable(tab, '[data-statboard="repo"] [data-section="commit-activity"]');
  await expect.poll(() => count(tab, '[data-statboard="repo"] [data-section="commit-activity"] table tbody tr')).toBe(52);
  const totals = await texts(tab, '[data-statboard="repo"] [data-section="commit-activity"] table tbody tr td:nth-child(2)');
  expect(totals).toEqual(answers.commit_activity.map((w) => fmt(w.total)));
});

test('repository charts: the first section draws DOM columns; scrolled to, Chart.js charts come from the charts part the background injects', async ({ tab }) => {
  await tab.goto('https://github.com/acme/rocket');
  await repoPanelReady(tab);
  const repo = '[data-statboard="repo"]';
  expect(await count(tab, `${repo} [data-section="commit-activity"] [role="img"][data-chart="drawn"]`)).toBe(2);
  for (const section of ['code-frequency', 'participation', 'punch-card']) {
    await scrollIntoView(tab, `${repo} [data-section="${section}"]`);
    await expect
      .poll(() => attribute(tab, `${repo} [data-section="${section}"] canvas`, 'data-chart'), { timeout: READY.timeout, message: `${section} chart` })
      .toBe('drawn');
    // Drawn: the canvas has ink, not just the attribute.
    expect(await canvasInk(tab, `${repo} [data-section="${section}"] canvas`), section).toBeGreaterThan(100);
  }
});

/** Where the repository panel's host sits: in the end pane directly below About, or in the main column below the header. */
function hostPlace(tab: Page) {
  return tab.evaluate(() => {
    const hosts = document.querySelectorAll('[data-statboard-host="repo"]');
    const host = hosts[0];
    const pane = document.querySelector('[data-position="end"]') ?? document.querySelector('.Layout-sidebar');
    const heading = pane && [...pane.querySelectorAll('h2')].find((h) => h.textContent?.trim() === 'About');
    const header = document.querySelector('#repository-container-header');
    const follows = (a: Element | null | undefined, b: Element) => !!a && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    return {
      hosts: hosts.length,
      inPane: !!host && !!pane && pane.contains(host),
      directlyBelowAbout: !!host && !!heading && !!host.previousElementSibling?.contains(heading),
      belowHeader: !!host && follows(header, host) && !header?.contains(host),
    };
  });
}

for (const layout of ['2022', '2026-05', '2026-08'] as const) {
  test(`${layout} layout: one repository panel, in the end pane directly below About`, async ({ tab }) => {
    await tab.goto(`https://github.com/acme/rocket?layout=${layout}`);
    await repoPanelReady(tab);
    expect(await hostPlace(tab)).toEqual({ hosts: 1, inPane: true, directlyBelowAbout: true, belowHeader: true });
  });
}

test('2026-08 layout: a React-style re-render that rebuilds the pane brings the same panel back below About, with no request', async ({ tab, mock }) => {
  await tab.goto('https://github.com/acme/rocket?layout=2026-08');
  await repoPanelReady(tab);
  await tab.evaluate(() => ((document.querySelector('[data-statboard-host="repo"]') as HTMLElement & { __mark?: number }).__mark = 1));
  const before = mock.requests.filter((r) => r.url.startsWith('https://api.github.com/')).length;
  const elapsed = await tab.evaluate(() => (window as unknown as { __statboardTest: { rerenderPane(): Promise<number> } }).__statboardTest.rerenderPane());
  expect(elapsed).toBeLessThan(500);
  expect(await hostPlace(tab)).toEqual({ hosts: 1, inPane: true, directlyBelowAbout: true, belowHeader: true });
  expect(await tab.evaluate(() => (document.querySelector('[data-statboard-host="repo"]') as HTMLElement & { __mark?: number }).__mark)).toBe(1);
  await new Promise((r) => setTimeout(r, 300));
  expect(mock.requests.filter((r) => r.url.startsWith('https://api.github.com/')).length).toBe(before);
});

test('narrow layout (no pane): one repository panel, in the main column below the repository header', async ({ tab }) => {
  await tab.goto('https://github.com/acme/rocket?layout=narrow');
  await repoPanelReady(tab);
  expect(await hostPlace(tab)).toEqual({ hosts: 1, inPane: false, directlyBelowAbout: false, belowHeader: true });
});

test('organization panel: ready, and the hourly table has every hour of the 7 days', async ({ firefox, tab, mock }) => {
  await saveToken(firefox, DEMO_TOKENS.admin);
  await tab.goto('https://github.com/acme');
  await waitForState(tab, '[data-statboard="org"]', 'ready');
  await waitForState(tab, '[data-statboard="org"] [data-section="time"]', 'ready');
  const timeRequest = mock.requestsTo('/orgs/acme/insights/api/time-stats')[0];
  expect(timeRequest?.query.timestamp_increment).toBe('1h');
  const window: Window = { min: Date.parse(String(timeRequest!.query.min_timestamp)), max: Date.parse(String(timeRequest!.query.max_timestamp)) };
  const points = expected.timeStats(mock.org('acme'), window, { type: 'org' }, '1h');
  expect(points.length).toBeGreaterThan(150);
  // Shown, the table fills in idle time, 50 rows first; Firefox used to stop there.
  await showTable(tab, '[data-statboard="org"] [data-section="time"]');
  const rows = '[data-statboard="org"] [data-section="time"] table tbody tr';
  await expect.poll(() => count(tab, rows), { timeout: 20_000 }).toBe(points.length);
  const requests = await texts(tab, `${rows} td:nth-child(2)`);
  expect(requests.map((t) => Number(t.replace(/,/g, '')))).toEqual(points.map((p) => p.total_request_count));
});

test('organization Activity without a token: the counted repositories and their commits are the scenario’s', async ({ tab, mock }) => {
  await tab.goto('https://github.com/orbit');
  await waitForState(tab, '[data-statboard="org"] [data-section="activity"]', 'ready');
  // The rule, from the scenario: the 10 most recently pushed public repositories, no forks or archived.
  const picked = [...mock.repoSpecs.values()]
    .filter((s) => s.owner === 'orbit' && !s.private && !s.fork && !s.archived)
    .sort((a, b) => a.pushedHoursAgo - b.pushedHoursAgo)
    .slice(0, 10)
    .map((s) => {
      const data = mock.repo(`orbit/${s.name}`);
      const from = data.weekStarts.length - 52;
      return { name: s.name, total: data.commits.reduce((sum, row) => sum + row.slice(from).reduce((a, b) => a + b, 0), 0) };
    })
    .sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : 1));
  const table = '[data-statboard="org"] table[data-table="repositories"] tbody tr';
  expect(await texts(tab, `${table} td:nth-child(1)`)).toEqual(picked.map((r) => r.name));
  expect(await texts(tab, `${table} td:nth-child(2)`)).toEqual(picked.map((r) => fmt(r.total)));
  expect(mock.count(/\/insights\//)).toBe(0);
});

test('options: a token is checked against GitHub and its login and scopes shown', async ({ firefox, mock }) => {
  const options = await firefox.openExtensionPage('options.html');
  await options.waitForSelector('[data-statboard="options"][data-state="ready"]');
  expect(await options.$eval('[data-token-status]', (e) => e.getAttribute('data-token-status'))).toBe('missing');
  await options.type('input[name="token"]', DEMO_TOKENS.classic);
  await options.click('form.sb-token-form button[type="submit"]');
  await expect.poll(() => options.$eval('[data-token-status]', (e) => e.getAttribute('data-token-status'))).toBe('valid');
  const status = await options.$eval('[data-token-status]', (e) => e.textContent ?? '');
  expect(status).toContain('octo-lead');
  expect(status).toContain('repo, read:org');
  expect(await options.$eval('input[name="token"]', (e) => (e as HTMLInputElement).value)).toBe('');
  expect(mock.count('/user')).toBe(1);
});

test('popup: the current repository’s numbers', async ({ firefox, mock }) => {
  mock.addRepo({ owner: 'acme', name: 'rocket', computeAttempts: 0 });
  const popup = await firefox.openExtensionPage(`popup.html?tab=${encodeURIComponent('https://github.com/acme/rocket')}`);
  await popup.waitForSelector('[data-statboard="popup"][data-target="repo"]');
  await popup.waitForSelector('[data-current="repo"] [data-stat="commits"]', { timeout: 30_000 });
  const want = expectedHeadline(mock.repo('acme/rocket').answers);
  expect(await popup.$eval('[data-stat="commits"] dd', (e) => e.textContent ?? '')).toMatch(new RegExp(`^${want.commits}`));
  expect(await popup.$eval('[data-stat="active-weeks"] dd', (e) => e.textContent ?? '')).toContain('of 52');
  expect(await popup.$$eval('[data-host-access="missing"]', (e) => e.length)).toBe(0);
});

test('soft navigation: exactly one panel, for the page now shown', async ({ firefox, tab }) => {
  await saveToken(firefox, DEMO_TOKENS.admin);
  await tab.goto('https://github.com/acme/rocket');
  await repoPanelReady(tab);
  await softNavigate(tab, '/acme', 'turbo');
  await waitForState(tab, '[data-statboard="org"]', 'ready');
  expect(await count(tab, '[data-statboard-host="org"]')).toBe(1);
  expect(await count(tab, '[data-statboard="repo"]')).toBe(0);
  await softNavigate(tab, '/acme/rocket', 'react');
  await repoPanelReady(tab);
  expect(await count(tab, '[data-statboard="repo"]')).toBe(1);
  expect(await count(tab, '[data-statboard-host="org"]')).toBe(0);
});

/** Whether a panel bundle ran in the tab showing `url` (its isolated world's start mark), asked from the event page. */
async function panelBundlesIn(firefox: FirefoxSession, url: string): Promise<string[]> {
  return (await firefox.inBackground(`browser.tabs.query({ url: ${JSON.stringify(url)} }).then(([tab]) =>
    browser.scripting.executeScript({ target: { tabId: tab.id }, func: () => [...(globalThis.__statboardPanels ?? [])].sort() }))
    .then(([result]) => result.result)`)) as string[];
}

test('no panel bundle on an issue page; a soft navigation to a repository brings it (the background injects it), and it follows repo -> issue -> other repo -> back', async ({ firefox, tab }) => {
  await tab.goto('https://github.com/acme/rocket/issues/1');
  await tab.waitForSelector('.timeline-comment-header, h1');
  await new Promise((r) => setTimeout(r, 1000)); // time for a (wrong) injection to show up
  expect(await count(tab, '[data-statboard], [data-statboard-host]')).toBe(0);
  expect(await panelBundlesIn(firefox, 'https://github.com/acme/rocket/issues/1')).toEqual([]);

  await softNavigate(tab, '/acme/rocket', 'react');
  await repoPanelReady(tab);
  expect(await panelBundlesIn(firefox, 'https://github.com/acme/rocket')).toEqual(['repo']);
  await softNavigate(tab, '/acme/rocket/issues/1', 'turbo');
  await tab.waitForSelector('[data-statboard-host]', { hidden: true });
  await softNavigate(tab, '/acme/huge', 'turbo');
  await waitForState(tab, '[data-statboard="repo"] [data-section="commit-activity"]', 'ready');
  await tab.goBack();
  await tab.goBack();
  await repoPanelReady(tab);
  expect(await tab.evaluate(() => location.pathname)).toBe('/acme/rocket');
  await new Promise((r) => setTimeout(r, 500));
  expect(await count(tab, '[data-statboard-host="repo"]')).toBe(1);
  expect(await panelBundlesIn(firefox, 'https://github.com/acme/rocket')).toEqual(['repo']);
});

test('the event page stopped on an issue page: the soft navigation to a repository wakes it, and the panel comes', async ({ firefox, tab }) => {
  await tab.goto('https://github.com/acme/rocket/issues/1');
  await tab.waitForSelector('.timeline-comment-header, h1');
  const status = async () => (await firefox.devtools.addon(ADDON_ID)).backgroundScriptStatus;
  await firefox.devtools.terminateBackground(ADDON_ID);
  await expect.poll(status).toBe('STOPPED');
  await softNavigate(tab, '/acme/rocket', 'turbo');
  await repoPanelReady(tab);
  expect(await status()).toBe('RUNNING');
  expect(await count(tab, '[data-statboard-host="repo"]')).toBe(1);
});

test('the event page stops, and a new tab still gets a ready panel', async ({ firefox, tab, mock }) => {
  await tab.goto('https://github.com/acme/rocket');
  await repoPanelReady(tab);
  const status = async () => (await firefox.devtools.addon(ADDON_ID)).backgroundScriptStatus;
  expect(await status()).toBe('RUNNING');
  await firefox.inBackground('(globalThis.__statboardTestMark = "before the stop")');
  // An open panel's port would wake the event page again at once (statboardClient reconnects).
  await tab.goto('about:blank');
  await firefox.devtools.terminateBackground(ADDON_ID);
  await expect.poll(status).toBe('STOPPED');
  mock.clearRequests();
  const second = await firefox.browser.newPage();
  await second.goto('https://github.com/acme/rocket');
  await repoPanelReady(second);
  expect(await status()).toBe('RUNNING');
  // A new event page (the old one's globals are gone) that read the cache from IndexedDB:
  // within the freshness window, no API request.
  expect(await firefox.inBackground('typeof globalThis.__statboardTestMark')).toBe('undefined');
  expect(mock.counted().filter((r) => r.path.startsWith('/repos/'))).toEqual([]);
});

test('a withdrawn github.com permission is said in the options and the popup, and the button grants it again', async ({ firefox, tab }) => {
  const options = await firefox.openExtensionPage('options.html');
  await options.waitForSelector('[data-statboard="options"][data-state="ready"]');
  expect(await options.$$eval('[data-host-access="missing"]', (e) => e.length)).toBe(0);
  // What Firefox's add-on manager does when the user switches off "Access your data for github.com".
  expect(await options.evaluate(() => (globalThis as unknown as { browser: typeof Browser }).browser.permissions.remove({ origins: ['https://github.com/*'] }))).toBe(true);
  await options.waitForSelector('[data-host-access="missing"][data-host="github.com"]');
  expect(await options.$eval('[data-host-access="missing"]', (e) => e.textContent ?? '')).toContain('Statboard has no access to github.com');
  await options.waitForSelector('li[data-host="github.com"] [data-host-access-row="missing"]');

  const popup = await firefox.openExtensionPage(`popup.html?tab=${encodeURIComponent('https://github.com/acme/rocket')}`);
  await popup.waitForSelector('[data-host-access="missing"][data-host="github.com"] button');

  // What the notice explains: no panel on repository pages now.
  await tab.goto('https://github.com/acme/rocket');
  await tab.waitForSelector('h2');
  await new Promise((r) => setTimeout(r, 1500));
  expect(await count(tab, '[data-statboard="repo"]')).toBe(0);

  // The button asks from the click. The test profile has Firefox's permission prompt switched
  // off (extensions.webextOptionalPermissionPrompts), so the request is granted as if accepted.
  await popup.bringToFront();
  await popup.click('[data-host-access="missing"] button');
  await popup.waitForSelector('[data-host-access="missing"]', { hidden: true });
  await options.waitForSelector('[data-host-access="missing"]', { hidden: true });
  await options.waitForSelector('[data-host-access-row]', { hidden: true });
  expect(await options.evaluate(() => (globalThis as unknown as { browser: typeof Browser }).browser.permissions.contains({ origins: ['https://github.com/*'] }))).toBe(true);
  await tab.bringToFront();
  await tab.reload();
  await repoPanelReady(tab);
});
