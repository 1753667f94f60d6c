import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import { Chart } from './chart';

/**
 * Opt-in chart types, registered by the bundle that draws them (about 1 KB gzip for the matrix);
 * registering twice is harmless. Lines are registered by the API Insights part itself (TimeView).
 */
export function registerMatrixCharts(): void {
  Chart.register(MatrixController, MatrixElement);
}
