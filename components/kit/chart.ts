import { BarController, BarElement, CategoryScale, Chart as ChartJs, LinearScale, type ChartType, type DefaultDataPoint } from 'chart.js';

/**
 * The Chart.js parts every panel uses: bars on category and linear axes. Everything else is
 * registered by the module that needs it (see chartExtras.ts), so a bundle pays only for what
 * it draws: Chart.js' core is most of the content-script budget. Tooltips are the kit's own
 * small HTML ones (ChartCanvas `describe`), not the canvas plugin; legends are HTML too.
 *
 * Registered in a pure call, not at the top level: a bundle that never draws a chart (the org
 * panel's Activity) drops Chart.js altogether, while any use of `Chart` keeps the registration.
 */
function withBars(): typeof ChartJs {
  ChartJs.register(BarController, BarElement, CategoryScale, LinearScale);
  return ChartJs;
}

export const Chart = /* @__PURE__ */ withBars();
export type Chart<TType extends ChartType = ChartType, TData = DefaultDataPoint<TType>, TLabel = unknown> = ChartJs<TType, TData, TLabel>;
export type { ChartConfiguration, ChartType } from 'chart.js';
