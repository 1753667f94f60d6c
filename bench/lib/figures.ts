/** The result model: every figure carries its target beside the measurement. */
import { summarize, type Summary } from './stats';

export interface Target {
  /** which statistic is compared: the median of the samples, their max, or the single value */
  stat: 'median' | 'max' | 'value';
  /** the figure must be at most this ... */
  max?: number;
  /** ... or at least this (counts of things that work, e.g. repositories shown) */
  min?: number;
  text: string;
}

export interface Figure {
  id: string;
  group: string;
  label: string;
  unit: string;
  /** the samples (pairwise ratios for ratio figures) */
  samples: number[];
  summary: Summary | null;
  target?: Target;
  /** true/false when measured against a target, null when there is no target or no data */
  met: boolean | null;
  /** how far from the target: measured / target */
  ofTarget?: number;
  /** set instead of samples when the figure could not be measured, with the reason */
  notMeasured?: string;
  note?: string;
  detail?: Record<string, unknown>;
}

export function figure(f: {
  id: string;
  group: string;
  label: string;
  unit: string;
  samples?: number[];
  target?: Target;
  notMeasured?: string;
  note?: string;
  detail?: Record<string, unknown>;
}): Figure {
  const samples = f.samples ?? [];
  const summary = f.notMeasured ? null : summarize(samples);
  let met: boolean | null = null;
  let ofTarget: number | undefined;
  if (f.target && summary) {
    const v = f.target.stat === 'max' ? summary.max : summary.median;
    const { max, min } = f.target;
    met = (max === undefined || v <= max) && (min === undefined || v >= min);
    const bound = max ?? min;
    ofTarget = bound !== undefined && bound > 0 ? v / bound : undefined;
  }
  return { ...f, samples, summary, met, ofTarget, notMeasured: f.notMeasured ?? (summary ? undefined : 'no samples') };
}

export function notMeasured(id: string, group: string, label: string, unit: string, reason: string, target?: Target): Figure {
  return figure({ id, group, label, unit, target, notMeasured: reason });
}
