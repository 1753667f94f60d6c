/**
 * The Firefox suite's fixtures: the Firefox build (`.output/firefox-mv3`, or
 * STATBOARD_FIREFOX_EXTENSION_DIR) in headless Firefox ESR (/usr/bin/firefox-esr, or
 * STATBOARD_FIREFOX), driven by puppeteer-core over WebDriver BiDi; Playwright Test is only the
 * runner. github.com and api.github.com are tests/mock-github behind a local TLS proxy
 * (tests/firefox/proxy.ts) whose throwaway CA is trusted in this test profile only.
 *
 * Each test gets a fresh profile, browser and mock. BiDi cannot navigate to moz-extension:// pages
 * or reach the event page, so `devtools` (Firefox's devtools server) does that: it stops the
 * event page and evaluates in the add-on (to open its pages in a tab, which BiDi then drives).
 * The add-on's uuid is fixed in the profile (`extensions.webextensions.uuids`), so its page URLs
 * are known in advance.
 */
import { test as base, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { MockGitHub, type MockOptions } from '../mock-github';
import { API_ORIGIN, AVATARS_ORIGIN, PAGES_ORIGIN } from '../mock-github/mock-github';
import { ASSETS_ORIGIN } from '../mock-github/pages';
import { makeCertificates, startProxy, type MitmProxy, type TestCertificates } from './proxy';
import { DevtoolsClient } from './rdp';

export const FIREFOX_PATH = process.env.STATBOARD_FIREFOX ?? '/usr/bin/firefox-esr';
export const ADDON_ID = 'statboard@statboard.dev';
/** fixed in the profile, so extension page URLs are known before the add-on is installed */
export const ADDON_UUID = '5a7b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d';
export const EXTENSION_ORIGIN = `moz-extension://${ADDON_UUID}`;
export const READY = { timeout: 30_000 };
const MOCK_HOSTS = [API_ORIGIN, PAGES_ORIGIN, AVATARS_ORIGIN, ASSETS_ORIGIN].map((o) => new URL(o).host);

export function firefoxExtensionDir(): string {
  if (process.env.STATBOARD_FIREFOX_EXTENSION_DIR) return resolve(process.env.STATBOARD_FIREFOX_EXTENSION_DIR);
  return resolve(process.env.STATBOARD_OUT_DIR ?? '.output', 'firefox-mv3');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * The errors in Firefox's output: uncaught errors in the add-on's scripts ("JavaScript error:
 * moz-extension://…") and every console.error (printed without its origin; the mock's pages log
 * none, so each one is the extension's), except Firefox's own: its remote agent and actors log
 * errors from chrome:// and resource:// code while tabs open and close.
 */
export function extensionErrors(lines: readonly string[]): string[] {
  const firefoxOwn = /chrome:\/\/|resource:\/\/|JSWindowActor/;
  return lines.filter((line) =>
    line.includes(EXTENSION_ORIGIN) ? /error|exception/i.test(line) : /^console\.error:/.test(line) && !firefoxOwn.test(line));
}

export interface FirefoxSession {
  browser: Browser;
  /** the first tab, on about:blank */
  page: Page;
  devtools: DevtoolsClient;
  proxy: MitmProxy;
  /** Firefox's stdout and stderr, line by line (console messages and JS errors are sent there) */
  output: string[];
  /** Opens an extension page (`options.html`, `popup.html?tab=…`) in a new tab and returns that tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Evaluates `expression` (an async function body's return) in the add-on's event page. */
  inBackground(expression: string): Promise<unknown>;
}

interface WorkerFixtures {
  certificates: TestCertificates;
}
interface Fixtures {
  mockOptions: MockOptions;
  mock: MockGitHub;
  firefox: FirefoxSession;
  /** the first tab (`firefox.page`) */
  tab: Page;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  certificates: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'statboard-ca-'));
      try {
        await use(makeCertificates(dir, MOCK_HOSTS));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],

  mockOptions: [{}, { option: true }],

  mock: async ({ mockOptions }, use) => {
    await use(new MockGitHub(mockOptions));
  },

  firefox: async ({ mock, certificates }, use, testInfo) => {
    const profile = mkdtempSync(join(tmpdir(), 'statboard-firefox-'));
    execFileSync('certutil', ['-N', '-d', `sql:${profile}`, '--empty-password']);
    execFileSync('certutil', ['-A', '-d', `sql:${profile}`, '-n', 'statboard-test-ca', '-t', 'C,,', '-i', certificates.caFile]);
    const proxy = await startProxy({ hosts: MOCK_HOSTS, certificates, handler: (req) => mock.handle(req) });
    const debuggerPort = await freePort();
    const output: string[] = [];
    let browser: Browser | undefined;
    let devtools: DevtoolsClient | undefined;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        protocol: 'webDriverBiDi',
        executablePath: FIREFOX_PATH,
        headless: true,
        userDataDir: profile,
        args: ['--start-debugger-server', String(debuggerPort)],
        defaultViewport: { width: 1280, height: 900 },
        protocolTimeout: 60_000,
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
          // permissions.request grants without a door-hanger (still only from a user gesture).
          'extensions.webextOptionalPermissionPrompts': false,
          // Every request goes through the proxy; it serves the mock and refuses the rest.
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': proxy.port,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': proxy.port,
          'network.proxy.no_proxies_on': '',
          'network.proxy.allow_hijacking_localhost': true,
          'network.trr.mode': 5,
          'network.dns.disablePrefetch': true,
          'network.http.http3.enable': false,
          // The devtools server, for the event page and extension pages.
          'devtools.debugger.remote-enabled': true,
          'devtools.debugger.prompt-connection': false,
          'devtools.chrome.enabled': true,
          // console.* and uncaught errors of pages, content scripts and the add-on go to stdout.
          'devtools.console.stdout.content': true,
          'devtools.console.stdout.chrome': true,
          'browser.dom.window.dump.enabled': true,
        },
      });
      const child = browser.process();
      for (const stream of [child?.stdout, child?.stderr]) {
        let rest = '';
        stream?.on('data', (chunk: Buffer) => {
          const lines = (rest + chunk.toString('utf8')).split('\n');
          rest = lines.pop() ?? '';
          output.push(...lines);
        });
      }
      const id = await browser.installExtension(firefoxExtensionDir());
      if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
      devtools = await DevtoolsClient.connect(debuggerPort);
      const pages = await browser.pages();
      const page = pages[0] ?? (await browser.newPage());
      const session: FirefoxSession = {
        browser,
        page,
        devtools,
        proxy,
        output,
        inBackground: (expression) => devtools!.evaluateInAddon(ADDON_ID, expression),
        openExtensionPage: async (path) => {
          const url = `${EXTENSION_ORIGIN}/${path.replace(/^\//, '')}`;
          const before = new Set(await browser!.pages());
          await devtools!.evaluateInAddon(ADDON_ID, `browser.tabs.create({ url: ${JSON.stringify(url)} }).then(() => true)`);
          // Puppeteer keeps reporting an extension tab as about:blank: ask the tab itself.
          let tab: Page | undefined;
          await expect
            .poll(async () => {
              for (const p of await browser!.pages()) {
                if (before.has(p)) continue;
                const at = await p.evaluate(() => (document.readyState === 'complete' ? location.href : '')).catch(() => '');
                if (at === url) tab = p;
              }
              return tab !== undefined;
            }, { timeout: 15_000, message: `${url} opened` })
            .toBe(true);
          return tab!;
        },
      };
      await use(session);
      // Give late console messages a moment to reach stdout, then hold the test to "no errors".
      await new Promise((r) => setTimeout(r, 300));
      const errors = extensionErrors(output);
      if (errors.length > 0) throw new Error(`the extension logged errors in Firefox:\n${errors.join('\n')}`);
    } finally {
      await testInfo.attach('firefox-output', { body: output.join('\n'), contentType: 'text/plain' });
      devtools?.close();
      await browser?.close().catch(() => {});
      await proxy.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },

  tab: async ({ firefox }, use) => {
    await use(firefox.page);
  },
});

export { expect };

/** Deep `querySelectorAll` through open shadow roots, run in the page. */
const DEEP = `function deepAll(root, sel) {
  const out = [...root.querySelectorAll(sel)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepAll(el.shadowRoot, sel));
  return out;
}`;

/** An attribute of the first element matching `selector` (through shadow roots), or null. */
export function attribute(page: Page, selector: string, name: string): Promise<string | null> {
  return page.evaluate(`(() => { ${DEEP}; const el = deepAll(document, ${JSON.stringify(selector)})[0]; return el ? el.getAttribute(${JSON.stringify(name)}) : null; })()`) as Promise<string | null>;
}

/** How many elements match `selector` (through shadow roots). */
export function count(page: Page, selector: string): Promise<number> {
  return page.evaluate(`(() => { ${DEEP}; return deepAll(document, ${JSON.stringify(selector)}).length; })()`) as Promise<number>;
}

/** The text of every element matching `selector` (through shadow roots). */
export function texts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(`(() => { ${DEEP}; return deepAll(document, ${JSON.stringify(selector)}).map((e) => e.textContent.trim()); })()`) as Promise<string[]>;
}

/** Scrolls the first element matching `selector` (through shadow roots) to the middle of the viewport. */
export async function scrollIntoView(page: Page, selector: string): Promise<void> {
  await page.evaluate(`(() => { ${DEEP}; deepAll(document, ${JSON.stringify(selector)})[0].scrollIntoView({ block: 'center' }); })()`);
}

/** How many pixels of the first canvas matching `selector` (through shadow roots) are not transparent. */
export function canvasInk(page: Page, selector: string): Promise<number> {
  return page.evaluate(`(() => { ${DEEP};
    const canvas = deepAll(document, ${JSON.stringify(selector)})[0];
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  })()`) as Promise<number>;
}

/**
 * Presses "Show table" in the section `scope` names (through shadow roots), as a user does: a
 * hidden table has no rows until it is first shown. Nothing when it is shown already.
 */
export async function showTable(page: Page, scope: string): Promise<void> {
  const toggle = `${scope} [data-action="toggle-table"]`;
  await page.evaluate(`(() => { ${DEEP}; const el = deepAll(document, ${JSON.stringify(toggle)})[0]; if (el && el.getAttribute('aria-pressed') !== 'true') el.click(); })()`);
  await expect.poll(() => attribute(page, toggle, 'aria-pressed')).toBe('true');
}

/** Waits until `selector`'s `data-state` is `state` (through shadow roots). */
export async function waitForState(page: Page, selector: string, state: string, options = READY): Promise<void> {
  await expect.poll(() => attribute(page, selector, 'data-state'), { timeout: options.timeout, message: `${selector} data-state` }).toBe(state);
}
