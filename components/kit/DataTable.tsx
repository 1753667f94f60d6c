import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CsvCell, CsvColumn } from '../../utils/metrics';
import { formatNumber } from '../../utils/metrics';

/** One column of a section's table; the same columns make the CSV export. */
export interface TableColumn<T> extends CsvColumn<T> {
  /** right-aligned, formatted with grouping in the table (the CSV keeps raw numbers) */
  numeric?: boolean;
  /** long text (names, types) may wrap instead of widening the table */
  wrap?: boolean;
  /** the cell as shown, when it is not the value itself (the CSV keeps the value) */
  cell?: (row: T) => ComponentChild;
  /** the field the server sorts by: with the table's `sort`, its header is a button asking for it */
  sortField?: string;
  /** the header is for screen readers only (a column of sparklines says what it is, unseen) */
  headerHidden?: boolean;
}

export interface TableSpec<T> {
  /** says what a row is, e.g. "Commits per week, oldest first" */
  caption: string;
  /** `data-table` on the table, a stable test hook (e.g. `weeks`) */
  name?: string;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  /** what an empty cell shows (default nothing) */
  blank?: string;
  /** the caption is for screen readers only (the part's own heading says it on screen) */
  captionHidden?: boolean;
  /** an extra class on the scrolling wrapper (a panel's own layout for that table) */
  wrapClass?: string;
  /**
   * How the rows are built: by default a hidden table's in idle time, all of them once shown;
   * `LongTableBody` (tableChunks.tsx) for a long table (a month of 5-minute buckets is 8,640 rows).
   */
  body?: (props: TableBodyProps<T>) => ComponentChild;
}

/**
 * A table sorted by the server (`serverSort` in tableSort.tsx makes one): what each column's
 * header shows and says. Apart from DataTable, so a table that never sorts carries none of it.
 */
export interface TableSort {
  header(column: TableColumn<never>): { ariaSort?: 'ascending' | 'descending' | 'none'; content: ComponentChild };
}

/** What a table body is given: the rows and how to show them, and whether the table is hidden. */
export interface TableBodyProps<T> {
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  blank: string;
  hidden: boolean;
  /** a hidden table may be built now (its section came near the viewport) */
  build?: boolean;
}

export function cellOf<T>(column: CsvColumn<T>, row: T): CsvCell {
  return typeof column.value === 'function' ? column.value(row) : (row[column.value] as CsvCell);
}

export function display<T>(column: TableColumn<T>, row: T, blank: string): ComponentChild {
  if (column.cell) return column.cell(row);
  const cell = cellOf(column, row);
  if (cell === null || cell === undefined) return blank;
  return typeof cell === 'number' ? formatNumber(cell) : String(cell);
}

export const cellClass = (column: TableColumn<unknown>) => (column.numeric ? 'sb-num' : column.wrap ? 'sb-wrap' : undefined);

/** Rows added per frame while a hidden table is built: short tasks, even for 800-week histories. */
const ROWS_PER_FRAME = 200;

/**
 * The data behind a chart or a list, as a plain table. API text lands in text nodes only. Shown,
 * it has every row (pressing "Show table" builds the rest at once). Hidden, it is empty until
 * `build` (its section came near the viewport), then filled a slice per animation frame, never
 * in idle time (still the user's CPU); `table.body` can build them otherwise. `sort` makes the
 * headers of server-sorted columns buttons.
 */
export function DataTable<T>({ table, id, hidden = false, build = true, sort }: { table: TableSpec<T>; id?: string; hidden?: boolean; build?: boolean; sort?: TableSort }) {
  const { rows, columns } = table;
  const Body = table.body ?? FrameBody;
  return (
    <div
      class={['sb-table-wrap', sort ? 'sb-list' : '', table.wrapClass ?? ''].join(' ').trim()}
      id={id}
      data-hidden={hidden ? 'true' : 'false'}
      tabIndex={hidden ? -1 : 0}
      // A list is read on its own (no chart beside it): its scrolling region is named.
      role={sort ? 'group' : undefined}
      aria-label={sort ? table.caption : undefined}
    >
      <table class="sb-table" data-table={table.name}>
        <caption class={table.captionHidden ? 'sb-visually-hidden' : undefined}>{table.caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const head = sort?.header(column as TableColumn<never>);
              return (
                <th key={column.header} scope="col" class={column.numeric ? 'sb-num' : undefined} aria-sort={head?.ariaSort}>
                  {head ? head.content : column.headerHidden ? <span class="sb-visually-hidden">{column.header}</span> : column.header}
                </th>
              );
            })}
          </tr>
        </thead>
        <Body columns={columns} rows={rows} blank={table.blank ?? ''} hidden={hidden} build={build} />
      </table>
    </div>
  );
}

function FrameBody<T>({ columns, rows, blank, hidden, build }: TableBodyProps<T>) {
  const total = rows.length;
  const [built, setBuilt] = useState(hidden ? 0 : Infinity);
  useEffect(() => {
    if (!hidden) {
      if (built !== Infinity) setBuilt(Infinity); // shown once: keeps every row when hidden again
      return;
    }
    if (!build || built >= total) return;
    // Called on window, never detached into a variable: Firefox's content scripts throw
    // "called on an object that does not implement interface Window" for an unbound Window method.
    const handle = window.requestAnimationFrame(() => setBuilt((n) => n + ROWS_PER_FRAME));
    return () => window.cancelAnimationFrame(handle);
  }, [hidden, build, built, total]);
  return <TableRows columns={columns} rows={rows} start={0} end={Math.min(built, total)} blank={blank} />;
}

/** Rows `start` to `end` of a table, as one `<tbody>`. */
export function TableRows<T>({ columns, rows, start, end, blank, class: className }: Omit<TableBodyProps<T>, 'hidden'> & { start: number; end: number; class?: string }) {
  return (
    <tbody class={className}>
      {rows.slice(start, end).map((row, i) => (
        <tr key={start + i}>
          {columns.map((column) => (
            <td key={column.header} class={cellClass(column as TableColumn<unknown>)}>
              {display(column, row, blank)}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
