import { LATEST_SECONDS, type ParseResult } from './schemaParts';

/**
 * `GET /repos/{owner}/{repo}/stats/contributors`, checked and made columnar in one pass over the
 * parsed JSON. It accepts exactly what the valibot schema of the statistic table accepts
 * (repoStatistics.ts `contributors`; `tests/unit/github-contributors-answer.test.ts` holds the two
 * together, answer for answer) and gives what that schema's shape gives, but builds no copy of
 * the 80,000 week objects of a big repository (100 people x 800 weeks): valibot's checked copy and
 * the shape after it took 50-65 ms of the worker's time for that answer, before the panel saw it.
 * A bad answer is still "not understood" and never replaces cached data.
 */

const isInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
const isCount = (x: unknown): x is number => isInt(x) && x >= 0;
const isOptionalString = (x: unknown) => x === undefined || typeof x === 'string';
const WEEK_DIGITS = /^\d{1,12}$/;

/** A week's `w` as unix seconds (a number, or the numeric string FACTS.md allows), NaN if neither. */
function weekOf(w: unknown): number {
  if (typeof w === 'number') return Number.isInteger(w) && w >= 0 && w <= LATEST_SECONDS ? w : Number.NaN;
  if (typeof w === 'string' && WEEK_DIGITS.test(w)) {
    const n = Number(w);
    return n <= LATEST_SECONDS ? n : Number.NaN;
  }
  return Number.NaN;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Why a row is not understood (its path within the answer), or null when it is. */
function rowIssue(row: unknown, i: number): string | null {
  if (!isObject(row)) return `${i}: invalid type`;
  const author = row.author;
  if (author !== null) {
    if (!isObject(author)) return `${i}.author: invalid type`;
    if (typeof author.login !== 'string') return `${i}.author.login: invalid type`;
    if (!isInt(author.id)) return `${i}.author.id: invalid type`;
    if (!isOptionalString(author.html_url) || !isOptionalString(author.avatar_url) || !isOptionalString(author.type)) return `${i}.author: invalid field`;
  }
  if (!isCount(row.total)) return `${i}.total: invalid value`;
  const weeks = row.weeks;
  if (!Array.isArray(weeks)) return `${i}.weeks: invalid type`;
  for (let j = 0; j < weeks.length; j++) {
    const week: unknown = weeks[j];
    if (!isObject(week)) return `${i}.weeks.${j}: invalid type`;
    if (Number.isNaN(weekOf(week.w))) return `${i}.weeks.${j}.w: invalid value`;
    if (!isCount(week.a) || !isCount(week.d) || !isCount(week.c)) return `${i}.weeks.${j}: invalid value`;
  }
  return null;
}

/** protocol.ts `Contributor` (which derives its type from the statistic table, so not imported here). */
interface Contributor {
  login: string | null;
  id: number | null;
  htmlUrl: string | null;
  avatarUrl: string | null;
  isBot: boolean;
  total: number;
  commits: number[];
  additions: number[];
  deletions: number[];
}

interface ContributorStats {
  weeks: number[];
  contributors: Contributor[];
}

interface Week {
  w: unknown;
  a: number;
  d: number;
  c: number;
}

interface Row {
  author: AnswerAuthor;
  total: number;
  weeks: Week[];
}

/**
 * The shared week axis. GitHub gives every contributor the same weeks, in order: then each
 * person's week j is axis week j (no lookups). Otherwise (weeks missing, out of order, repeated)
 * every distinct week, sorted, found through a map and summed per person.
 */
function axisOf(rows: readonly Row[]): { weeks: number[]; aligned: boolean } {
  const first = rows[0]?.weeks ?? [];
  const axis = first.map((week) => weekOf(week.w));
  let aligned = true;
  for (let j = 1; j < axis.length && aligned; j++) aligned = axis[j]! > axis[j - 1]!;
  for (let i = 1; i < rows.length && aligned; i++) {
    const weeks = rows[i]!.weeks;
    if (weeks.length !== axis.length) aligned = false;
    for (let j = 0; j < weeks.length && aligned; j++) {
      const w = weeks[j]!.w;
      aligned = (typeof w === 'number' ? w : weekOf(w)) === axis[j];
    }
  }
  if (aligned) return { weeks: axis, aligned };
  const set = new Set<number>();
  for (const row of rows) for (const week of row.weeks) set.add(weekOf(week.w));
  return { weeks: [...set].sort((a, b) => a - b), aligned };
}

/** An answer row's author as GitHub sends it (checked), or null for an author GitHub has no user for. */
export type AnswerAuthor = { login: string; id: number; html_url?: string; avatar_url?: string; type?: string } | null;

/**
 * One contributor of the columnar form from its answer row's author, total and week columns: the
 * one place the author's fields become the panel's (this pass and the valibot schema's shape).
 */
export function contributorOf(author: AnswerAuthor, total: number, columns: Pick<Contributor, 'commits' | 'additions' | 'deletions'>): Contributor {
  return {
    login: author?.login ?? null,
    id: author?.id ?? null,
    htmlUrl: author?.html_url ?? null,
    avatarUrl: author?.avatar_url ?? null,
    isBot: author ? author.type === 'Bot' || author.login.endsWith('[bot]') : false,
    total,
    ...columns,
  };
}

export function readContributors(body: unknown): ParseResult<ContributorStats> {
  if (!Array.isArray(body)) return { ok: false, issue: 'answer: invalid type' };
  for (let i = 0; i < body.length; i++) {
    const issue = rowIssue(body[i], i);
    if (issue) return { ok: false, issue };
  }
  const rows = body as Row[];
  const { weeks, aligned } = axisOf(rows);
  const index = aligned ? null : new Map(weeks.map((w, i) => [w, i]));
  const n = weeks.length;
  const contributors = rows.map((row): Contributor => {
    const commits = new Array<number>(n).fill(0);
    const additions = new Array<number>(n).fill(0);
    const deletions = new Array<number>(n).fill(0);
    const list = row.weeks;
    for (let j = 0; j < list.length; j++) {
      const week = list[j]!;
      const i = index ? index.get(weekOf(week.w))! : j;
      commits[i] = commits[i]! + week.c;
      additions[i] = additions[i]! + week.a;
      deletions[i] = deletions[i]! + week.d;
    }
    return contributorOf(row.author, row.total, { commits, additions, deletions });
  });
  return { ok: true, data: { weeks, contributors } };
}
