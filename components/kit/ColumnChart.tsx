import { useState } from 'preact/hooks';
import { formatNumber } from '../../utils/metrics/format';

export interface ColumnChartProps {
  /** the chart as a sentence, for screen readers (the table holds the numbers) */
  label: string;
  /** CSS pixels, axis labels included; the width follows the panel */
  height: number;
  values: readonly number[];
  /** one per value; a few, evenly spaced, are shown under the columns */
  labels: readonly string[];
  /** the tooltip text for the hovered column; none when omitted */
  describe?: (index: number) => string;
  /** how many x labels at most (default 4) */
  xTicks?: number;
  /** Primer colour of the columns (default accent) */
  tone?: 'accent' | 'success';
  /** value labels and grid lines (default true); without, the columns alone show the shape */
  valueAxis?: boolean;
}

interface Tip {
  text: string;
  /** percent of the plot's width */
  x: number;
  /** percent of the plot's height, from the top */
  y: number;
}

/** A round step near `raw` (1, 2 or 5 times a power of ten), at least 1: whole counts only. */
export function niceStep(raw: number): number {
  if (!(raw > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

const Y_TICKS = 4;

/**
 * Bars for whole counts (commits a week, a weekday) drawn with the DOM: no Chart.js where a
 * view shows only these (the org panel's Activity; the repository panel's first section, so a
 * view that does not scroll to the panel's other sections never loads Chart.js), no chart
 * start-up (Chart.js takes 10-20 ms for its first chart in a page), re-coloured by CSS alone
 * when the theme changes. Same look as the kit's bar charts: Primer columns, muted axis labels,
 * subtle grid, the kit's tooltip.
 */
export function ColumnChart({ label, height, values, labels, describe, xTicks = 4, tone = 'accent', valueAxis = true }: ColumnChartProps) {
  const [tip, setTip] = useState<Tip | null>(null);
  const max = Math.max(0, ...values);
  const step = niceStep(max / (Y_TICKS - 1));
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  if (valueAxis) for (let v = 0; v <= top; v += step) ticks.push(v);
  const n = values.length;
  const xEvery = Math.max(1, Math.ceil(n / xTicks));
  const hover = (event: MouseEvent) => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const index = Math.min(n - 1, Math.max(0, Math.floor(((event.clientX - box.left) / box.width) * n)));
    const text = describe?.(index);
    if (!text || n === 0) return setTip(null);
    setTip({ text, x: ((index + 0.5) / n) * 100, y: 100 - ((values[index] ?? 0) / top) * 100 });
  };
  return (
    <div class={`sb-chart sb-columns sb-columns-${tone}${valueAxis ? '' : ' sb-columns-bare'}`} style={{ height: `${height}px` }} role="img" aria-label={label} data-chart="drawn">
      {/* As wide as the longest label (they are placed absolutely, so they give it no width). */}
      <div class="sb-columns-y" aria-hidden="true" style={{ width: valueAxis ? `${formatNumber(top).length}ch` : 0 }}>
        {ticks.map((v) => (
          <span key={v} style={{ bottom: `${(v / top) * 100}%` }}>
            {formatNumber(v)}
          </span>
        ))}
      </div>
      <div class="sb-columns-plot" aria-hidden="true" onMouseMove={hover} onMouseLeave={() => setTip(null)}>
        {ticks.map((v) => (
          <i key={v} class="sb-columns-grid" style={{ bottom: `${(v / top) * 100}%` }} />
        ))}
        {values.map((v, i) => (
          // Each column takes 80% of its slot (Chart.js's bar percentage), centred.
          <b key={i} class="sb-column" style={{ left: `${((i + 0.1) / n) * 100}%`, width: `${80 / n}%`, height: `${(Math.max(0, v) / top) * 100}%` }} />
        ))}
        {tip ? (
          <div class="sb-tip" style={{ left: `${tip.x}%`, top: `${tip.y}%` }}>
            {tip.text}
          </div>
        ) : null}
      </div>
      <div class="sb-columns-x" aria-hidden="true">
        {labels.map((text, i) =>
          i % xEvery === 0 ? (
            <span key={i} style={{ left: `${((i + 0.5) / n) * 100}%` }}>
              {text}
            </span>
          ) : null,
        )}
      </div>
    </div>
  );
}
