/**
 * Playwright fixtures for Statboard: Chromium with the built extension, routed to MockGitHub.
 *
 *   import { test, expect } from './fixtures';
 *   test('…', async ({ page, mock, panel }) => {
 *     await page.goto('https://github.com/acme/rocket');
 *     await expect(panel(page, 'repo').root).toHaveAttribute('data-state', 'ready');
 *   });
 *
 * Ordering: the service worker starts as soon as Chromium launches, so the mock is attached inside
 * the `context` fixture right after launch, before any test code runs. A request the worker makes
 * in those first milliseconds (before `context.route` is installed) is not routed; with no network
 * it fails as a network error. Worker requests after that are routed: Playwright 1.65 intercepts
 * service-worker traffic by default (PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK turns it off; the
 * old PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS flag is no longer needed).
 */
import { test as base, expect, chromium, type BrowserContext, type Locator, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extensionDir } from '../../bench/lib/size';
import { readProtected, writeProtected } from '../../bench/lib/protected';
import type { Command } from '../../utils/protocol';
import { MockGitHub, type MockOptions, type MockRequest } from '../mock-github';

export const CHROMIUM_PATH = process.env.STATBOARD_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The built extension (wxt build output): STATBOARD_EXTENSION_DIR, else `chrome-mv3` under
 * STATBOARD_OUT_DIR (where `wxt build` writes), else `.output/chrome-mv3`. The one resolver the
 * benchmark and the size-budget test use too, so every tool loads the same build.
 */
export { extensionDir };

/**
 * How long a panel or section may take to reach its state from a cold cache: five endpoints, two
 * at a time, with two browsers sharing two cores. `toHaveAttribute('data-state', 'ready', READY)`.
 */
export const READY = { timeout: 30_000 };

/** The repository panel's sections, in the order it shows them. */
export const REPO_SECTIONS = ['commit-activity', 'code-frequency', 'contributors', 'participation', 'punch-card'] as const;

/** A query parameter of a request the mock recorded. */
export const q = (r: MockRequest, key: string) => r.query[key];

/** The test hooks a mock GitHub page exposes (tests/mock-github/pages.ts). */
interface MockPageGlobal {
  __statboardTest: {
    softNavigate(url: string, options: { event: 'turbo' | 'react' }): Promise<void>;
    setTheme(name: string): void;
  };
}

/**
 * A soft navigation the way GitHub does it: fetches `url`, swaps the page in place and fires
 * Turbo's (`turbo:visit`/`turbo:render`/`turbo:load`) or React's (`soft-nav:*`) events.
 */
export function softNavigate(page: Page, url: string, event: 'turbo' | 'react'): Promise<void> {
  return page.evaluate(([u, e]) => (window as unknown as MockPageGlobal).__statboardTest.softNavigate(u, { event: e }), [url, event] as const);
}

/** Switches the mock page's theme in place, the way GitHub's theme picker does (`light`, `dark`, `dark_dimmed`, `auto`, …). */
export function setTheme(page: Page, theme: string): Promise<void> {
  return page.evaluate((t) => (window as unknown as MockPageGlobal).__statboardTest.setTheme(t), theme);
}

/** Launches Chromium with the extension in a fresh profile; the caller closes it and removes `userDataDir`. */
export async function launchWithExtension(options: { headless?: boolean; viewport?: { width: number; height: number }; args?: string[] } = {}) {
  const dir = resolve(extensionDir());
  const userDataDir = mkdtempSync(join(tmpdir(), 'statboard-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
  });
  return { context, userDataDir };
}

/**
 * The extension's service worker, or the next one to start. Chromium keeps the same DevTools target
 * when an extension worker is stopped and started again, so this Worker object stays usable across
 * `stopWorker()`; while the worker is stopped, `evaluate` waits (it does not reject) until
 * something wakes it (a port, a message, an alarm).
 */
export async function extensionWorker(context: BrowserContext, timeout = 10_000): Promise<Worker> {
  const isExtension = (w: Worker) => w.url().startsWith('chrome-extension://');
  return context.serviceWorkers().find(isExtension) ?? context.waitForEvent('serviceworker', { timeout, predicate: isExtension });
}

/** The `chrome` global of an extension page (no @types/chrome here; this is all tests need). */
interface ExtensionGlobal {
  chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };
}

/**
 * Sends a Command (utils/protocol.ts) to the background from an extension page (popup/options tab)
 * in the engine's envelope `{ statboard: 'command', command }` (utils/engine/commands.ts), and
 * returns its answer, or `{ error }` when the background refused or nobody answered.
 */
export function sendCommand(extensionPage: Page, command: Command): Promise<unknown> {
  return extensionPage.evaluate(
    (c) =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime
        .sendMessage({ statboard: 'command', command: c })
        .catch((e: Error) => ({ error: e.message })),
    command,
  );
}

/**
 * Stores a token the way the options page does (the `token.set` command, which checks it with
 * GET /user), from a throwaway extension page, and waits for the check's answer.
 */
export async function giveToken(openExtensionPage: (path: string) => Promise<Page>, token: string): Promise<void> {
  const tab = await openExtensionPage('options.html');
  const answer = (await sendCommand(tab, { type: 'token.set', host: 'github.com', token })) as { status?: string; error?: string };
  await tab.close();
  if (answer?.status !== 'valid') throw new Error(`token.set did not accept the test token: ${JSON.stringify(answer)}`);
}

/** Reads and writes of the protected store (tokens, hosts, watch list), from the service worker. */
export { readProtected, writeProtected };

/** Locators into a panel's open shadow root (Playwright's CSS engine pierces open shadow roots). */
export interface PanelLocators {
  /** `[data-statboard="repo" | "org"]`, carries `data-state` */
  root: Locator;
  /** a section by name, e.g. `section('contributors')`, carries `data-state` */
  section(name: string): Locator;
  /** the data table of a section (present in `ready`; hidden, it has no rows until first shown) */
  table(name: string): Locator;
  /** presses the section's "Show table" (as a user does; nothing when it is shown already) and returns its table */
  shownTable(name: string): Promise<Locator>;
}

export function panel(page: Page, kind: 'repo' | 'org'): PanelLocators {
  const root = page.locator(`[data-statboard="${kind}"]`);
  return {
    root,
    section: (name) => root.locator(`[data-section="${name}"]`),
    table: (name) => root.locator(`[data-section="${name}"] table`),
    async shownTable(name) {
      const toggle = root.locator(`[data-section="${name}"] [data-action="toggle-table"]`).first();
      if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      return root.locator(`[data-section="${name}"] table`);
    },
  };
}

interface Fixtures {
  /** options for the MockGitHub of this test: `test.use({ mockOptions: { now: … } })` */
  mockOptions: MockOptions;
  mock: MockGitHub;
  extensionId: string;
  /** the extension's service worker (the same object keeps working after a stop and restart) */
  worker: Worker;
  getWorker: () => Promise<Worker>;
  /** opens `popup.html`, `options.html`, … of the extension in a new tab, loaded */
  openExtensionPage: (path: string) => Promise<Page>;
  /** stops the extension's service worker (CDP ServiceWorker.stopAllWorkers); resolves when it is gone */
  stopWorker: () => Promise<void>;
  panel: typeof panel;
}

export const test = base.extend<Fixtures>({
  mockOptions: [{}, { option: true }],

  mock: async ({ mockOptions }, use) => {
    await use(new MockGitHub(mockOptions));
  },

  context: async ({ mock }, use) => {
    const { context, userDataDir } = await launchWithExtension();
    await mock.attach(context);
    try {
      await use(context);
    } finally {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    }
  },

  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },

  worker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },

  getWorker: async ({ context }, use) => {
    await use(() => extensionWorker(context));
  },

  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },

  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const tab = await context.newPage();
      await tab.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return tab;
    });
  },

  stopWorker: async ({ context, extensionId }, use) => {
    await use(async () => {
      // A CDP session on any page reaches the profile's service workers. Playwright does not emit
      // `close` on the Worker object, so wait for Chromium to report the version as stopped.
      const probe = await context.newPage();
      try {
        const cdp = await context.newCDPSession(probe);
        const prefix = `chrome-extension://${extensionId}/`;
        const stopped = new Promise<void>((resolve) => {
          cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
            if (versions.some((v) => v.scriptURL.startsWith(prefix) && v.runningStatus === 'stopped')) resolve();
          });
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        let timer: ReturnType<typeof setTimeout> | undefined;
        await Promise.race([
          stopped,
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the extension service worker did not stop within 5 s')), 5_000))),
        ]).finally(() => clearTimeout(timer));
        await cdp.detach().catch(() => {});
      } finally {
        await probe.close();
      }
    });
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  panel: async ({}, use) => {
    await use(panel);
  },
});

export { expect };
