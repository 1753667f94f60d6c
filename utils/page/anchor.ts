/**
 * Where a panel goes. GitHub's class names (`prc-PageLayout-Pane-…`) are hashed and change, so
 * anchors are matched by prefix or landmark, and there is always a fallback position: a DOM
 * change may move the panel, it never removes it.
 */

export interface Placement {
  /** puts the panel's host element into the page */
  insert(host: HTMLElement): void;
  /** true for the preferred spot, false for the fallback */
  preferred: boolean;
}

const PANE = '[class^="prc-PageLayout-Pane-"], [class*=" prc-PageLayout-Pane-"], .Layout-sidebar';
const MAIN =
  '[class^="prc-PageLayout-Content-"], [class*=" prc-PageLayout-Content-"], .Layout-main, main';

/** The repository sidebar: above its About row (the first `.BorderGrid`). */
export function findRepoSidebar(doc: Document): Placement | null {
  for (const pane of doc.querySelectorAll(PANE)) {
    const grid = pane.querySelector('.BorderGrid');
    if (grid?.parentElement) {
      return { preferred: true, insert: (host) => grid.parentElement?.insertBefore(host, grid) };
    }
  }
  return null;
}

/** The fallback: the top of the main column, or of `<main>`. */
export function findMainColumn(doc: Document): Placement | null {
  const main = doc.querySelector(MAIN);
  if (!main) return null;
  return { preferred: false, insert: (host) => main.prepend(host) };
}

/**
 * Resolves with `find(doc)` once it is non-null, re-checking on DOM changes (once per frame);
 * null after `timeoutMs` or when `signal` aborts.
 */
export function waitFor<T>(
  find: () => T | null,
  { timeoutMs = 5000, signal }: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<T | null> {
  const now = find();
  if (now !== null || signal?.aborted) return Promise.resolve(now);
  return new Promise((resolve) => {
    let frame = 0;
    const done = (value: T | null) => {
      observer.disconnect();
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      signal?.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => done(null);
    const observer = new MutationObserver(() => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        const found = find();
        if (found !== null) done(found);
      });
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['content'] });
    const timer = setTimeout(() => done(find()), timeoutMs);
    signal?.addEventListener('abort', onAbort);
  });
}
