import type { ComponentChild } from 'preact';
import { useRef } from 'preact/hooks';
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

/** What a table body is given: the rows and how to show them. */
export interface TableBodyProps<T> {
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
  blank: string;
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

/**
 * The data behind a chart or a list, as a plain table. API text lands in text nodes only. A
 * hidden table (`display: none`: no one sees it, no screen reader reads it) has no rows until it
 * is first shown ("Show table"), then all of them, kept when it is hidden again: a panel's five
 * hidden tables were 1,000 cells built on every page view for nobody. `table.body` can build the
 * rows otherwise. `sort` makes the headers of server-sorted columns buttons.
 */
export function DataTable<T>({ table, id, hidden = false, sort }: { table: TableSpec<T>; id?: string; hidden?: boolean; sort?: TableSort }) {
  const { rows, columns } = table;
  const Body = table.body ?? AllRows;
  const shownOnce = useRef(!hidden);
  if (!hidden) shownOnce.current = true;
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
        {shownOnce.current ? <Body columns={columns} rows={rows} blank={table.blank ?? ''} /> : <tbody />}
      </table>
    </div>
  );
}

function AllRows<T>({ columns, rows, blank }: TableBodyProps<T>) {
  return <TableRows columns={columns} rows={rows} start={0} end={rows.length} blank={blank} />;
}

/** Rows `start` to `end` of a table, as one `<tbody>`. */
export function TableRows<T>({ columns, rows, start, end, blank, class: className }: TableBodyProps<T> & { start: number; end: number; class?: string }) {
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
