import { browser } from 'wxt/browser';
import { orgPageFrom, panelKindFrom, panelUrlKind, parseOrgUrl, parseRepoUrl, repoPageFrom, type OrgPage, type RepoPage } from '../page/detect';
import { probePage, type PageProbe } from '../page/probe';

/**
 * Where a panel is decided: in the background, from the tab's URL (`tabs.onUpdated`, which also
 * reports GitHub's soft navigations), so a GitHub page without a panel runs no extension code at
 * all. A URL that may have a panel (detect.ts panelUrlKind) gets a tiny probe in the page's main
 * world (`probePage`: four page facts; no isolated world, no bundle), the pure detection code
 * decides on them (panelKindFrom), and only then is the panel bundle injected, once per document.
 * From then on the injected panel follows soft navigation inside the page by itself
 * (utils/page/controller.ts); a second injection of the same bundle into a document would start
 * nothing (startInjectedPanel), but it is not even sent.
 */

export type PanelKind = 'repo' | 'org';

/**
 * The panel bundles (entrypoints/repo-panel.ts, entrypoints/org-panel.ts: unlisted scripts): never in the
 * manifest, injected only where a panel goes. The background picks the file; nothing else names one.
 */
export const PANEL_SCRIPTS = {
  repo: '/repo-panel.js',
  org: '/org-panel.js',
} as const satisfies Record<PanelKind, string>;

/**
 * Parts a panel asks for itself when first used: the org panel's API Insights views
 * (components/org/insightsPart.ts) and the repository panel's Chart.js (components/repo/chartsPart.ts).
 * The only thing a content script may have injected (`panels.load`), into its own frame.
 */
export const PANEL_PARTS = {
  'org-insights': '/org-insights.js',
  'repo-charts': '/repo-charts.js',
} as const;

/** Injects a panel part into the frame that asked for it (the sender was checked). */
export async function injectPanelPart(
  part: keyof typeof PANEL_PARTS,
  sender: { tab?: { id?: number }; frameId?: number },
): Promise<{ ok: true }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('Panels go into a tab.');
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PANEL_PARTS[part]] });
  return { ok: true };
}

/**
 * How long a probe waits for a soft navigation's page to replace the previous one (GitHub changes
 * the URL first); the same as the panel controller's wait for its page to confirm.
 */
export const PROBE_WAIT_MS = 10_000;

/** What each decision came to (returned for tests and diagnostics). */
export type InjectionOutcome =
  | 'ignored' // not a change that can bring a new page (title, favicon, ...)
  | 'no-panel-url' // the URL alone rules a panel out: nothing ran in the tab
  | 'host-not-served' // not github.com nor a host the user added
  | 'superseded' // the tab moved on while the page was probed: the newer decision counts
  | 'unreachable' // the tab or its document went away, or the page cannot be scripted
  | 'no-panel' // the page's facts say it is no repository or organization page
  | 'already' // this document has that panel already
  | 'injected';

/** The page a decision was about, for the prefetch. */
export type PanelPage = RepoPage | OrgPage;

interface ProbeAnswer {
  probe: PageProbe;
  documentId?: string;
}

export interface PanelInjectionDeps {
  /** whether the background serves this page host (`url.host`): github.com or one the user added */
  servesHost(host: string): Promise<boolean>;
  /** runs `probePage` in the tab's top frame; null when it cannot (tab closed, error page) */
  probe(tabId: number): Promise<ProbeAnswer | null>;
  /** injects the panel bundle into that document (or the tab's top frame) */
  inject(tabId: number, panel: PanelKind, documentId: string | undefined): Promise<void>;
  /**
   * the URL says which repository or organization: its cache reads start now; then the page's
   * tags confirm it (`confirmed`): what is missing may be fetched ahead where the budget allows
   */
  prefetch?(page: PanelPage, confirmed?: boolean): void;
  /** which documents have which panel, kept across worker restarts */
  injected: InjectedPanels;
}

/** Per tab: the document (`probe.doc`) that has panels, and which. */
export interface InjectedPanels {
  /**
   * Records that this document gets that panel, unless it has it already (then false). Check and
   * record are one step, so two decisions racing for the same document inject it once; the
   * answer does not wait for the record to be saved.
   */
  claim(tabId: number, doc: number, panel: PanelKind): Promise<boolean>;
  remove(tabId: number, doc: number, panel: PanelKind): Promise<void>;
  forgetTab(tabId: number): Promise<void>;
}

type TabChange = { url?: string; status?: string };

export interface PanelInjector {
  /** `tabs.onUpdated`: decides whether the tab's page gets a panel, and injects it */
  tabUpdated(tabId: number, change: TabChange, tab: { url?: string }): Promise<InjectionOutcome>;
  /** `tabs.onRemoved` */
  tabRemoved(tabId: number): void;
}

/** A probe answer as the page world returned it: anything, until checked. */
function checkedProbe(value: unknown): PageProbe | null {
  if (!value || typeof value !== 'object') return null;
  const { href, facts, doc } = value as Partial<PageProbe>;
  if (typeof href !== 'string' || typeof doc !== 'number' || !facts || typeof facts !== 'object') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    href,
    doc,
    facts: {
      repositoryNwo: text(facts.repositoryNwo),
      subject: text(facts.subject),
      routePattern: text(facts.routePattern),
      repositoryHeader: facts.repositoryHeader === true,
    },
  };
}

function hostOf(href: string): string | null {
  try {
    return new URL(href).host;
  } catch {
    return null;
  }
}

export function createPanelInjector(deps: PanelInjectionDeps): PanelInjector {
  /**
   * The URL each tab's newest decision is about: an older decision for another URL drops its
   * answer (the tab moved on). One for the same URL goes on: a load reports its URL and then
   * `loading` again as the document commits, and waiting for the second probe cost the panel
   * about 40 ms. The injection targets the probed document, so an answer from a document that
   * was replaced meanwhile injects nothing; `claim` keeps it to one injection per document.
   */
  const latest = new Map<number, string>();

  async function decide(tabId: number, url: string): Promise<InjectionOutcome> {
    const current = () => latest.get(tabId) === url;
    const candidate = panelUrlKind(url);
    if (!candidate) return 'no-panel-url';
    const host = hostOf(url);
    if (!host || !(await deps.servesHost(host))) return 'host-not-served';
    // The URL names the repository (or organization): its cached answers are read now, while
    // the page is still loading, so the panel's first watch is answered from memory.
    const early = candidate === 'repo' ? parseRepoUrl(url) : parseOrgUrl(url);
    if (early) deps.prefetch?.(early);
    if (!current()) return 'superseded';

    const answer = await deps.probe(tabId).catch(() => null);
    const probe = answer && checkedProbe(answer.probe);
    if (!current()) return 'superseded';
    if (!probe) return 'unreachable';
    // The page's own URL now (it may have moved on since the event) and what it says it is.
    const panel = panelKindFrom(probe.href, probe.facts);
    if (!panel) return 'no-panel';
    const page = panel === 'repo' ? repoPageFrom(probe.href, probe.facts) : orgPageFrom(probe.href, probe.facts);
    // The page's own spelling of the repository (the panel uses it), now confirmed by its tags.
    if (page) deps.prefetch?.(page, true);
    if (!current()) return 'superseded';
    // Recorded before it is sent, so a decision racing this one does not inject it twice.
    if (!(await deps.injected.claim(tabId, probe.doc, panel))) return 'already';
    try {
      await deps.inject(tabId, panel, answer?.documentId);
    } catch {
      // The document went away (navigated, closed) before the bundle arrived: nothing runs there.
      await deps.injected.remove(tabId, probe.doc, panel);
      return 'unreachable';
    }
    return 'injected';
  }

  return {
    tabUpdated(tabId, change, tab) {
      // A new URL (a load or a soft navigation: GitHub's pushState), a (re)load starting, or a
      // load ending; the last two also cover a reload, which reports no URL.
      if (change.url === undefined && change.status !== 'loading' && change.status !== 'complete') return Promise.resolve('ignored');
      const url = change.url ?? tab.url;
      // No URL: the browser withholds it (no host permission for this tab's site).
      if (!url) return Promise.resolve('ignored');
      latest.set(tabId, url);
      return decide(tabId, url).catch(() => 'unreachable' as const);
    },
    tabRemoved(tabId) {
      latest.delete(tabId);
      void deps.injected.forgetTab(tabId).catch(() => undefined);
    },
  };
}

// ---- The browser side: probe and inject with `scripting`, remember in `storage.session`. ----

/** `storage.session` (background only; cleared when the browser or the extension restarts). */
const INJECTED_KEY = 'panelInjections';
type InjectedMap = Record<string, { doc: number; panels: PanelKind[] }>;

/**
 * Which document of each tab has which panel: in memory for the decisions racing each other, and
 * in `storage.session` so a restarted worker does not inject a panel again into a page that has it.
 */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export function sessionInjectedPanels(area: SessionArea | undefined = browser.storage.session as SessionArea | undefined): InjectedPanels {
  let map: Promise<InjectedMap> | undefined;
  const load = () =>
    (map ??= (area?.get(INJECTED_KEY) ?? Promise.resolve<Record<string, unknown>>({}))
      .then((got: Record<string, unknown>) => (got[INJECTED_KEY] as InjectedMap | undefined) ?? ({} as InjectedMap))
      .catch((): InjectedMap => ({})));
  const save = async (m: InjectedMap) => {
    await area?.set({ [INJECTED_KEY]: m }).catch(() => undefined);
  };
  return {
    async claim(tabId, doc, panel) {
      const m = await load();
      // From here to the return nothing awaits: check and record are one step.
      const entry = m[tabId];
      if (entry?.doc === doc && entry.panels.includes(panel)) return false;
      // A new document in the tab: the panels of the one before are gone with it.
      m[tabId] = entry?.doc === doc ? { doc, panels: [...entry.panels, panel] } : { doc, panels: [panel] };
      void save(m);
      return true;
    },
    async remove(tabId, doc, panel) {
      const m = await load();
      const entry = m[tabId];
      if (entry?.doc !== doc) return;
      entry.panels = entry.panels.filter((p: PanelKind) => p !== panel);
      await save(m);
    },
    async forgetTab(tabId) {
      const m = await load();
      if (!(tabId in m)) return;
      delete m[tabId];
      await save(m);
    },
  };
}

/** `probePage` in the tab's top frame, in the page's own world (no isolated world is made for it). */
export async function probeTab(tabId: number): Promise<ProbeAnswer | null> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: probePage as (...args: unknown[]) => unknown,
    args: [PROBE_WAIT_MS],
    world: 'MAIN',
    injectImmediately: true,
  });
  const probe = checkedProbe(result?.result);
  return probe ? { probe, ...(result?.documentId ? { documentId: result.documentId } : {}) } : null;
}

/** The panel bundle into the probed document (so a document that replaced it gets nothing). */
export async function injectPanelFile(tabId: number, panel: PanelKind, documentId: string | undefined): Promise<void> {
  await browser.scripting.executeScript({
    target: documentId ? { tabId, documentIds: [documentId] } : { tabId, frameIds: [0] },
    files: [PANEL_SCRIPTS[panel]],
    injectImmediately: true,
  });
}

/**
 * Content scripts registered at run time for added hosts by earlier versions (`statboard-host-*`,
 * persisted across sessions) named the page detector this version no longer has: they go.
 */
export async function removeRetiredHostScripts(): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts().catch(() => []);
  const ids = registered.map((s) => s.id).filter((id) => id.startsWith('statboard-host-'));
  if (ids.length > 0) await browser.scripting.unregisterContentScripts({ ids }).catch(() => undefined);
}
