/**
 * Where a panel goes, found by landmarks in order of trust. GitHub has shipped three shapes of
 * repository sidebar (FACTS.md, "Page structure"), all live somewhere at once, and its hashed
 * class names (`prc-PageLayout-Pane-AyzHK`, `SidebarSection-module__sidebarSection__e8jFN`) change
 * with every deploy: they are matched by their stable prefixes only. There is always a sensible
 * spot below the best one: a markup change moves the panel, it never loses it, and never puts it
 * above the repository's name and tabs.
 */

/** How the host element must present itself in a spot (see SPOT_CSS). */
export type PlacementFit = 'block' | 'section' | 'grid-row';

export interface Placement {
  /** puts the panel's host element into the page (moves it there if it is elsewhere) */
  insert(host: HTMLElement): void;
  /** true for a spot in the sidebar (the page has the layout we know), false for a fallback */
  preferred: boolean;
  /** how good the spot is: a higher rank replaces a lower one when it appears */
  rank: number;
  /** the spot in words, set as `data-statboard-spot` on the host: `below-about`, `main-column`, ... */
  spot: string;
  fit: PlacementFit;
}

/** The best rank a spot can have: nothing better will ever appear. */
export const BEST_RANK = 3;

type Where = 'before' | 'after' | 'prepend';

function at(anchor: Element, where: Where, spot: string, rank: number, fit: PlacementFit): Placement {
  return {
    spot,
    rank,
    fit,
    preferred: rank > 0,
    insert(host) {
      host.dataset.statboardSpot = spot;
      host.dataset.statboardFit = fit;
      if (where === 'before') anchor.before(host);
      else if (where === 'after') anchor.after(host);
      else anchor.prepend(host);
    },
  };
}

/**
 * Extra styles for the host in each spot, added to every panel's shadow root: below a
 * `.BorderGrid-row` the host is itself a table row with a cell like GitHub's (a plain block
 * inside `display: table` would be squeezed into an anonymous cell without the row's border).
 */
export const SPOT_CSS = `
:host([data-statboard-fit="section"]) { margin: 16px 0; }
:host([data-statboard-fit="grid-row"]) { display: table-row; margin: 0; }
:host([data-statboard-fit="grid-row"]) > div { display: table-cell; padding: 16px 0; border-top: 1px solid var(--borderColor-muted, #d1d9e0b3); }
`;

// ---------------------------------------------------------------------------------------------
// Repository pages

/** The end pane, most trusted landmark first: 2026 Primer PageLayout, then the 2022-24 sidebar. */
const PANE_LANDMARKS = ['[data-position="end"]', '[data-component="SplitPageLayout.Pane"]', '.Layout-sidebar'];
/** Inside a pane wrapper, the pane itself (its content box). */
const INNER_PANE = ':scope > [data-component="SplitPageLayout.Pane"], :scope > [class*="PageLayout-Pane-"]';

/**
 * Sidebar sections, newest markup first: 2026-08 CSS-module sections; then `.BorderGrid-row`s,
 * which both the 2026-05 `rails-partial[data-partial-name="codeViewRepoRoute.Sidebar"]` and the
 * 2022-24 `.Layout-sidebar` hold.
 */
const SECTION_KINDS: { selector: string; fit: PlacementFit }[] = [
  { selector: '[class*="SidebarSection-module__sidebarSection__"]', fit: 'section' },
  { selector: '.BorderGrid-row', fit: 'grid-row' },
];
const HEADING = 'h2, h3, [data-component="Heading"]';

/** The repository's end pane (innermost element), or null when the layout has none. */
export function findRepoPane(doc: Document): Element | null {
  const scope = doc.querySelector('#js-repo-pjax-container') ?? doc.querySelector('main') ?? doc;
  for (const selector of PANE_LANDMARKS) {
    const pane = scope.querySelector(selector);
    if (pane) return pane.querySelector(INNER_PANE) ?? pane;
  }
  return null;
}

function headingText(section: Element): string {
  return (section.querySelector(HEADING)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The repository sidebar spot, best first: directly below the section headed "About" (About
 * stays first and never moves; it may be hidden on narrow windows, `hide-sm hide-md`, and the
 * panel still goes there, where the pane is); then below the pane's first section; then the top
 * of the pane. Null when the page has no end pane.
 */
export function findRepoSidebar(doc: Document): Placement | null {
  const pane = findRepoPane(doc);
  if (!pane) return null;
  for (const { selector, fit } of SECTION_KINDS) {
    const sections = [...pane.querySelectorAll(selector)];
    if (sections.length === 0) continue;
    const about = sections.find((s) => /^about$/i.test(headingText(s)));
    if (about) return at(about, 'after', 'below-about', 3, fit);
    return at(sections[0]!, 'after', 'below-first-section', 2, fit);
  }
  return at(pane, 'prepend', 'pane-top', 1, 'section');
}

/** The main column of GitHub's page layouts: 2026 Primer PageLayout, then the 2022-24 layout. */
const MAIN_COLUMNS = ['[class*="prc-PageLayout-Content-"]', '[data-component="PageLayout.Content"]', '.Layout-main'];

/** Whether `a` comes before `b` in document order (and does not contain it). */
function precedes(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 && !a.contains(b);
}

/**
 * The fallback when the page has no end pane (narrow layouts, an unknown redesign): the top of
 * the main column below `#repository-container-header` (the name and tab bar stay above the
 * panel), each candidate tried in turn; then directly below that header; then the top of
 * `<main>` only when it has no such header.
 */
export function findMainColumn(doc: Document): Placement | null {
  const header = doc.querySelector('#repository-container-header');
  for (const selector of MAIN_COLUMNS) {
    for (const column of doc.querySelectorAll(selector)) {
      if (!header || precedes(header, column)) return at(column, 'prepend', 'main-column', 0, 'block');
      if (column.contains(header)) return at(header, 'after', 'main-column', 0, 'block');
    }
  }
  if (header) return at(header, 'after', 'below-repository-header', 0, 'block');
  const main = doc.querySelector('main');
  return main ? at(main, 'prepend', 'main-top', 0, 'block') : null;
}

// ---------------------------------------------------------------------------------------------
// Organization profiles (no saved real page newer than 2019 exists here: every step degrades)

const ORG_COLUMNS = ['[class*="prc-PageLayout-Content-"]', '[data-component="PageLayout.Content"]', '.Layout-main'];
/** Blocks of an org overview that list repositories: pinned, then popular. */
const ORG_REPO_BLOCKS = ['.js-pinned-items-reorder-container', '[data-testid="pinned-items"]', '#org-repositories'];
const ORG_REPO_HEADING = /^(pinned|popular repositories)\b/i;

/** The direct child of `column` that holds `el`. */
function blockOf(column: Element, el: Element): Element {
  let node = el;
  while (node.parentElement && node.parentElement !== column) node = node.parentElement;
  return node;
}

/**
 * The org overview spot: in the overview column above its pinned or popular repositories; else
 * the top of that column. Null when the page has no overview column.
 */
export function findOrgOverview(doc: Document): Placement | null {
  for (const selector of ORG_COLUMNS) {
    const column = doc.querySelector(selector);
    if (!column) continue;
    for (const block of ORG_REPO_BLOCKS) {
      const el = column.querySelector(block);
      if (el) return at(blockOf(column, el), 'before', 'above-repositories', 3, 'block');
    }
    const heading = [...column.querySelectorAll('h2, h3, strong')].find((h) => ORG_REPO_HEADING.test((h.textContent ?? '').trim()));
    if (heading) return at(blockOf(column, heading), 'before', 'above-repositories', 3, 'block');
    const list = column.querySelector('a[data-testid="listitem-title-link"]');
    if (list) return at(blockOf(column, list), 'before', 'above-repositories', 2, 'block');
    return at(column, 'prepend', 'org-column-top', 1, 'block');
  }
  return null;
}

/** The org fallback: the top of `<main>`, else of the body (a markup change never loses the panel). */
export function findOrgFallback(doc: Document): Placement | null {
  const main = doc.querySelector('main');
  if (main) return at(main, 'prepend', 'main-top', 0, 'block');
  return doc.body ? at(doc.body, 'prepend', 'body-top', 0, 'block') : null;
}
