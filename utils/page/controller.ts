import { BEST_RANK, type Placement } from './anchor';
import { onPageChange } from './navigation';

export interface PanelController<P> {
  /** the URL alone says this page should have a panel (cheap; no DOM) */
  match(href: string): P | null;
  /** the DOM confirms the page (meta tags caught up after a soft navigation) */
  confirm(href: string, doc: Document): P | null;
  /** a stable text for the page: same key, same panel */
  key(page: P): string;
  /** the best spot the page has now (sidebar, overview column), or null while it has none */
  findAnchor(doc: Document): Placement | null;
  /** the spot used at once when the page has finished loading without any `findAnchor` spot */
  findFallback(doc: Document): Placement | null;
  /** mounts the panel and returns its teardown */
  mount(page: P, placement: Placement): { host: HTMLElement; unmount(): void };
  /** how long to wait for the DOM to confirm the page before giving up until the next page change (ms) */
  confirmTimeoutMs?: number;
}

/** More re-attaches than this within REATTACH_WINDOW_MS means a fight with the page's renderer. */
const MAX_REATTACHES = 10;
const REATTACH_WINDOW_MS = 1000;

interface PanelSession {
  key: string;
  /** false once it gave up waiting for the page without mounting */
  alive(): boolean;
  /** re-checks the panel's place now (a page-change event for the same page) */
  maintain(): void;
  stop(): void;
}

/**
 * One panel for one page (one key), with ONE MutationObserver from start to teardown:
 * - waiting: mounts as soon as the DOM confirms the page and has a spot: the best landmark, or,
 *   once the document has loaded without one, the fallback at once (no timeout to sit out);
 * - mounted: when a React render removes the host while the page is the same, puts the same
 *   host back in the same microtask (no remount: state, charts and watches stay, nothing is
 *   fetched again); when a better spot appears (the sidebar after the fallback), moves it there.
 * No polling: work happens only when the DOM changes, and stops at `stop()`.
 */
function startSession<P>(controller: PanelController<P>, key: string): PanelSession {
  let mounted: { host: HTMLElement; unmount(): void; placement: Placement } | null = null;
  let stopped = false;
  let gaveUp = false;
  let frame = 0;
  let fallbackOnly = false;
  const reattaches: number[] = [];

  const confirmed = (): P | null => {
    const page = controller.confirm(location.href, document);
    return page && controller.key(page) === key ? page : null;
  };
  const loaded = () => document.readyState !== 'loading';
  const spot = (): Placement | null =>
    (fallbackOnly ? null : controller.findAnchor(document)) ?? (loaded() ? controller.findFallback(document) : null);

  /** Turbo's snapshot of a page restores a clone of our host without its shadow root: drop it. */
  const removeCopies = (host: HTMLElement) => {
    const name = host.dataset.statboardHost;
    if (!name) return;
    for (const el of document.querySelectorAll<HTMLElement>(`[data-statboard-host="${name}"]`)) {
      if (el !== host && !el.shadowRoot) el.remove();
    }
  };

  const put = (placement: Placement) => {
    if (!mounted) return;
    placement.insert(mounted.host);
    mounted.placement = placement;
    removeCopies(mounted.host);
  };

  const tryMount = () => {
    const page = confirmed();
    const placement = page && spot();
    if (!page || !placement) return;
    clearTimeout(giveUp);
    gaveUp = false;
    mounted = { ...controller.mount(page, placement), placement };
    removeCopies(mounted.host);
  };

  const maintain = () => {
    if (stopped) return;
    if (!mounted) return tryMount();
    const { host, placement } = mounted;
    if (host.isConnected && (placement.rank >= BEST_RANK || fallbackOnly)) return;
    if (!confirmed()) return; // another page is on its way: the page-change check decides
    if (!host.isConnected) {
      const now = Date.now();
      reattaches.push(now);
      while (reattaches.length > 0 && reattaches[0]! < now - REATTACH_WINDOW_MS) reattaches.shift();
      // Something keeps removing it from the sidebar: stay in the fallback rather than fight.
      if (reattaches.length > MAX_REATTACHES) fallbackOnly = true;
      const next = spot();
      if (next) put(next);
      return;
    }
    const better = controller.findAnchor(document);
    if (better && better.rank > placement.rank) put(better);
  };

  const observer = new MutationObserver(() => {
    if (stopped) return;
    if (mounted) {
      if (!mounted.host.isConnected) return maintain(); // within this microtask, before a paint
      if (mounted.placement.rank >= BEST_RANK || fallbackOnly) return;
    }
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      maintain();
    });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['content'] });
  const onLoaded = () => maintain();
  if (!loaded()) document.addEventListener('DOMContentLoaded', onLoaded, { once: true });
  // A page that never confirms (not a repository after all) stops costing anything.
  const giveUp = setTimeout(() => {
    if (mounted) return;
    gaveUp = true;
    observer.disconnect();
  }, controller.confirmTimeoutMs ?? 10_000);

  tryMount();
  return {
    key,
    alive: () => !gaveUp,
    maintain,
    stop() {
      if (stopped) return;
      stopped = true;
      observer.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(giveUp);
      document.removeEventListener('DOMContentLoaded', onLoaded);
      mounted?.unmount();
      mounted = null;
    },
  };
}

/**
 * Keeps exactly one panel for the page now shown: on every page change it re-reads the URL; the
 * same page keeps its panel (put back in place if the DOM was swapped under it), another page
 * gets a new one once its DOM confirms it. Everything stops when `signal` aborts (the extension
 * was replaced: startInjectedPanel).
 */
export function startPanelController<P>(controller: PanelController<P>, signal: AbortSignal): void {
  let session: PanelSession | null = null;

  const teardown = () => {
    session?.stop();
    session = null;
  };

  const check = (href: string) => {
    if (signal.aborted) return;
    const wanted = controller.match(href);
    const key = wanted ? controller.key(wanted) : null;
    if (session && session.key === key && session.alive()) return session.maintain();
    teardown();
    if (key !== null) session = startSession(controller, key);
  };

  onPageChange(check, signal);
  signal.addEventListener('abort', teardown);
  check(location.href);
}

/**
 * Starts an injected panel's controller, one per document: a newer injection of the same panel
 * stops the one before, whether it runs in this isolated world (the background sent the bundle
 * again) or in an older extension's (reloaded or updated: its panel is orphaned, its port dead).
 * The word crosses worlds as a DOM event on the document, named after the panel.
 */
export function startInjectedPanel<P>(name: 'repo' | 'org', controller: PanelController<P>): void {
  const started = `statboard:${name}-panel-started`;
  // The one before stops first; only then does this one listen for the next.
  document.dispatchEvent(new Event(started));
  // Which panels this world started (tests ask it through the background). Checked, not `??=`:
  // an element the page gives that id is a property of this world's window too (DOM clobbering).
  const world = globalThis as typeof globalThis & { __statboardPanels?: unknown };
  if (!(world.__statboardPanels instanceof Set)) world.__statboardPanels = new Set<string>();
  (world.__statboardPanels as Set<string>).add(name);
  const lifetime = new AbortController();
  document.addEventListener(started, () => lifetime.abort(), { once: true });
  startPanelController(controller, lifetime.signal);
}
