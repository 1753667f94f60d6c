import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';

/**
 * The Chart.js parts every panel uses: bars on category and linear axes. Everything else is
 * registered by the module that needs it (see chartExtras.ts), so a bundle pays only for what
 * it draws: Chart.js' core is most of the content-script budget. Tooltips are the kit's own
 * small HTML ones (ChartCanvas `describe`), not the canvas plugin; legends are HTML too.
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale);

export { Chart };
export type { ChartConfiguration, ChartType } from 'chart.js';
