import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';

/**
 * Only what the panels draw is registered, so the rest of Chart.js is tree-shaken out of the
 * content-script bundle: bars, lines (org time series), the matrix heatmap, category and
 * linear axes, tooltips. Legends are HTML (readable, themable), not the canvas plugin.
 */
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  Filler,
  CategoryScale,
  LinearScale,
  Tooltip,
  MatrixController,
  MatrixElement,
);

export { Chart };
export type { ChartConfiguration, ChartType } from 'chart.js';
