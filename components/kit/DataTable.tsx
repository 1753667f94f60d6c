import { useEffect, useState } from 'preact/hooks';
import type { CsvCell, CsvColumn } from '../../utils/metrics';
import { formatNumber } from '../../utils/metrics';

/** One column of a section's table; the same columns make the CSV export. */
export interface TableColumn<T> extends CsvColumn<T> {
  /** right-aligned, formatted with grouping in the table (the CSV keeps raw numbers) */
  numeric?: boolean;
}

export interface TableSpec<T> {
  /** says what a row is, e.g. "Commits per week, oldest first" */
  caption: string;
  /** `data-table` on the table, a stable test hook (e.g. `weeks`) */
  name?: string;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
}

export function cellOf<T>(column: CsvColumn<T>, row: T): CsvCell {
  return typeof column.value === 'function' ? column.value(row) : (row[column.value] as CsvCell);
}

function display(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'number' ? formatNumber(cell) : String(cell);
}

/** Rows added per idle period while a table is hidden: small tasks, even for 800-week histories. */
const ROWS_PER_IDLE = 150;

/**
 * The data behind a chart, as a plain table. API text lands in text nodes only. While hidden, its
 * rows are built in idle time, a slice per idle period, after the charts; shown, it has every row
 * (pressing "Show table" builds the rest at once).
 */
export function DataTable<T>({ table, id, hidden }: { table: TableSpec<T>; id: string; hidden: boolean }) {
  const total = table.rows.length;
  const [built, setBuilt] = useState(hidden ? 0 : Infinity);
  useEffect(() => {
    if (!hidden) {
      if (built !== Infinity) setBuilt(Infinity); // shown once: keeps every row when hidden again
      return;
    }
    if (built >= total) return;
    const more = () => setBuilt((n) => n + ROWS_PER_IDLE);
    const handle = requestIdleCallback(more, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }, [hidden, built, total]);
  const rows = hidden && built < total ? table.rows.slice(0, built) : table.rows;
  return (
    <div class="sb-table-wrap" id={id} data-hidden={hidden ? 'true' : 'false'} tabIndex={hidden ? -1 : 0}>
      <table class="sb-table" data-table={table.name}>
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.header} scope="col" class={column.numeric ? 'sb-num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {table.columns.map((column) => (
                <td key={column.header} class={column.numeric ? 'sb-num' : undefined}>
                  {display(cellOf(column, row))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
