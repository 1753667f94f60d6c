import type { ComponentChildren } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { Chart, Decimation, LineController, LineElement, PointElement } from 'chart.js';
import { downloadText, ExportMenu, Icon, SectionBody, SectionBoundary, SectionData } from '../kit';
// This part's own Chart.js (the org panel has none: its Activity bars are DOM), so not the kit index.
import type { ChartConfiguration } from '../kit/chart';
import { ChartCanvas, themedScale } from '../kit/ChartCanvas';
import type { ThemeColors } from '../kit/theme';
import {
  compareInsights,
  exportFileName,
  formatChange,
  formatCompact,
  formatDateTime,
  formatNumber,
  formatPercent,
  incrementMs,
  rateLimitedShare,
  roundShare,
  toCsv,
  toIsoSeconds,
  toJson,
} from '../../utils/metrics';
import { incrementLabel, tickLabel, timeSeriesSentence, toggleSort, type ListView } from '../../utils/metrics/insightsDrilldown';
import type { InsightsTimePoint, QueryState, Snapshot } from '../../utils/protocol';
import type { ListPages, SeriesData, SummaryData } from './hooks';
import { ChunkedTable, SortableTable, type OrgColumn } from './tables';

// Lines, registered here rather than with the kit's registerLineCharts(), which adds the area
// Filler this chart never uses (2.4 KB gzip of the org panel's 80 KB ceiling). Decimation thins
// long series to what the canvas can show; min-max keeps every spike visible.
Chart.register(LineController, LineElement, PointElement, Decimation);

export const DELAY_SENTENCE =
  'No API requests are recorded in this window yet. GitHub usually adds requests to API Insights 4 to 6 hours after they are made.';

/**
 * A section's frame: the `data-section` hook, its state and heading; the body is the caller's.
 * A body that throws shows this section's error state (SectionBoundary), the others keep working.
 */
export function SectionFrame(props: {
  id: string;
  state: QueryState;
  title: ComponentChildren;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <SectionBoundary id={props.id} title={props.title} resetKey={props.state}>
      <SectionFrameContent {...props} />
    </SectionBoundary>
  );
}

function SectionFrameContent({
  id,
  state,
  title,
  actions,
  children,
}: {
  id: string;
  state: QueryState;
  title: ComponentChildren;
  actions?: ComponentChildren;
  children: ComponentChildren;
}) {
  const headingId = useId();
  return (
    <section class="sb-section" data-section={id} data-state={state} aria-labelledby={headingId}>
      <div class="sb-section-head">
        <h3 class="sb-section-title" id={headingId}>
          {title}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A part of a drill-down section (totals, chart, list) with its own state message. */
export function Part<T>({
  title,
  snapshot,
  onRetry,
  minHeight,
  sentences,
  children,
}: {
  title: string;
  snapshot: Snapshot<T>;
  onRetry(): void;
  minHeight: number;
  sentences?: Partial<Record<QueryState, string>>;
  children: (data: T) => ComponentChildren;
}) {
  return (
    <div class="sb-part" data-part-state={snapshot.state}>
      <h4 class="sb-part-title">{title}</h4>
      <SectionBody snapshot={snapshot} onRetry={onRetry} what={title} minHeight={minHeight} sentences={sentences}>
        {children}
      </SectionBody>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Totals

interface SummaryRow {
  measure: string;
  current: number | null;
  previous: number | null;
  change: string;
}

function summaryRows(data: SummaryData): SummaryRow[] {
  const prev = data.previous;
  const c = prev ? compareInsights(data.current, prev) : null;
  return [
    { measure: 'Requests', current: data.current.totalRequests, previous: prev?.totalRequests ?? null, change: c ? changeText(c.total) : '' },
    {
      measure: 'Rate-limited requests',
      current: data.current.rateLimitedRequests,
      previous: prev?.rateLimitedRequests ?? null,
      change: c ? changeText(c.rateLimited) : '',
    },
    {
      measure: 'Rate-limited share',
      current: roundShare(rateLimitedShare(data.current)),
      previous: roundShare(c?.rateLimitedShare.previous),
      change:
        c && c.rateLimitedShare.current !== null && c.rateLimitedShare.previous !== null
          ? `${formatPercentPoints(c.rateLimitedShare.current - c.rateLimitedShare.previous)}`
          : '',
    },
  ];
}

/** `+12%`, `new` (none before), or `0%` when both are zero (nothing changed). */
function changeText(comparison: { current: number; previous: number; change: number | null }): string {
  return comparison.current === 0 && comparison.previous === 0 ? '0%' : formatChange(comparison.change);
}

/** A difference of two shares, in percentage points: `+1.2 pp`. */
function formatPercentPoints(diff: number): string {
  const points = Math.round(diff * 1000) / 10;
  if (points === 0) return '0 pp';
  return `${points > 0 ? '+' : '\u2212'}${Math.abs(points)} pp`;
}

function previousNote(data: SummaryData, previousLabel: string, format: (prev: number) => string, prevValue: number | null, change: string): string {
  switch (data.previousProblem) {
    case 'too-old':
      return 'No comparison: GitHub keeps only 31 days';
    case 'loading':
      return `Comparing with ${previousLabel}…`;
    case 'failed':
      return `Could not load ${previousLabel}`;
    default:
      if (prevValue === null) return `none in ${previousLabel}`;
      if (prevValue === 0) return change === 'new' ? `new: none in ${previousLabel}` : `none in ${previousLabel} either`;
      return `${change} vs ${previousLabel} (${format(prevValue)})`;
  }
}

/** A fraction as a percentage with two decimals, for the table and CSV (0.01234 → 1.23). */
function percentOf(fraction: number | null): number | null {
  return fraction === null ? null : Math.round(fraction * 10_000) / 100;
}

function shareText(value: number | null): string {
  return value === null ? '—' : formatPercent(value);
}

/** Requests, rate-limited requests and their share, each against the previous window. */
export function SummaryView({
  data,
  previousLabel,
  section,
  subject,
}: {
  data: SummaryData;
  previousLabel: string;
  section: string;
  subject: string;
}) {
  const rows = summaryRows(data);
  const [total, limited, share] = rows as [SummaryRow, SummaryRow, SummaryRow];
  const stats = [
    { key: 'total-requests', label: 'Requests', value: formatNumber(data.current.totalRequests), note: previousNote(data, previousLabel, formatNumber, total.previous, total.change) },
    {
      key: 'rate-limited-requests',
      label: 'Rate-limited requests',
      value: formatNumber(data.current.rateLimitedRequests),
      note: previousNote(data, previousLabel, formatNumber, limited.previous, limited.change),
    },
    {
      key: 'rate-limited-share',
      label: 'Rate-limited share',
      value: shareText(share.current),
      note:
        share.current === null
          ? 'No requests in this window'
          : share.previous === 0 && share.current === 0
            ? `0% in ${previousLabel} too`
            : previousNote(data, previousLabel, (v) => formatPercent(v), share.previous, share.change),
    },
  ];
  return (
    <>
      <dl class="sb-headline sb-org-stats">
        {stats.map((stat) => (
          <div class="sb-stat" key={stat.key} data-stat={stat.key}>
            <dt>{stat.label}</dt>
            <dd>
              {stat.value}
              <span class="sb-delta">{stat.note}</span>
            </dd>
          </div>
        ))}
      </dl>
      {data.current.totalRequests === 0 ? <p class="sb-summary">{DELAY_SENTENCE}</p> : null}
      <SectionData
        section={section}
        subject={subject}
        json={data}
        table={{
          caption: `Totals for this window and ${previousLabel}`,
          columns: [
            { header: 'Measure', value: 'measure' },
            { header: 'This window', value: (r) => r.current, numeric: true },
            { header: 'Previous window', value: (r) => r.previous, numeric: true },
            { header: 'Change', value: 'change' },
          ],
          rows: rows.map((r) =>
            r.measure === 'Rate-limited share'
              ? { ...r, measure: 'Rate-limited share (%)', current: percentOf(r.current), previous: percentOf(r.previous) }
              : r,
          ),
        }}
      />
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Over time

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
  const [shown, setShown] = useState(false);
  const tableId = useId();
  const sentence = timeSeriesSentence(points, increment, utc, toMs);
  const columns: OrgColumn<InsightsTimePoint>[] = [
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
      <ChartCanvas<'line'>
        describe={describe}
        label={sentence}
        height={height}
        dataKey={dataKey}
        config={(colors) => timeChart(points, fromMs, toMs, utc, colors)}
      />
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
      <div class="sb-toolbar">
        <button type="button" class="sb-btn sb-btn-invisible" aria-pressed={shown} aria-controls={tableId} onClick={() => setShown(!shown)} data-action="toggle-table">
          <Icon name="table" />
          {shown ? 'Hide table' : 'Show table'}
        </button>
        <span class="sb-spacer" />
        <ExportMenu
          onCsv={() => downloadText(exportFileName(section, subject, 'csv'), 'text/csv', toCsv(columns, points))}
          onJson={() => downloadText(exportFileName(section, subject, 'json'), 'application/json', toJson({ increment, points }))}
        />
      </div>
      <ChunkedTable id={tableId} caption={`Requests ${incrementLabel(increment)}, oldest first`} columns={shownColumns} rows={points} hidden={!shown} />
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Lists

/** Waits `ms` after the last keystroke before passing the text on (one query per pause). */
function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

const FILTER_DEBOUNCE_MS = 300;

/** The substring filter box; it stays put (and keeps focus) while results load. */
export function FilterBox({ label, view, onView }: { label: string; view: ListView; onView(view: ListView): void }) {
  const [text, setText] = useState(view.filter);
  const debounced = useDebounced(text, FILTER_DEBOUNCE_MS);
  const latest = useRef(view);
  latest.current = view;
  useEffect(() => {
    if (debounced.trim() !== latest.current.filter.trim()) onView({ ...latest.current, filter: debounced.trim() });
  }, [debounced]);
  return (
    <input
      type="search"
      class="sb-input sb-filter"
      aria-label={label}
      placeholder={label}
      value={text}
      onInput={(e) => setText(e.currentTarget.value)}
      data-control="filter"
    />
  );
}

/** A server-sorted, filtered, paged list with its state, "Load more" and export. */
export function ListBody<T>({
  pages,
  columns,
  caption,
  view,
  onView,
  emptySentence,
  what,
  section,
  subject,
}: {
  pages: ListPages<T>;
  columns: readonly OrgColumn<T>[];
  caption: string;
  view: ListView;
  onView(view: ListView): void;
  emptySentence: string;
  what: string;
  section: string;
  subject: string;
}) {
  const { snapshot } = pages;
  // An empty page is no table: "ready" with no rows is the empty state; in other states the
  // engine's sentence (computing, rate limited…) stands alone.
  const none = snapshot.data !== undefined && snapshot.data.length === 0;
  const shown: Snapshot<T[]> = none ? (snapshot.state === 'ready' ? { state: 'empty', meta: {} } : { state: snapshot.state, meta: snapshot.meta }) : snapshot;
  return (
    <div data-list-state={shown.state}>
      <SectionBody snapshot={shown} onRetry={pages.retry} what={what} minHeight={96} sentences={{ empty: emptySentence }}>
        {(rows) => (
          <>
            <SortableTable caption={caption} columns={columns} rows={rows} view={view} onSort={(field) => onView(toggleSort(view, field))} />
            <div class="sb-toolbar">
              <span class="sb-count" aria-live="polite">
                {formatNumber(rows.length)} {rows.length === 1 ? 'row' : 'rows'}
                {pages.hasMore ? ', more available' : ''}
              </span>
              {pages.hasMore || pages.loadingMore ? (
                <button type="button" class="sb-btn" onClick={pages.loadMore} disabled={pages.loadingMore} data-action="load-more">
                  {pages.loadingMore ? 'Loading…' : 'Load more'}
                </button>
              ) : null}
              {pages.moreProblem ? (
                <span class="sb-note" role="status">
                  {pages.moreProblem}{' '}
                  <button type="button" class="sb-btn sb-btn-invisible" onClick={pages.retryMore}>
                    Retry
                  </button>
                </span>
              ) : null}
              <span class="sb-spacer" />
              <ExportMenu
                onCsv={() => downloadText(exportFileName(section, subject, 'csv'), 'text/csv', toCsv(columns, rows))}
                onJson={() => downloadText(exportFileName(section, subject, 'json'), 'application/json', toJson({ query: pages.firstQuery, rows }))}
              />
            </div>
          </>
        )}
      </SectionBody>
    </div>
  );
}
