import type { Contributor, ContributorPerson, ContributorStats, ContributorSummary } from '../protocol';
import { sumRange, WEEK_SECONDS } from './series';
import { downsample } from './sparkline';

/**
 * Contributor statistics (`stats/contributors`), columnar: `stats.weeks` holds the week starts
 * (unix seconds, oldest first) and each contributor's `commits/additions/deletions` arrays are
 * aligned with it. Big repositories reach 100 people × 800 weeks, so every function here is a
 * single pass over the weeks in the window per person, with no allocation per week.
 */

export type ContributorWindow = '4w' | '12w' | '52w' | 'all';

export const CONTRIBUTOR_WINDOWS: readonly ContributorWindow[] = ['4w', '12w', '52w', 'all'];

const WINDOW_WEEKS: Record<Exclude<ContributorWindow, 'all'>, number> = { '4w': 4, '12w': 12, '52w': 52 };

/** A range of week indexes into `stats.weeks`: `from` inclusive, `to` exclusive. */
export interface WeekSpan {
  from: number;
  to: number;
}

/**
 * The weeks a window covers. The window ends at `now` (unix ms) when given, otherwise at the
 * last week in the data (so cached data keeps showing its own last weeks). A week belongs to an
 * `n`-week window when its start lies in (end − n weeks, end]: the current, partial week counts
 * as one of the n. `'all'` is every week up to the end. Weeks must be sorted oldest first.
 */
export function windowWeekSpan(weeks: readonly number[], window: ContributorWindow, now?: number): WeekSpan {
  if (weeks.length === 0) return { from: 0, to: 0 };
  const end = now === undefined ? (weeks[weeks.length - 1] as number) : now / 1000;
  let to = weeks.length;
  while (to > 0 && (weeks[to - 1] as number) > end) to--;
  if (window === 'all') return { from: 0, to };
  const after = end - WINDOW_WEEKS[window] * WEEK_SECONDS;
  let from = to;
  while (from > 0 && (weeks[from - 1] as number) > after) from--;
  return { from, to };
}

/** GitHub marks app accounts with a `[bot]` login suffix; the API's user type can say so too. */
export function isBotContributor(contributor: Pick<Contributor, 'login' | 'isBot'>): boolean {
  return contributor.isBot || (contributor.login?.toLowerCase().endsWith('[bot]') ?? false);
}

/** What the UI shows for an author GitHub could not match to a user. */
export const UNKNOWN_LOGIN = 'unknown';

export function displayLogin(login: string | null): string {
  return login ?? UNKNOWN_LOGIN;
}

/**
 * Login order for ties: case-insensitive, then exact (so the order is total and does not depend
 * on the runtime's locale), unknown authors last.
 */
export function compareLogins(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : 1;
}

export interface ContributorRow {
  /** position in `stats.contributors`, to fetch this person's sparkline */
  index: number;
  login: string | null;
  id: number | null;
  htmlUrl: string | null;
  avatarUrl: string | null;
  isBot: boolean;
  commits: number;
  additions: number;
  deletions: number;
  /** commits / all commits in the window (bots included even when hidden), 0..1 */
  share: number;
}

export interface ContributorTableOptions {
  window?: ContributorWindow;
  /** unix ms; see `windowWeekSpan` */
  now?: number;
  hideBots?: boolean;
  /** keep only the first `limit` rows (top-N); the rest are counted in `omitted*` */
  limit?: number;
}

export interface ContributorTable {
  rows: ContributorRow[];
  span: WeekSpan;
  /** every contributor's commits in the window, bots included */
  totalCommits: number;
  /** contributors with at least one commit in the window, bots included */
  activeContributors: number;
  /** of `activeContributors`, the bots (shown or not) */
  activeBots: number;
  /** bots with commits in the window that `hideBots` left out */
  hiddenBots: number;
  /** shown-eligible contributors cut by `limit`, and their commits */
  omitted: number;
  omittedCommits: number;
}

function sortRows(rows: ContributorRow[]): void {
  rows.sort((a, b) => b.commits - a.commits || compareLogins(a.login, b.login) || (a.id ?? 0) - (b.id ?? 0));
}

/**
 * Who made the window's commits, in words: "19 people and 1 bot made 1,443 commits". Bots are
 * named apart so a bot is never counted as a person; `formatCount` formats the numbers.
 */
export function contributorsSentence(table: Pick<ContributorTable, 'activeContributors' | 'activeBots' | 'totalCommits'>, formatCount: (n: number) => string): string {
  const people = table.activeContributors - table.activeBots;
  const parts: string[] = [];
  if (people > 0) parts.push(`${formatCount(people)} ${people === 1 ? 'person' : 'people'}`);
  if (table.activeBots > 0) parts.push(`${formatCount(table.activeBots)} ${table.activeBots === 1 ? 'bot' : 'bots'}`);
  const who = parts.length > 0 ? parts.join(' and ') : 'Nobody';
  const commits = `${formatCount(table.totalCommits)} ${table.totalCommits === 1 ? 'commit' : 'commits'}`;
  return `${who} made ${commits}`;
}

/** Each person's commits, additions and deletions over a window, aligned with `people`. */
export interface WindowSums {
  people: readonly ContributorPerson[];
  span: WeekSpan;
  commits: readonly number[];
  additions: readonly number[];
  deletions: readonly number[];
}

/** A window's sums from the full answer; the window ends at `now` when given (see windowWeekSpan). */
export function windowSums(stats: ContributorStats, window: ContributorWindow, now?: number): WindowSums {
  const span = windowWeekSpan(stats.weeks, window, now);
  const sum = (key: 'commits' | 'additions' | 'deletions') => stats.contributors.map((person) => sumRange(person[key], span.from, span.to));
  return { people: stats.contributors, span, commits: sum('commits'), additions: sum('additions'), deletions: sum('deletions') };
}

/** A window's sums from the background's summary (its windows end at the answer's last week). */
export function summaryWindow(summary: ContributorSummary, window: ContributorWindow): WindowSums {
  return { people: summary.people, ...summary.windows[window] };
}

function sumsOf(source: ContributorStats | ContributorSummary, window: ContributorWindow, now?: number): WindowSums {
  if (!('shape' in source)) return windowSums(source, window, now);
  if (now !== undefined) throw new Error('a window ending at `now` needs the full answer');
  return summaryWindow(source, window);
}

/**
 * The contributors table for a window: one row per person with at least one commit in it,
 * sorted by commits (descending), then login. People without commits in the window are left
 * out: a 4-week table of a big repository is otherwise mostly zeros. Takes the full answer or
 * the background's summary (utils/metrics/contributorSummary.ts; `now` needs the full answer).
 */
export function contributorTable(source: ContributorStats | ContributorSummary, options: ContributorTableOptions = {}): ContributorTable {
  return contributorTableOf(sumsOf(source, options.window ?? 'all', options.now), options);
}

/** The same table from a window's sums (the panel's path: summaryWindow of the summary). */
export function contributorTableOf(totals: WindowSums, options: Pick<ContributorTableOptions, 'hideBots' | 'limit'> = {}): ContributorTable {
  const span = totals.span;
  const eligible: ContributorRow[] = [];
  let totalCommits = 0;
  let activeContributors = 0;
  let activeBots = 0;
  let hiddenBots = 0;
  totals.people.forEach((person, index) => {
    const commits = totals.commits[index] ?? 0;
    if (commits <= 0) return;
    totalCommits += commits;
    activeContributors++;
    const isBot = isBotContributor(person);
    if (isBot) activeBots++;
    if (isBot && options.hideBots) {
      hiddenBots++;
      return;
    }
    eligible.push({
      index,
      login: person.login,
      id: person.id,
      htmlUrl: person.htmlUrl,
      avatarUrl: person.avatarUrl,
      isBot,
      commits,
      additions: totals.additions[index] ?? 0,
      deletions: totals.deletions[index] ?? 0,
      share: 0,
    });
  });
  for (const row of eligible) row.share = row.commits / totalCommits;
  sortRows(eligible);
  const limit = options.limit === undefined ? eligible.length : Math.max(0, Math.floor(options.limit));
  const rows = eligible.slice(0, limit);
  let omittedCommits = 0;
  for (let i = limit; i < eligible.length; i++) omittedCommits += (eligible[i] as ContributorRow).commits;
  return {
    rows,
    span,
    totalCommits,
    activeContributors,
    activeBots,
    hiddenBots,
    omitted: eligible.length - rows.length,
    omittedCommits,
  };
}

export const SPARKLINE_POINTS = 52;

/** One person's weekly commits over `span`, summed into at most `maxPoints` points. */
export function contributorSparkline(
  stats: ContributorStats,
  index: number,
  span: WeekSpan,
  maxPoints = SPARKLINE_POINTS,
): number[] {
  const person = stats.contributors[index];
  return person ? downsample(person.commits, maxPoints, 'sum', span.from, span.to) : [];
}

export interface ConcentrationMember {
  login: string | null;
  id: number | null;
  isBot: boolean;
  commits: number;
}

/** "Bus factor": how few people made at least half of the last year's commits. */
export interface Concentration {
  /** the fewest contributors whose commits are at least half of `totalCommits`; 0 with no commits */
  count: number;
  /** who they are, most commits first */
  people: ConcentrationMember[];
  /** how many of `people` are bots (bots are counted like everyone else) */
  bots: number;
  /** commits made by `people` (≥ half of the total) */
  coveredCommits: number;
  totalCommits: number;
  /** contributors with at least one commit in the window */
  contributors: number;
}

/**
 * Taking people in order of commits is optimal for "fewest". The threshold is exact integer
 * arithmetic (2 × covered ≥ total), so 5 of 10 commits is half. When people tie at the cut,
 * the count is the same whoever is picked; the list names them in login order.
 */
export function commitConcentration(source: ContributorStats | ContributorSummary, now?: number): Concentration {
  return concentrationOf(sumsOf(source, '52w', now));
}

/** The same from the last 52 weeks' sums (the panel's path: summaryWindow of the summary). */
export function concentrationOf(totals: WindowSums): Concentration {
  const members: ConcentrationMember[] = [];
  let totalCommits = 0;
  for (const [index, person] of totals.people.entries()) {
    const commits = totals.commits[index] ?? 0;
    if (commits <= 0) continue;
    totalCommits += commits;
    members.push({ login: person.login, id: person.id, isBot: isBotContributor(person), commits });
  }
  members.sort((a, b) => b.commits - a.commits || compareLogins(a.login, b.login) || (a.id ?? 0) - (b.id ?? 0));
  const people: ConcentrationMember[] = [];
  let coveredCommits = 0;
  for (const member of members) {
    if (totalCommits === 0 || 2 * coveredCommits >= totalCommits) break;
    people.push(member);
    coveredCommits += member.commits;
  }
  return {
    count: people.length,
    people,
    bots: people.filter((p) => p.isBot).length,
    coveredCommits,
    totalCommits,
    contributors: members.length,
  };
}
