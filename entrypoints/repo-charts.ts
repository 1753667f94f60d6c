import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Chart } from '../components/kit/chart';
import { registerMatrixCharts } from '../components/kit/chartExtras';
import { CHARTS_GLOBAL, loadedCharts } from '../components/repo/chartsPart';

/**
 * The repository panel's charts part: Chart.js with every chart type the panel draws (bars, and
 * the punch card's matrix). Not in the manifest, and never injected alone: the repository panel
 * asks for it (`panels.load` with `repo-charts`) when its first Chart.js chart comes near the
 * viewport (components/repo/chartsPart.ts). An unlisted script, like the panels (see repo-panel.ts).
 */
export default defineUnlistedScript(() => {
  if (loadedCharts()) return;
  registerMatrixCharts();
  (globalThis as typeof globalThis & { [CHARTS_GLOBAL]?: unknown })[CHARTS_GLOBAL] = Chart;
});
