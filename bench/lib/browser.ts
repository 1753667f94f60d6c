/**
 * Launching the two kinds of benchmark contexts. "With" loads the built extension; "without" is
 * launched the same way minus the extension flags: same Chromium, same flags, same viewport, same
 * mock, same in-page probe, fresh profile each.
 */
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEMO_TOKENS, MockGitHub, type MockOptions } from '../../tests/mock-github';
import { installProbe, readProbe, TERMINAL, type ProbeData } from './probe';
import { writeProtected } from './protected';

export const CHROMIUM = process.env.STATBOARD_CHROMIUM ?? '/usr/bin/chromium';
const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BenchContext {
  label: 'with' | 'without';
  context: BrowserContext;
  mock: MockGitHub;
  worker: Worker | null;
  close(): Promise<void>;
}

/** The `chrome` object as the extension's service worker sees it (only what we call). */
interface SwChrome {
  chrome: { storage: { local: { set(v: object): Promise<void> }; sync: { set(v: object): Promise<void> } } };
}

/** `token: false`: the extension runs without a token (GitHub's anonymous budget). */
export async function launch(label: 'with' | 'without', extDir: string, mockOptions: MockOptions = {}, setup?: (mock: MockGitHub) => void, opts: { token?: boolean } = {}): Promise<BenchContext> {
  const userDataDir = mkdtempSync(join(tmpdir(), `statboard-bench-${label}-`));
  const ext = resolve(extDir);
  const args = label === 'with' ? [...BASE_ARGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`] : [...BASE_ARGS, '--disable-extensions'];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  const mock = new MockGitHub(mockOptions);
  setup?.(mock);
  await mock.attach(context);
  // Everything else (there should be nothing) is refused rather than left to time out.
  await context.route((url) => !['api.github.com', 'github.com', 'avatars.githubusercontent.com', 'github.githubassets.com'].includes(url.host) && /^https?:/.test(url.protocol), (r) => r.abort());
  // As source text with a `__name` shim: tsx (esbuild keepNames) wraps named inner functions in
  // `__name(...)` calls, a helper that does not exist in the page.
  await context.addInitScript({ content: `var __name = (f) => f; (${installProbe.toString()})(${JSON.stringify(TERMINAL)});` });
  let worker: Worker | null = null;
  if (label === 'with') {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // The token the engine reads (utils/settings.ts `tokens`, in the protected store): the mock's
    // admin token sees API Insights and private repos. The org window is set to 30 days (the big
    // org series).
    // Stored as a checked token is (the options page checks it when it is pasted): with its login,
    // so the cache namespace is `mona@FP` from the first visit. Without it, the session's first
    // token check moved the namespace from `@FP` to `mona@FP` halfway and every earlier answer was
    // fetched again (economy.ratio 0.55x instead of 0.43x).
    if (opts.token !== false) await writeProtected(worker, 'tokens', { 'github.com': { token: DEMO_TOKENS.admin, login: 'mona' } });
    await worker.evaluate(async () => {
      const g = globalThis as unknown as SwChrome;
      await g.chrome.storage.sync.set({ preferences: { defaultOrgWindow: '30d' } });
    });
  }
  return {
    label,
    context,
    mock,
    worker,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface VisitResult {
  /** ms since navigation start, from Navigation Timing */
  loadMs: number | null;
  /** CDP Performance.getMetrics of a fresh tab at the end of the visit (seconds → ms) */
  taskMs: number | null;
  scriptMs: number | null;
  heapUsedBytes: number | null;
  probe: ProbeData | null;
  /** why the panel did not reach a terminal state, when waited for */
  panelTimeout?: boolean;
}

export interface VisitOptions {
  /** wait for the panel of this kind to settle (every section terminal) */
  waitPanel?: 'repo' | 'org';
  panelTimeoutMs?: number;
  /** extra quiet time after load/panel, so late work lands in the busy-time window */
  settleMs?: number;
  /** force GC and read the JS heap */
  heap?: boolean;
  /** leave the page open (caller closes it) */
  keepOpen?: boolean;
  /**
   * the "without" half of a pair whose "with" half waits for a panel: waits the same way (one
   * Playwright waitForFunction, which puts Playwright's own injected script into the page, 5-8 ms
   * of main-thread time), for a predicate already true, so that cost is on both sides of the pair
   */
  mirrorWait?: boolean;
}

type Metric = { name: string; value: number };

/**
 * One page view in a fresh tab: navigate, wait for `load`, optionally for the panel, settle, then
 * read CDP metrics. TaskDuration/ScriptDuration are cumulative for the tab's renderer main thread
 * since the tab was created, so a fresh tab makes them this view's busy time.
 */
export async function visit(bc: BenchContext, url: string, opts: VisitOptions = {}): Promise<VisitResult & { page: Page }> {
  const page = await bc.context.newPage();
  const cdp = await bc.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  let panelTimeout: boolean | undefined;
  if (opts.waitPanel) {
    const kind = opts.waitPanel;
    panelTimeout = await page
      .waitForFunction(
        (k) => {
          const p = (window as unknown as { __statboardBench?: ProbeData }).__statboardBench?.panels[k];
          return !!p && p.settledFrameAt !== undefined;
        },
        kind,
        { timeout: opts.panelTimeoutMs ?? 15_000, polling: 100 },
      )
      .then(() => false, () => true);
  }
  if (opts.mirrorWait) await page.waitForFunction(() => true, null, { polling: 100 });
  if (opts.settleMs) await page.waitForTimeout(opts.settleMs);
  // Busy time first: the forced GC below runs on the main thread and must not count.
  const read = async () => ((await cdp.send('Performance.getMetrics')) as { metrics: Metric[] }).metrics;
  const metrics = await read();
  const m = (list: Metric[], name: string) => list.find((x) => x.name === name)?.value ?? null;
  let heapUsedBytes: number | null = null;
  if (opts.heap) {
    await cdp.send('HeapProfiler.enable');
    // Twice: objects freed by the first pass's finalizers go in the second.
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    heapUsedBytes = m(await read(), 'JSHeapUsedSize');
  }
  const probe = await page.evaluate(readProbe).catch(() => null);
  const task = m(metrics, 'TaskDuration');
  const script = m(metrics, 'ScriptDuration');
  await cdp.detach().catch(() => undefined);
  if (!opts.keepOpen) await page.close();
  return {
    page,
    loadMs: probe?.nav?.loadEventStart ?? null,
    taskMs: task === null ? null : task * 1000,
    scriptMs: script === null ? null : script * 1000,
    heapUsedBytes,
    probe,
    panelTimeout,
  };
}
