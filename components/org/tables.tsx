import { Component, Fragment, type ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { cellOf, type TableColumn } from '../kit';
import { formatDateTime, formatPercent, rateLimitedShare, roundShare, type CsvCell } from '../../utils/metrics';
import { ariaSort, kindLabel, routeParts, type ListView } from '../../utils/metrics/insightsDrilldown';
import { formatNumber } from '../../utils/metrics/format';
import type { InsightsActor, InsightsRoute, InsightsSubject } from '../../utils/protocol';

/** A table column: the CSV value (raw), the cell as shown, and the API sort field if any. */
export interface OrgColumn<T> extends TableColumn<T> {
  sortField?: string;
  /** long text (names, types) may wrap instead of widening the table */
  wrap?: boolean;
  cell?: (row: T) => ComponentChild;
}

type Counted = { totalRequests: number; rateLimitedRequests: number; lastRequestAt: string | null; lastRateLimitedAt: string | null };

function time(iso: string | null, utc: boolean): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatDateTime(ms, { utc });
}

/** The counting columns every list shares. */
function countColumns<T extends Counted>(utc: boolean): OrgColumn<T>[] {
  return [
    { header: 'Requests', value: (r) => r.totalRequests, numeric: true, sortField: 'total_request_count' },
    { header: 'Rate limited', value: (r) => r.rateLimitedRequests, numeric: true, sortField: 'rate_limited_request_count' },
    {
      header: 'Rate-limited share',
      numeric: true,
      value: (r) => roundShare(rateLimitedShare(r)),
      cell: (r) => {
        const share = rateLimitedShare(r);
        return share === null ? '—' : formatPercent(share);
      },
    },
    { header: 'Last request', value: (r) => r.lastRequestAt, sortField: 'last_request_timestamp', cell: (r) => time(r.lastRequestAt, utc) },
    {
      header: 'Last rate limited',
      value: (r) => r.lastRateLimitedAt,
      sortField: 'last_rate_limited_timestamp',
      cell: (r) => time(r.lastRateLimitedAt, utc),
    },
  ];
}

/** A name that leads further down, as a button (API text stays a text node). */
function drillName(name: string, onDrill: (() => void) | null, label: string): ComponentChild {
  if (!onDrill) return <span class="sb-name">{name}</span>;
  return (
    <button type="button" class="sb-drill" onClick={onDrill} title={label}>
      {name}
    </button>
  );
}

export function subjectColumns(utc: boolean, drillTo: (row: InsightsSubject) => (() => void) | null): OrgColumn<InsightsSubject>[] {
  return [
    {
      header: 'Name',
      value: 'subjectName',
      wrap: true,
      sortField: 'subject_name',
      cell: (r) => drillName(r.subjectName, drillTo(r), r.subjectType === 'user' ? 'Show this user’s tokens and apps' : 'Show this app’s routes'),
    },
    { header: 'Type', value: 'subjectType', wrap: true, cell: (r) => kindLabel(r.subjectType) },
    { header: 'ID', value: 'subjectId', cell: (r) => String(r.subjectId) },
    ...countColumns<InsightsSubject>(utc),
  ];
}

export function actorColumns(utc: boolean, drillTo: (row: InsightsActor) => (() => void) | null): OrgColumn<InsightsActor>[] {
  return [
    // user-stats sorts actors with the subject fields: `subject_name` is the actor's name.
    { header: 'Name', value: 'actorName', wrap: true, sortField: 'subject_name', cell: (r) => drillName(r.actorName, drillTo(r), 'Show the routes it called') },
    { header: 'Type', value: 'actorType', wrap: true, cell: (r) => kindLabel(r.actorType) },
    { header: 'ID', value: 'actorId', cell: (r) => String(r.actorId) },
    ...countColumns<InsightsActor>(utc),
  ];
}

export function routeColumns(utc: boolean): OrgColumn<InsightsRoute>[] {
  return [
    { header: 'Method', value: 'httpMethod', sortField: 'http_method', cell: (r) => <code class="sb-code">{r.httpMethod}</code> },
    { header: 'Route', value: 'apiRoute', wrap: true, sortField: 'api_route', cell: (r) => <RouteText route={r.apiRoute} /> },
    ...countColumns<InsightsRoute>(utc),
  ];
}

/** A route as text with break opportunities after each `/` (still text nodes only). */
function RouteText({ route }: { route: string }) {
  return (
    <code class="sb-code sb-route">
      {routeParts(route).map((part, i) => (
        <Fragment key={i}>
          {part}
          <wbr />
        </Fragment>
      ))}
    </code>
  );
}

function display<T>(column: OrgColumn<T>, row: T): ComponentChild {
  if (column.cell) return column.cell(row);
  const value: CsvCell = cellOf(column, row);
  if (value === null || value === undefined) return '—';
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

function SortIcon({ direction }: { direction: 'ascending' | 'descending' | 'none' }) {
  const d =
    direction === 'ascending'
      ? 'M3.47 7.78a.75.75 0 0 1 0-1.06l4-4a.75.75 0 0 1 1.06 0l4 4a.751.751 0 0 1-1.042 1.06L8.75 5.06v7.19a.75.75 0 0 1-1.5 0V5.06L4.53 7.78a.75.75 0 0 1-1.06 0Z'
      : direction === 'descending'
        ? 'M12.53 8.22a.75.75 0 0 1 0 1.06l-4 4a.75.75 0 0 1-1.06 0l-4-4a.749.749 0 0 1 1.06-1.06l2.72 2.72V3.75a.75.75 0 0 1 1.5 0v7.19l2.72-2.72a.75.75 0 0 1 1.06 0Z'
        : 'M5.22 5.78a.75.75 0 0 1 0-1.06l2.25-2.25a.75.75 0 0 1 1.06 0l2.25 2.25a.751.751 0 0 1-1.042 1.06L8 4.06 6.28 5.78a.75.75 0 0 1-1.06 0Zm5.56 4.44a.75.75 0 0 1 0 1.06l-2.25 2.25a.75.75 0 0 1-1.06 0l-2.25-2.25a.749.749 0 0 1 1.06-1.06L8 11.94l1.72-1.72a.75.75 0 0 1 1.06 0Z';
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false" class="sb-sort-icon">
      <path d={d} />
    </svg>
  );
}

/**
 * A list sorted by GitHub (server side): each sortable header is a button that asks for a new
 * order, and carries `aria-sort` for the current one.
 */
export function SortableTable<T>({
  caption,
  columns,
  rows,
  view,
  onSort,
}: {
  caption: string;
  columns: readonly OrgColumn<T>[];
  rows: readonly T[];
  view: ListView;
  onSort(field: string): void;
}) {
  return (
    <div class="sb-table-wrap sb-list" tabIndex={0} role="group" aria-label={caption}>
      <table class="sb-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sort = ariaSort(view, column.sortField);
              return (
                <th key={column.header} scope="col" class={column.numeric ? 'sb-num' : undefined} aria-sort={sort}>
                  {column.sortField && sort ? (
                    <button type="button" class="sb-sort" onClick={() => onSort(column.sortField!)} data-sort={column.sortField}>
                      {column.header}
                      <SortIcon direction={sort} />
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {columns.map((column) => (
                <td key={column.header} class={cellClass(column)}>
                  {display(column, row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellClass<T>(column: OrgColumn<T>): string | undefined {
  return column.numeric ? 'sb-num' : column.wrap ? 'sb-wrap' : undefined;
}

// Small chunks keep each idle-time task well under the 50 ms long-task mark.
const FIRST_ROWS = 50;
const CHUNK_ROWS = 250;

/**
 * A long data table (a month of 5-minute buckets is 8,640 rows) rendered in chunks after the
 * first screenful, one `<tbody>` per chunk in idle time, so no single task blocks the page.
 */
export function ChunkedTable<T>({
  id,
  caption,
  columns,
  rows,
  hidden,
}: {
  id: string;
  caption: string;
  columns: readonly OrgColumn<T>[];
  rows: readonly T[];
  hidden: boolean;
}) {
  const [shown, setShown] = useState(FIRST_ROWS);
  useEffect(() => setShown(FIRST_ROWS), [rows]);
  useEffect(() => {
    if (shown >= rows.length) return;
    // Called on window, never detached into a variable: Firefox's content scripts throw
    // "called on an object that does not implement interface Window" for an unbound Window method.
    const more = () => setShown((n) => n + CHUNK_ROWS);
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(more, { timeout: 1000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(more, 16);
    return () => clearTimeout(timer);
  }, [shown, rows]);

  const chunks: number[] = [];
  for (let start = 0; start < Math.min(shown, rows.length); start += start === 0 ? FIRST_ROWS : CHUNK_ROWS) chunks.push(start);
  return (
    <div class="sb-table-wrap" id={id} data-hidden={hidden ? 'true' : 'false'} tabIndex={hidden ? -1 : 0}>
      <table class="sb-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" class={column.numeric ? 'sb-num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        {chunks.map((start) => (
          <Chunk key={start} columns={columns} rows={rows} start={start} end={start + (start === 0 ? FIRST_ROWS : CHUNK_ROWS)} />
        ))}
      </table>
    </div>
  );
}

interface ChunkProps<T> {
  columns: readonly OrgColumn<T>[];
  rows: readonly T[];
  start: number;
  end: number;
}

/** One chunk of rows, drawn again only when its own inputs change (what `memo` did, without preact/compat). */
class Chunk<T> extends Component<ChunkProps<T>> {
  override shouldComponentUpdate(next: ChunkProps<T>): boolean {
    const p = this.props;
    return next.columns !== p.columns || next.rows !== p.rows || next.start !== p.start || next.end !== p.end;
  }

  override render() {
    const { columns, rows, start, end } = this.props;
    return (
      // Chunks out of view skip layout (and a hidden table is out of view): no per-chunk relayout of the whole table.
      <tbody class="sb-chunk" style={{ containIntrinsicSize: `auto ${(Math.min(end, rows.length) - start) * 25}px` }}>
        {rows.slice(start, end).map((row, i) => (
          <tr key={start + i}>
            {columns.map((column) => (
              <td key={column.header} class={column.numeric ? 'sb-num' : undefined}>
                {display(column, row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    );
  }
}
