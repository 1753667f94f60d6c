import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { exportFileName, toCsv, toJson, type CsvColumn } from '../../utils/metrics';
import { DataTable, type TableSpec } from './DataTable';
import { downloadText } from './download';
import { Icon } from './icons';

export interface SectionDataProps<T> {
  table: TableSpec<T>;
  /** the section id and the subject (`acme/rocket`), for the file name */
  section: string;
  subject: string;
  /** what the JSON export holds (usually the section's data as received) */
  json?: unknown;
  /** or, when the section is shown a summary, how to get the full data the export holds */
  loadJson?: () => Promise<unknown>;
  /** the CSV's columns when they differ from the table's (ISO times in UTC, whatever the table shows) */
  csv?: readonly CsvColumn<T>[];
}

/**
 * The "Show table" toggle, the export menu and the table itself. The table is always in the DOM
 * (its caption and headers); its rows are built when it is first shown (see DataTable). Export
 * reads the data, not the DOM.
 */
export function SectionData<T>({ table, section, subject, json, loadJson, csv }: SectionDataProps<T>) {
  const [shown, setShown] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const tableId = useId();
  const downloadJson = (data: unknown) => downloadText(exportFileName(section, subject, 'json'), 'application/json', toJson(data));
  const onJson = () => {
    setProblem(null);
    if (!loadJson) return downloadJson(json);
    loadJson().then(downloadJson, (error: Error) => setProblem(error.message));
  };
  return (
    <>
      <div class="sb-toolbar">
        <button
          type="button"
          class="sb-btn sb-btn-invisible"
          aria-pressed={shown}
          aria-controls={tableId}
          onClick={() => setShown(!shown)}
          data-action="toggle-table"
        >
          <Icon name="table" />
          {shown ? 'Hide table' : 'Show table'}
        </button>
        <span class="sb-spacer" />
        <ExportMenu
          onCsv={() => downloadText(exportFileName(section, subject, 'csv'), 'text/csv', toCsv(csv ?? table.columns, table.rows))}
          onJson={onJson}
        />
      </div>
      {problem ? (
        <p class="sb-summary" role="alert" data-export-problem>
          Statboard could not export this: {problem}.
        </p>
      ) : null}
      <DataTable table={table} id={tableId} hidden={!shown} />
    </>
  );
}

/** A small menu button (Primer ActionMenu-like): arrow keys move, Escape closes and returns focus. */
export function ExportMenu({ onCsv, onJson }: { onCsv(): void; onJson(): void }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const menuId = useId();

  // A layout effect, so focus is on the first item before the next key press is handled
  // (a plain effect runs after paint, and a quick Escape would reach the button instead).
  useLayoutEffect(() => {
    if (open) list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const root = button.current?.getRootNode() as Document | ShadowRoot | undefined;
    const close = (event: Event) => {
      if (!event.composedPath().some((node) => node === list.current || node === button.current)) setOpen(false);
    };
    root?.addEventListener('pointerdown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      root?.removeEventListener('pointerdown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open]);

  const choose = (action: () => void) => {
    setOpen(false);
    button.current?.focus();
    action();
  };
  // On the whole widget, so keys work whether focus is on the button or inside the open menu.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setOpen(true);
      }
      return;
    }
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf((button.current?.getRootNode() as ShadowRoot | Document).activeElement as HTMLElement);
    if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      if (event.key === 'Escape') {
        event.stopPropagation(); // the page's own Escape handlers should not also act on it
        button.current?.focus();
      }
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    }
  };

  return (
    <div class="sb-menu" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        class="sb-btn sb-btn-invisible"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen(!open)}
        data-action="export"
      >
        <Icon name="download" />
        Export
      </button>
      {open ? (
        <ul ref={list} id={menuId} class="sb-menu-list" role="menu" aria-label="Export">
          <li role="none">
            <button type="button" role="menuitem" class="sb-menu-item" tabIndex={-1} onClick={() => choose(onCsv)}>
              Download CSV
            </button>
          </li>
          <li role="none">
            <button type="button" role="menuitem" class="sb-menu-item" tabIndex={-1} onClick={() => choose(onJson)}>
              Download JSON
            </button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
