import type { TableColumn, TableSort } from './DataTable';

type Direction = 'ascending' | 'descending' | 'none';

/**
 * Headers for a list GitHub sorts: each column with a `sortField` is a button that asks for that
 * order and carries `aria-sort` for the current one (`direction` says which, undefined for a
 * column the server cannot sort by).
 */
export function serverSort(direction: (field: string | undefined) => Direction | undefined, onSort: (field: string) => void): TableSort {
  return {
    header(column: TableColumn<never>) {
      const ariaSort = direction(column.sortField);
      const field = column.sortField;
      if (!field || !ariaSort) return { ariaSort, content: column.header };
      return {
        ariaSort,
        content: (
          <button type="button" class="sb-sort" onClick={() => onSort(field)} data-sort={field}>
            {column.header}
            <SortIcon direction={ariaSort} />
          </button>
        ),
      };
    },
  };
}

function SortIcon({ direction }: { direction: Direction }) {
  // Octicons arrow-up, arrow-down and arrow-both (16px).
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
