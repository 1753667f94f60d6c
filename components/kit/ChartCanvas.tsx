import { useContext, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Chart, ChartConfiguration, ChartType } from 'chart.js';
import { ChartSourceContext } from './chartSource';
import { drawWhenNear } from './near';
import { formatNumber } from '../../utils/metrics/format';
import { useThemeColors, type ThemeColors } from './theme';

export interface ChartCanvasProps<T extends ChartType> {
  /** the chart as a sentence, for screen readers (the table holds the numbers) */
  label: string;
  /** CSS pixels; the width follows the panel */
  height: number;
  /** builds the chart from the data and the current theme; called again when either changes */
  config: (colors: ThemeColors) => ChartConfiguration<T>;
  /** a value that changes when the data does (the config function is usually a new closure) */
  dataKey: unknown;
  /** the tooltip text for the hovered element (dataset, index); none when omitted */
  describe?: (datasetIndex: number, index: number) => string;
}

interface Tip {
  text: string;
  x: number;
  y: number;
}

/**
 * A Chart.js canvas: created once, updated in place when the data or the theme changes (no
 * re-mount, no flash), destroyed on unmount so soft navigation leaves nothing behind. A chart in
 * or within DRAW_PX (48 px) of the viewport is drawn with its section's first frame; one further down
 * only when it comes that near (near.ts), never in idle time (its `aria-label` is there from
 * the start). Chart.js comes from the tree's ChartSource (chartSource.ts): when it must be
 * loaded first, the chart is drawn once it is, and a failed load says so with a way to try
 * again. The canvas says `data-chart="drawn"` once the chart is drawn (`failed` when it cannot be).
 */
export function ChartCanvas<T extends ChartType>({ label, height, config, dataKey, describe }: ChartCanvasProps<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<T> | null>(null);
  const colors = useThemeColors();
  const source = useContext(ChartSourceContext);
  const [tip, setTip] = useState<Tip | null>(null);
  // Why Chart.js could not be loaded, and how many times the user asked to try again.
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const describeRef = useRef(describe);
  describeRef.current = describe;
  // What the chart draws now; a deferred first draw reads the latest.
  const latest = useRef(() => config(colors));
  latest.current = () => config(colors);
  const colorsRef = useRef(colors);
  colorsRef.current = colors;
  const waiting = useRef<(() => void) | null>(null);

  // A layout effect: a chart in or near the viewport is drawn before the frame that shows its
  // section, so a section that says it is ready never shows an empty chart area.
  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const build = () =>
      withDefaults(latest.current(), colorsRef.current, (elements) => {
        const hit = elements[0];
        const text = hit && describeRef.current?.(hit.datasetIndex, hit.index);
        setTip((prev) => {
          if (!hit || !text) return prev ? null : prev;
          const { x, y } = hit.element as unknown as { x: number; y: number };
          return prev && prev.text === text && prev.x === x ? prev : { text, x, y };
        });
      });
    if (chart.current) {
      const next = build();
      chart.current.data = next.data;
      chart.current.options = (next.options ?? {}) as never;
      chart.current.update('none');
      return;
    }
    if (waiting.current) return; // the deferred first draw will use the latest config
    const create = () => {
      waiting.current?.();
      waiting.current = null;
      if (chart.current || !element.isConnected) return;
      const loaded = source?.now();
      if (!loaded) {
        // Drawn once Chart.js is loaded (with the latest config); unmounting cancels it.
        let live = true;
        waiting.current = () => {
          live = false;
        };
        (source ? source.load() : Promise.reject(new Error('this view has no charts.'))).then(
          () => {
            if (!live) return;
            waiting.current = null;
            create();
          },
          (error: unknown) => {
            if (!live) return;
            waiting.current = null;
            element.dataset.chart = 'failed';
            setFailure(error instanceof Error ? error.message : String(error));
          },
        );
        return;
      }
      chart.current = new loaded(element, build()) as unknown as Chart<T>;
      element.dataset.chart = 'drawn';
    };
    if (element.dataset.chart === 'failed') return;
    const cancel = drawWhenNear(element, create);
    if (!chart.current && !waiting.current) waiting.current = cancel;
    // config is a fresh closure every render; dataKey stands for what it reads.
  }, [dataKey, colors, attempt]);

  useLayoutEffect(
    () => () => {
      waiting.current?.();
      waiting.current = null;
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <div class="sb-chart" style={{ height: `${height}px` }} onMouseLeave={() => setTip(null)}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
      {tip ? (
        <div class="sb-tip" aria-hidden="true" style={{ left: `${tip.x}px`, top: `${tip.y}px` }}>
          {tip.text}
        </div>
      ) : null}
      {failure ? (
        <div class="sb-state sb-chart-failed" role="status">
          <p>The chart could not be drawn: {failure}</p>
          <button
            type="button"
            class="sb-btn"
            onClick={() => {
              if (canvas.current) delete canvas.current.dataset.chart;
              setFailure(null);
              setAttempt((n) => n + 1);
            }}
          >
            Retry
          </button>
        </div>
      ) : null}
    </div>
  );
}

type Hovered = { datasetIndex: number; index: number; element: unknown }[];

/** Shared look: Primer text and grid colours, no animation (instant, calm), compact axes. */
function withDefaults<T extends ChartType>(
  config: ChartConfiguration<T>,
  colors: ThemeColors,
  onHover: (elements: Hovered) => void,
): ChartConfiguration<T> {
  const options = (config.options ?? {}) as Record<string, unknown>;
  return {
    ...config,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // The data is in index order, one value per label: Chart.js skips its own sorting checks.
      normalized: true,
      color: colors.muted,
      font: { size: 11 },
      interaction: { mode: 'index', intersect: false },
      events: ['mousemove', 'mouseout'],
      ...options,
      ...(options.scales ? { scales: numericTicks(options.scales as Record<string, ScaleOptions>) } : {}),
      onHover: (_event: unknown, elements: Hovered) => onHover(elements),
    } as never,
  };
}

type ScaleOptions = { type?: string; ticks?: Record<string, unknown> };

/**
 * The value axis (`y`, linear unless it says otherwise) labels its ticks with formatNumber unless
 * the chart gives its own: Chart.js's own tick labels build an Intl.NumberFormat, and the first one
 * in a page's world costs 5-10 ms of ICU set-up on every page view (bench/trace.ts).
 */
function numericTicks(scales: Record<string, ScaleOptions>): Record<string, ScaleOptions> {
  const { y } = scales;
  if (!y || (y.type ?? 'linear') !== 'linear' || y.ticks?.callback) return scales;
  return { ...scales, y: { ...y, ticks: { ...y.ticks, callback: (value: number | string) => formatNumber(Number(value)) } } };
}

/** Tick labels in the kit's look (muted, 10 px, level); a chart that sets its own `ticks` spreads these in. */
export function tickFont(colors: Pick<ThemeColors, 'muted'>) {
  return { color: colors.muted, font: { size: 10 }, padding: 4, maxRotation: 0 };
}

/** Axis options in the theme's colours (ticks muted, grid subtle). */
export function themedScale(colors: ThemeColors, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    border: { display: false },
    grid: { color: colors.grid, drawTicks: false },
    // sampleSize: which labels fit is judged on 8 of them, not all 52 weeks measured one by one.
    ticks: { ...tickFont(colors), autoSkipPadding: 8, sampleSize: 8 },
    ...extra,
  };
}
