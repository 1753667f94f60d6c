import { useMemo, useRef } from 'preact/hooks';
import { Decimation, LineController, LineElement, PointElement, type ChartConfiguration } from 'chart.js';
import { LongTableBody, SectionData, type TableColumn } from '../../kit';
// This part's own Chart.js (the org panel has none: its Activity bars are DOM), so not the kit index.
import { Chart } from '../../kit/chart';
import { ChartCanvas, themedScale } from '../../kit/ChartCanvas';
import { ChartSourceContext, chartsAtHand } from '../../kit/chartSource';
import type { ThemeColors } from '../../kit/theme';
import { formatCompact, formatDateTime, formatNumber, incrementMs, toIsoSeconds } from '../../../utils/metrics';
import type { InsightsTimePoint } from '../../../utils/protocol';
import { DELAY_SENTENCE, incrementLabel, tickLabel, timeSeriesSentence } from './labels';
import type { SeriesData } from './useTimeSeries';

// Lines, on the kit's Chart.js (bars, category and linear scales). Decimation thins long series
// to what the canvas can show; min-max keeps every spike visible.
Chart.register(LineController, LineElement, PointElement, Decimation);
/** This part draws with the Chart.js it carries. */
const CHARTS = chartsAtHand(Chart);

// Above this many points the chart draws without curve smoothing and thins itself.
const BIG_SERIES = 1000;

function timeChart(points: readonly InsightsTimePoint[], fromMs: number, toMs: number, utc: boolean, colors: ThemeColors): ChartConfiguration<'line'> {
  const windowMs = toMs - fromMs;
  const requests = points.map((p) => ({ x: p.time, y: p.totalRequests }));
  const limited = points.map((p) => ({ x: p.time, y: p.rateLimitedRequests }));
  const big = points.length > BIG_SERIES;
  const base = themedScale(colors);
  const baseTicks = (base.ticks ?? {}) as Record<string, unknown>;
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: 'Requests',
          data: requests,
          yAxisID: 'y',
          borderColor: colors.accent,
          backgroundColor: colors.accent,
          borderWidth: 1.5,
          pointRadius: 0,
          pointHoverRadius: 3,
          tension: 0,
          normalized: true,
        },
        {
          label: 'Rate limited',
          data: limited,
          yAxisID: 'y1',
          borderColor: colors.danger,
          backgroundColor: colors.danger,
          borderWidth: 1.5,
          pointRadius: 0,
          pointHoverRadius: 3,
          tension: 0,
          normalized: true,
        },
      ],
    },
    options: {
      parsing: false,
      normalized: true,
      animation: false,
      spanGaps: true,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          ...base,
          type: 'linear',
          min: fromMs,
          max: toMs,
          ticks: { ...baseTicks, maxTicksLimit: 7, callback: (value: number | string) => tickLabel(Number(value), windowMs, utc) },
        },
        y: {
          ...base,
          beginAtZero: true,
          ticks: { ...baseTicks, maxTicksLimit: 5, callback: (value: number | string) => formatCompact(Number(value)) },
        },
        y1: {
          ...base,
          position: 'right',
          beginAtZero: true,
          // Its own scale, so a handful of rate-limited requests is not a flat line at zero.
          suggestedMax: 1,
          grid: { drawOnChartArea: false },
          ticks: { ...baseTicks, color: colors.danger, maxTicksLimit: 5, precision: 0, callback: (value: number | string) => formatCompact(Number(value)) },
        },
      },
      plugins: {
        decimation: { enabled: big, algorithm: 'min-max' },
      },
    } as never,
  };
}

const TIME_HEIGHT = 180;

export function TimeView({
  data,
  fromMs,
  toMs,
  utc,
  fellBackFrom,
  section,
  subject,
  height = TIME_HEIGHT,
}: {
  data: SeriesData;
  fromMs: number;
  toMs: number;
  utc: boolean;
  fellBackFrom: string | null;
  section: string;
  subject: string;
  height?: number;
}) {
  const { points, increment } = data;
  const sentence = timeSeriesSentence(points, increment, utc, toMs);
  const columns: TableColumn<InsightsTimePoint>[] = [
    { header: 'Start (UTC)', value: (p) => toIsoSeconds(p.time), cell: (p) => formatDateTime(p.time, { utc }) },
    { header: 'Requests', value: 'totalRequests', numeric: true },
    { header: 'Rate limited', value: 'rateLimitedRequests', numeric: true },
  ];
  // The CSV keeps ISO times in UTC; the on-screen table follows the time zone switch.
  const shownColumns = [{ ...columns[0]!, header: utc ? 'Start (UTC)' : 'Start (local time)' }, ...columns.slice(1)];
  const empty = points.every((p) => p.totalRequests === 0);
  // ChartCanvas redraws when dataKey changes (compared with Object.is): a new object whenever the
  // memoized points (new counts, even for the same buckets), the time zone or the window change.
  const dataKey = useMemo(() => ({}), [points, increment, utc, fromMs, toMs]);
  const chartBox = useRef<HTMLDivElement>(null);
  // Decimation replaces the drawn data, so the hovered element's x (not its index) finds the bucket.
  const describe = (datasetIndex: number, index: number): string => {
    const canvas = chartBox.current?.querySelector('canvas');
    const drawn = canvas ? Chart.getChart(canvas)?.data.datasets[datasetIndex]?.data[index] : undefined;
    const x = (drawn as { x?: number } | undefined)?.x;
    const first = points[0];
    if (x === undefined || !first) return '';
    const point = points[Math.round((x - first.time) / incrementMs(increment))];
    if (!point) return '';
    return `${formatDateTime(point.time, { utc })}: ${formatNumber(point.totalRequests)} requests, ${formatNumber(point.rateLimitedRequests)} rate limited`;
  };
  return (
    <>
      <p class="sb-summary">{sentence}</p>
      {fellBackFrom ? (
        <p class="sb-note">
          GitHub did not accept {incrementLabel(fellBackFrom as never).replace('every ', '')} intervals for this window; showing {incrementLabel(increment)}.
        </p>
      ) : null}
      {empty ? <p class="sb-summary">{DELAY_SENTENCE}</p> : null}
      <div ref={chartBox}>
        <ChartSourceContext.Provider value={CHARTS}>
          <ChartCanvas<'line'>
            describe={describe}
            label={sentence}
            height={height}
            dataKey={dataKey}
            config={(colors) => timeChart(points, fromMs, toMs, utc, colors)}
          />
        </ChartSourceContext.Provider>
      </div>
      <ul class="sb-legend">
        <li>
          <span class="sb-swatch sb-swatch-requests" />
          Requests (left axis)
        </li>
        <li>
          <span class="sb-swatch sb-swatch-limited" />
          Rate limited (right axis)
        </li>
      </ul>
      <SectionData
        section={section}
        subject={subject}
        json={{ increment, points }}
        csv={columns}
        table={{ caption: `Requests ${incrementLabel(increment)}, oldest first`, columns: shownColumns, rows: points, body: LongTableBody }}
      />
    </>
  );
}
