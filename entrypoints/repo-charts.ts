import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Chart } from '../components/kit/chart';
import { registerMatrixCharts } from '../components/kit/chartExtras';
import { CHARTS_GLOBAL } from '../components/repo/chartsPart';
import type { ChartClass } from '../components/kit/chartSource';

/**
 * The repository panel's charts part: Chart.js with every chart type the panel draws (bars, and
 * the punch card's matrix). Not in the manifest, and never injected alone: the repository panel
 * asks for it (`panels.load` with `repo-charts`) when its first Chart.js chart comes near the
 * viewport (components/repo/chartsPart.ts). An unlisted script, like the panels (see repo-panel.ts).
 */
export default defineUnlistedScript(() => {
  const world = globalThis as typeof globalThis & { [CHARTS_GLOBAL]?: ChartClass };
  if (world[CHARTS_GLOBAL]) return;
  registerMatrixCharts();
  world[CHARTS_GLOBAL] = Chart;
});
