import { describe, expect, it } from 'vitest';
import { csvCellText, exportFileName, toCsv, toJson } from '../../utils/metrics/exportData';

interface Row {
  login: string;
  commits: number;
  note: string | null;
}

const columns = [
  { header: 'login', value: 'login' as const },
  { header: 'commits', value: 'commits' as const },
  { header: 'note', value: (row: Row) => row.note },
];

describe('toCsv', () => {
  it('writes a header and CRLF-ended rows, quoting per RFC 4180', () => {
    const csv = toCsv(columns, [
      { login: 'alice', commits: 3, note: 'hello, "world"' },
      { login: 'bob', commits: 0, note: 'two\nlines' },
    ]);
    expect(csv).toBe('login,commits,note\r\nalice,3,"hello, ""world"""\r\nbob,0,"two\nlines"\r\n');
  });
  it('quotes a field with ; or tab and neutralizes a formula after any ; , tab, CR or LF (issue 12)', () => {
    const row = (text: string) => toCsv([{ header: 'x', value: (r: string) => r }], [text]).split('\r\n')[1];
    expect(row("Acme CI;=cmd|' /C calc'!A0")).toBe(`"Acme CI;'=cmd|' /C calc'!A0"`);
    expect(row('a,+1+2')).toBe(`"a,'+1+2"`);
    expect(row('a\t@SUM(A1)')).toBe(`"a\t'@SUM(A1)"`);
    expect(row('a\n-2+3')).toBe(`"a\n'-2+3"`);
    expect(row('a; =1')).toBe(`"a; '=1"`);
    expect(row('a;b')).toBe(`"a;b"`);
    // data stays data: numbers after a separator are not touched
    expect(row('x;-5')).toBe(`"x;-5"`);
  });

  it('neutralizes formulas but keeps negative numbers as numbers', () => {
    const csv = toCsv(columns, [{ login: '=HYPERLINK("x")', commits: -5, note: '-5' }]);
    expect(csv.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")",-5,-5`);
  });
  it('prefixes every dangerous first character', () => {
    expect(['+1 555', '-cmd', '@sum', '\tx', '=1+1'].map(csvCellText)).toEqual(["'+1 555", "'-cmd", "'@sum", "'\tx", "'=1+1"]);
    expect(toCsv([{ header: 'x', value: (r: string) => r }], ['\rx'])).toBe(`x\r\n"'\rx"\r\n`);
    expect(['-1.5', '+3', '-2e3', 'a=b'].map(csvCellText)).toEqual(['-1.5', '+3', '-2e3', 'a=b']);
  });
  it('writes empty cells for null, undefined and non-finite numbers', () => {
    expect(toCsv(columns, [{ login: 'x', commits: Number.NaN, note: null }])).toBe('login,commits,note\r\nx,,\r\n');
    expect(csvCellText(undefined)).toBe('');
    expect(csvCellText(true)).toBe('true');
  });
  it('writes only the header for no rows', () => {
    expect(toCsv(columns, [])).toBe('login,commits,note\r\n');
  });
});

describe('toJson', () => {
  it('is pretty, with sorted keys at every depth and array order kept', () => {
    const json = toJson({ b: 1, a: { d: [3, 1], c: null } });
    expect(json).toBe('{\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      1\n    ]\n  },\n  "b": 1\n}\n');
    expect(toJson({ a: { c: null, d: [3, 1] }, b: 1 })).toBe(json);
  });
});

describe('exportFileName', () => {
  it('joins the parts with safe characters only', () => {
    expect(exportFileName('contributors', 'octo-org/hello-world', 'csv')).toBe('statboard-octo-org-hello-world-contributors.csv');
    expect(exportFileName('punch card', '../../etc/passwd', 'JSON')).toBe('statboard-etc-passwd-punch-card.json');
    expect(exportFileName('time', 'Ünïcode Org', 'c/s v')).toBe('statboard-Unicode-Org-time.csv');
  });
  it('never gets long or loses its extension', () => {
    const name = exportFileName('routes', 'a'.repeat(300), '');
    expect(name.length).toBeLessThanOrEqual(124);
    expect(name.endsWith('.txt')).toBe(true);
    expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});
