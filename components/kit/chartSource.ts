import { createContext } from 'preact';
import type { Chart as ChartJs } from 'chart.js';

/** Chart.js as the bundle that carries it registered it (the chart types that bundle draws). */
export type ChartClass = typeof ChartJs;

/**
 * Where ChartCanvas gets Chart.js from: given by the tree that draws charts, never imported by
 * the kit itself, so a bundle pays for Chart.js only where it says so. A bundle that carries
 * Chart.js gives it at once (`chartsAtHand`); the repository panel gets it from its charts part,
 * injected when its first Chart.js chart comes near the viewport (components/repo/chartsPart.ts):
 * its first section draws DOM columns, so most repository page views never load Chart.js.
 */
export interface ChartSource {
  /** Chart.js, if it is loaded already (a chart is then drawn before the frame that shows it) */
  now(): ChartClass | null;
  /** loads it once; a failed load is forgotten, so asking again tries again */
  load(): Promise<ChartClass>;
}

export const ChartSourceContext = createContext<ChartSource | null>(null);

/** The source of a bundle that carries Chart.js itself. */
export function chartsAtHand(chart: ChartClass): ChartSource {
  return { now: () => chart, load: () => Promise.resolve(chart) };
}
