/**
 * Section exports: CSV for spreadsheets, JSON for scripts, and a safe file name for both.
 */

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  /** a key of the row, or a function reading the cell from it */
  value: (keyof T & string) | ((row: T) => CsvCell);
}

/** Cells a spreadsheet would run as a formula (or that hide one behind a tab or CR). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, sign allowed: a spreadsheet reads it as a number, not a formula. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/**
 * Characters some spreadsheet splits a cell at: `,` always, `;` in locales that use it as the list
 * separator, tab, CR and LF. What follows one of them may be read as the start of a new cell.
 */
const SPLITTERS = /([;,\t\r\n])/;
/** A part after a splitter that would start a formula (spaces before it are skipped by spreadsheets). */
const PART_FORMULA = /^(\s*)([=+\-@])/;

/**
 * One cell's text. Numbers are written as numbers (negative ones included, `-5` is data);
 * text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` so spreadsheets show it
 * instead of evaluating it (OWASP "CSV injection"), unless it is a plain number. The same holds
 * for every part after a `;`, `,`, tab, CR or LF: `Acme CI;=cmd|' /C calc'!A0` opened where `;`
 * separates cells would otherwise put a formula in the second cell.
 */
export function csvCellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const guarded = FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
  if (!SPLITTERS.test(guarded)) return guarded;
  const parts = guarded.split(SPLITTERS);
  // Odd indices are the splitters themselves; the first part was guarded above.
  for (let i = 2; i < parts.length; i += 2) {
    const part = parts[i]!;
    if (!PLAIN_NUMBER.test(part.trim())) parts[i] = part.replace(PART_FORMULA, "$1'$2");
  }
  return parts.join('');
}

/**
 * RFC 4180 quoting for a field holding a quote, comma, CR or LF, and also `;` and tab: a
 * spreadsheet in a `;` locale (or reading tab-separated text) splits an unquoted field there.
 */
function quoteField(text: string): string {
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: a header row, then one row per item, CRLF line ends (RFC 4180). */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((column) => quoteField(csvCellText(column.header))).join(',')];
  for (const row of rows) {
    lines.push(
      columns
        .map((column) => {
          const cell = typeof column.value === 'function' ? column.value(row) : (row[column.value] as CsvCell);
          return quoteField(csvCellText(cell));
        })
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeysDeep((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * Pretty JSON (2 spaces, trailing newline) with object keys sorted at every depth, so the same
 * data always exports byte-identically. Array order is kept: it carries meaning (weeks, ranks).
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(sortKeysDeep(value), null, 2)}\n`;
}

function safePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents split off by NFKD: é → e
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * `statboard-octo-org-hello-world-contributors.csv`: ASCII letters, digits, `.`, `_` and `-` only
 * (any other run of characters, `/` included, becomes one `-`), no leading dot, at most about
 * 120 characters. The extension keeps only letters and digits.
 */
export function exportFileName(section: string, subject: string, ext: string): string {
  const base = ['statboard', safePart(subject), safePart(section)].filter((part) => part !== '').join('-');
  const extension = ext.toLowerCase().replace(/[^a-z0-9]/g, '') || 'txt';
  return `${base.slice(0, 120).replace(/[-.]+$/, '')}.${extension}`;
}
