import { Filler, LineController, LineElement, PointElement } from 'chart.js';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import { Chart } from './chart';

/**
 * Opt-in chart types. Import and call from the module that draws them (about 7 KB gzip for
 * lines, 1 KB for the matrix); registering twice is harmless.
 */
export function registerMatrixCharts(): void {
  Chart.register(MatrixController, MatrixElement);
}

export function registerLineCharts(): void {
  Chart.register(LineController, LineElement, PointElement, Filler);
}
