import type { PageFacts } from './detect';

/** What the background learns from a page before it injects a panel (utils/background/panelInjection.ts). */
export interface PageProbe {
  /** `location.href` when the facts were read */
  href: string;
  facts: PageFacts;
  /** `performance.timeOrigin`: tells one document of a tab from the next (a panel goes into each once) */
  doc: number;
}

/**
 * Runs IN THE PAGE (`scripting.executeScript({ func: probePage, world: 'MAIN' })`), so it must
 * be self-contained: no imports, no outer names (the browser sends its source text). It reads the
 * same four facts as `readPageFacts` (detect.ts) once they belong to the URL shown:
 * - a page still parsing answers once its tags say for certain which repository or organization
 *   it is, else at DOMContentLoaded (the facts are in <head> and the header);
 * - after a soft navigation (the URL is no longer the document's first) GitHub changes the URL
 *   before it swaps the page, so facts that still describe the previous page (another nwo, no
 *   `organization:` subject yet) are read again on every DOM change, for at most `waitMs`;
 * - a page left by a further navigation answers at once (the background drops stale answers).
 * The background decides with the pure detection code (detect.ts panelKindFrom); this only reads.
 */
export function probePage(waitMs: number): Promise<PageProbe> {
  const start = location.href;
  const meta = (name: string): string | null => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() || null;
  const read = (): PageProbe => ({
    href: location.href,
    facts: {
      repositoryNwo: meta('octolytics-dimension-repository_nwo'),
      subject: meta('hovercard-subject-tag'),
      routePattern: meta('route-pattern'),
      repositoryHeader: document.querySelector('#repository-container-header') !== null,
    },
    doc: performance.timeOrigin,
  });
  /** whether the facts can be about this URL's page (not the previous page of a soft navigation) */
  const settled = ({ href, facts }: PageProbe): boolean => {
    if (href !== start) return true;
    const first = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.name;
    const own = first === undefined || first === href; // no soft navigation since this document loaded
    let parts: string[];
    try {
      parts = new URL(href).pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
    } catch {
      return true;
    }
    if (parts.length === 1) return own || (facts.subject?.startsWith('organization:') ?? false);
    const nwo = `${parts[0]}/${parts[1]}`.toLowerCase();
    if (facts.repositoryNwo !== null) return facts.repositoryNwo.toLowerCase() === nwo;
    const landmark =
      (facts.subject?.startsWith('repository:') ?? false) || (facts.routePattern?.startsWith('/:user_id/:repository') ?? false) || facts.repositoryHeader;
    return own || landmark;
  };
  return new Promise((resolve) => {
    const begin = () => {
      const now = read();
      if (settled(now)) return resolve(now);
      const done = (probe: PageProbe) => {
        observer.disconnect();
        clearTimeout(timer);
        resolve(probe);
      };
      // Read in the observer's callback, not in a frame: a tab in the background gets no frames.
      const observer = new MutationObserver(() => {
        const next = read();
        if (settled(next)) done(next);
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['content'] });
      const timer = setTimeout(() => done(read()), waitMs);
    };
    if (document.readyState !== 'loading') return begin();
    // While the page is parsing, the answer is taken as soon as it is certain (the repository's
    // nwo tag for this URL, or an organization's subject, both early in <head>): the panel then
    // starts alongside the parser. Anything less certain waits for DOMContentLoaded.
    const early = new MutationObserver(() => {
      const now = read();
      const parts = new URL(now.href).pathname.split('/').filter(Boolean);
      const nwo = now.facts.repositoryNwo?.toLowerCase();
      const certain =
        (parts.length >= 2 && nwo !== undefined && nwo === `${parts[0]}/${parts[1]}`.toLowerCase()) ||
        (parts.length === 1 && (now.facts.subject?.startsWith('organization:') ?? false));
      if (!certain) return;
      early.disconnect();
      document.removeEventListener('DOMContentLoaded', parsed);
      resolve(now);
    });
    const parsed = () => {
      early.disconnect();
      begin();
    };
    early.observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', parsed, { once: true });
  });
}
