import { useEffect, useRef } from 'preact/hooks';
import { Chart, type ChartConfiguration, type ChartType } from './chart';
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
}

/**
 * A Chart.js canvas: created once, updated in place when the data or the theme changes (no
 * re-mount, no flash), destroyed on unmount so soft navigation leaves nothing behind.
 */
export function ChartCanvas<T extends ChartType>({ label, height, config, dataKey }: ChartCanvasProps<T>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<T> | null>(null);
  const colors = useThemeColors();

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const next = withDefaults(config(colors), colors);
    if (!chart.current) {
      chart.current = new Chart(element, next) as unknown as Chart<T>;
      return;
    }
    chart.current.data = next.data;
    chart.current.options = (next.options ?? {}) as never;
    chart.current.update('none');
    // config is a fresh closure every render; dataKey stands for what it reads.
  }, [dataKey, colors]);

  useEffect(
    () => () => {
      chart.current?.destroy();
      chart.current = null;
    },
    [],
  );

  return (
    <div class="sb-chart" style={{ height: `${height}px` }}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {label}
      </canvas>
    </div>
  );
}

/** Shared look: Primer text and grid colours, no animation (instant, calm), compact axes. */
function withDefaults<T extends ChartType>(config: ChartConfiguration<T>, colors: ThemeColors): ChartConfiguration<T> {
  const options = (config.options ?? {}) as Record<string, unknown>;
  return {
    ...config,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: colors.muted,
      font: { size: 11 },
      ...options,
      plugins: {
        legend: { display: false },
        ...(options.plugins as object),
        tooltip: {
          backgroundColor: colors.text,
          titleColor: colors.background,
          bodyColor: colors.background,
          displayColors: false,
          ...((options.plugins as { tooltip?: object } | undefined)?.tooltip ?? {}),
        },
      },
    } as never,
  };
}

/** Axis options in the theme's colours (ticks muted, grid subtle). */
export function themedScale(colors: ThemeColors, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    border: { display: false },
    grid: { color: colors.grid, drawTicks: false },
    ticks: { color: colors.muted, font: { size: 10 }, padding: 4, maxRotation: 0, autoSkipPadding: 8 },
    ...extra,
  };
}
