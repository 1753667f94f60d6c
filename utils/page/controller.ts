import type { Placement } from './anchor';
import { waitFor } from './anchor';
import { onPageChange } from './navigation';

export interface PanelController<P> {
  /** the URL alone says this page should have a panel (cheap; no DOM) */
  match(href: string): P | null;
  /** the DOM confirms the page (meta tags caught up after a soft navigation) */
  confirm(href: string, doc: Document): P | null;
  /** a stable text for the page: same key, same panel */
  key(page: P): string;
  /** the preferred spot, or null while it is not in the DOM */
  findAnchor(doc: Document): Placement | null;
  /** used when the preferred spot does not appear in time */
  findFallback(doc: Document): Placement | null;
  /** mounts the panel and returns its teardown */
  mount(page: P, placement: Placement): { host: HTMLElement; unmount(): void };
  /** how long to wait for the preferred spot (ms) */
  anchorTimeoutMs?: number;
}

/**
 * Keeps exactly one panel for the page now shown: on every page change it re-reads the URL,
 * keeps the panel when the page is the same and the panel is still in the DOM (Turbo may swap
 * the body), and otherwise removes it and mounts one for the new page once the DOM is ready.
 * Everything stops when `signal` aborts (the extension was reloaded: `ctx.signal`).
 */
export function startPanelController<P>(controller: PanelController<P>, signal: AbortSignal): void {
  let current: { key: string; host: HTMLElement; unmount(): void } | null = null;
  let pending: { key: string; abort: AbortController } | null = null;

  const teardown = () => {
    pending?.abort.abort();
    pending = null;
    current?.unmount();
    current = null;
  };

  const check = (href: string) => {
    if (signal.aborted) return;
    const wanted = controller.match(href);
    const key = wanted ? controller.key(wanted) : null;
    if (current && current.key === key && current.host.isConnected) return;
    if (pending && pending.key === key) return;
    teardown();
    if (!wanted || key === null) return;

    const abort = new AbortController();
    pending = { key, abort };
    const done = (page: P | null, placement: Placement | null) => {
      if (abort.signal.aborted || signal.aborted || pending?.abort !== abort) return;
      pending = null;
      const now = controller.match(location.href);
      if (!page || !placement || !now || controller.key(now) !== key) return;
      current = { key, ...controller.mount(page, placement) };
    };
    const timeoutMs = controller.anchorTimeoutMs ?? 5000;
    void waitFor(
      () => {
        const page = controller.confirm(location.href, document);
        if (!page || controller.key(page) !== key) return null;
        const placement = controller.findAnchor(document);
        return placement ? { page, placement } : null;
      },
      { timeoutMs, signal: abort.signal },
    ).then((found) => {
      if (found) return done(found.page, found.placement);
      // No preferred spot in time: the fallback, if the DOM at least confirms the page.
      const page = controller.confirm(location.href, document);
      done(page && controller.key(page) === key ? page : null, controller.findFallback(document));
    });
  };

  onPageChange(check, signal);
  signal.addEventListener('abort', teardown);
  check(location.href);
}

/**
 * Starts an injected panel's controller once per isolated world: the background may inject the
 * same bundle twice during one page's life (two quick page changes), and a reloaded extension
 * injects afresh into the same world, so the mark is cleared when `ctx` is invalidated.
 */
export function startInjectedPanel<P>(
  name: 'repo' | 'org',
  controller: PanelController<P>,
  ctx: { signal: AbortSignal; onInvalidated(cb: () => void): unknown },
): void {
  const world = globalThis as typeof globalThis & { __statboardPanels?: Set<string> };
  const started = (world.__statboardPanels ??= new Set());
  if (started.has(name)) return;
  started.add(name);
  ctx.onInvalidated(() => started.delete(name));
  startPanelController(controller, ctx.signal);
}
