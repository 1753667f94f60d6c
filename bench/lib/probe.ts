/**
 * The in-page probe, installed with `addInitScript` in EVERY benchmark context (with and without
 * the extension, so its small cost is on both sides). Runs in the page's main world, top frame:
 * - records long tasks (PerformanceObserver `longtask`, buffered: every task >= 50 ms),
 * - watches for Statboard's panel: the host is added with its open shadow root already attached
 *   (utils/page/mount.ts), then `data-state` changes inside it are observed. The time the root
 *   first says `ready` is taken in the MutationObserver callback (a microtask right after the DOM
 *   write), plus the next animation frame (the first frame that can show it). The root says
 *   `ready` as soon as ONE section is (utils/queryStates.ts panelState); "settled" is every section in
 *   a terminal state with its chart, which is what the benchmark calls ready.
 * Times are `performance.now()`, i.e. ms since navigation start.
 */

export interface PanelRecord {
  /** first time the shadow host was in the document */
  mountedAt: number;
  /** the root's data-state over time */
  states: { state: string; at: number }[];
  readyAt?: number;
  /** first animation frame after readyAt */
  readyFrameAt?: number;
  /** every [data-section] in a state other than loading/computing (and the root ready) */
  settledAt?: number;
  /** first animation frame after settledAt (the charts' first paint can be no earlier) */
  settledFrameAt?: number;
  sections?: Record<string, string>;
  /** when each [data-section] first reached a terminal state (ms since navigation start) */
  sectionDoneAt?: Record<string, number>;
  /** charts in the panel at settledAt (`[role="img"]`: Chart.js canvases and the kit's DOM columns) */
  charts?: number;
  /** after settledAt: every chart in the panel is drawn (`data-chart="drawn"`); charts of sections
   * far below the viewport are drawn only when they come near, so this may never come */
  drawnAt?: number;
}

export interface ProbeData {
  longtasks: { start: number; duration: number }[];
  panels: Record<string, PanelRecord>;
  marks: { name: string; startTime: number }[];
  /** performance.timeOrigin (epoch ms), to place the mock's request times on the page's clock */
  timeOrigin?: number;
  nav?: { domContentLoadedEventEnd: number; loadEventStart: number; responseEnd: number };
}

export const TERMINAL = ['ready', 'empty', 'too-large', 'no-access', 'rate-limited', 'error'];

/** Kept self-contained: Playwright serializes it into the page. */
export function installProbe(terminal: string[]): void {
  if (window.top !== window) return;
  const probe: ProbeData = { longtasks: [], panels: {}, marks: [] };
  (window as unknown as { __statboardBench: ProbeData }).__statboardBench = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // longtask not supported: the field stays empty and the report says so.
  }

  const watchShadow = (host: Element, shadow: ShadowRoot) => {
    const kind = (host as HTMLElement).dataset.statboardHost ?? 'unknown';
    if (probe.panels[kind]) return;
    const rec: PanelRecord = { mountedAt: performance.now(), states: [] };
    probe.panels[kind] = rec;
    const check = () => {
      const root = shadow.querySelector('[data-statboard]');
      if (!root) return;
      const now = performance.now();
      const state = root.getAttribute('data-state') ?? '';
      const done = (rec.sectionDoneAt ??= {});
      root.querySelectorAll('[data-section]').forEach((s) => {
        const name = s.getAttribute('data-section') ?? '?';
        if (done[name] === undefined && terminal.includes(s.getAttribute('data-state') ?? '')) done[name] = now;
      });
      if (rec.states[rec.states.length - 1]?.state !== state) rec.states.push({ state, at: now });
      if (state === 'ready' && rec.readyAt === undefined) {
        rec.readyAt = now;
        requestAnimationFrame(() => {
          rec.readyFrameAt = performance.now();
        });
      }
      if (rec.settledAt !== undefined && rec.drawnAt === undefined) {
        const charts = [...root.querySelectorAll('[role="img"]')];
        if (charts.every((c) => c.getAttribute('data-chart') === 'drawn')) rec.drawnAt = now;
      }
      if (rec.settledAt === undefined && terminal.includes(state)) {
        const sections: Record<string, string> = {};
        let busy = false;
        root.querySelectorAll('[data-section]').forEach((s) => {
          const st = s.getAttribute('data-state') ?? '';
          sections[s.getAttribute('data-section') ?? '?'] = st;
          if (!terminal.includes(st)) busy = true;
        });
        if (!busy) {
          rec.settledAt = now;
          rec.sections = sections;
          rec.charts = root.querySelectorAll('[role="img"]').length;
          if ([...root.querySelectorAll('[role="img"]')].every((c) => c.getAttribute('data-chart') === 'drawn')) rec.drawnAt = now;
          requestAnimationFrame(() => {
            rec.settledFrameAt = performance.now();
          });
        }
      }
    };
    new MutationObserver(check).observe(shadow, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-chart'] });
    check();
  };

  const scan = (node: Node) => {
    if (!(node instanceof Element)) return;
    if (node.shadowRoot && node.shadowRoot.mode === 'open') watchShadow(node, node.shadowRoot);
    node.querySelectorAll('[data-statboard-host]').forEach((el) => {
      if (el.shadowRoot) watchShadow(el, el.shadowRoot);
    });
  };
  new MutationObserver((records) => {
    for (const r of records) r.addedNodes.forEach(scan);
  }).observe(document, { childList: true, subtree: true });
}

/** Reads the probe (plus marks and navigation timing) from the page. */
export function readProbe(): ProbeData | null {
  const probe = (window as unknown as { __statboardBench?: ProbeData }).__statboardBench;
  if (!probe) return null;
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return {
    ...probe,
    marks: performance.getEntriesByType('mark').filter((m) => m.name.startsWith('statboard:')).map((m) => ({ name: m.name, startTime: m.startTime })),
    timeOrigin: performance.timeOrigin,
    nav: nav ? { domContentLoadedEventEnd: nav.domContentLoadedEventEnd, loadEventStart: nav.loadEventStart, responseEnd: nav.responseEnd } : undefined,
  };
}
