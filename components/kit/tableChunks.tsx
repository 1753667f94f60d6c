import { Component } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { TableRows, type TableBodyProps } from './DataTable';

// The first rows at once, then chunks small enough to stay well under a 50 ms task.
const FIRST = 50;
const CHUNK = 250;

/**
 * A long table's body (a month of 5-minute buckets is 8,640 rows): the first rows at once, the
 * rest in chunks in idle time, from when it is first shown (DataTable), one `<tbody>` each (`content-visibility: auto`),
 * so no single task blocks the page and adding a chunk does not draw the others again.
 * Apart from DataTable, so tables that are never long carry none of it.
 */
export function LongTableBody<T>({ columns, rows, blank }: TableBodyProps<T>) {
  const [built, setBuilt] = useState(FIRST);
  useEffect(() => setBuilt(FIRST), [rows]);
  useEffect(() => {
    if (built >= rows.length) return;
    // Called on window, never detached: Firefox's content scripts throw for an unbound Window method.
    const handle = window.requestIdleCallback(() => setBuilt((n) => n + CHUNK), { timeout: 1000 });
    return () => window.cancelIdleCallback(handle);
  }, [built, rows]);
  const shown = Math.min(built, rows.length);
  const starts = [0];
  for (let start = FIRST; start < shown; start += CHUNK) starts.push(start);
  return (
    <>
      {starts.map((start) => (
        <Chunk key={start} columns={columns} rows={rows} start={start} end={Math.min(shown, start + (start === 0 ? FIRST : CHUNK))} blank={blank} />
      ))}
    </>
  );
}

interface ChunkProps<T> extends TableBodyProps<T> {
  start: number;
  end: number;
}

/** One chunk, drawn again only when its rows, their columns or its end change. */
class Chunk<T> extends Component<ChunkProps<T>> {
  override shouldComponentUpdate(next: ChunkProps<T>): boolean {
    const p = this.props;
    return next.end !== p.end || next.rows !== p.rows || next.columns !== p.columns;
  }

  override render() {
    return <TableRows {...this.props} class="sb-chunk" />;
  }
}
