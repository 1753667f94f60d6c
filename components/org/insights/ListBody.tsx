import { useEffect, useRef, useState } from 'preact/hooks';
import { DataTable, downloadText, ExportMenu, SectionBody, serverSort, type TableColumn } from '../../kit';
import { exportFileName, formatNumber, toCsv, toJson } from '../../../utils/metrics';
import type { Snapshot } from '../../../utils/protocol';
import { ariaSort, toggleSort, type ListView } from './queries';
import type { ListPages } from './useListPages';

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
  columns: readonly TableColumn<T>[];
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
            <DataTable
              table={{ caption, columns, rows, blank: '—' }}
              sort={serverSort((field) => ariaSort(view, field), (field) => onView(toggleSort(view, field)))}
            />
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
