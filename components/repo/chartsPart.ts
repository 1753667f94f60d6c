import type { StatboardClient } from '../../utils/statboardClient';
import type { ChartClass, ChartSource } from '../kit/chartSource';

/**
 * The isolated world's global the charts part puts Chart.js on (the page's own scripts cannot
 * see it). It outlives a panel: after a soft navigation the next panel draws without loading it again.
 */
export const CHARTS_GLOBAL = '__statboardRepoCharts';

type World = typeof globalThis & { [CHARTS_GLOBAL]?: unknown };

/**
 * Chart.js if the part has run in this world. Checked to be a function: an element the page gives
 * the global's name (`id="__statboardRepoCharts"`) is a property of this world's window too.
 */
export function loadedCharts(): ChartClass | null {
  const charts = (globalThis as World)[CHARTS_GLOBAL];
  return typeof charts === 'function' ? (charts as ChartClass) : null;
}

/**
 * Chart.js for the repository panel's charts below its first section (code frequency,
 * participation, punch card): most of what the panel would weigh (about 37 KB of its 70 KB
 * gzip) and of its start-up, so it is a part of its own (entrypoints/repo-charts.ts), injected
 * by the background into this tab when the first of those charts comes near the viewport, once
 * per page. A failed load is forgotten, so asking again tries again.
 */
export function chartsPart(client: StatboardClient): ChartSource {
  let loading: Promise<ChartClass> | null = null;
  return {
    now: loadedCharts,
    load() {
      const loaded = loadedCharts();
      if (loaded) return Promise.resolve(loaded);
      if (loading) return loading;
      // The part runs within the injection: done without Chart.js on the global, it failed.
      const attempt = client
        .command({ type: 'panels.load', panel: 'repo-charts' })
        .then(() => loadedCharts() ?? Promise.reject(new Error('The charts did not start.')));
      loading = attempt;
      attempt.catch(() => {
        if (loading === attempt) loading = null;
      });
      return attempt;
    },
  };
}
