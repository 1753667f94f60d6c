import type { ContributorStats, OrgRepo } from '../protocol';
import { isBotContributor, windowWeekSpan } from './contributors';
import { indexOfMax, sumRange, WEEK_SECONDS } from './series';

/**
 * An organization's activity: weekly commits summed over its most recently pushed public
 * repositories, from each one's `stats/participation` (52 weeks, oldest first). Pure functions;
 * the section (components/org/activity) only renders what these return.
 */

export const ACTIVITY_WEEKS = 52;
export const DEFAULT_ACTIVITY_REPOS = 10;
export const MIN_ACTIVITY_REPOS = 5;
export const MAX_ACTIVITY_REPOS = 30;

/** A preference value read defensively: a whole number within 5..30, else the default. */
export function activityRepoCount(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= MIN_ACTIVITY_REPOS && value <= MAX_ACTIVITY_REPOS
    ? value
    : DEFAULT_ACTIVITY_REPOS;
}

/** 1970-01-04 (a Sunday) 00:00 UTC: GitHub's stats weeks start on Sunday. */
const FIRST_SUNDAY_S = 3 * 86_400;

/** Unix seconds of the Sunday 00:00 UTC that starts the week holding `ms`. */
export function weekStartOf(ms: number): number {
  return Math.floor((ms / 1000 - FIRST_SUNDAY_S) / WEEK_SECONDS) * WEEK_SECONDS + FIRST_SUNDAY_S;
}

export interface RepoPick {
  /** the repositories to count, most recently pushed first */
  picked: OrgRepo[];
  /** public repositories in the list */
  listed: number;
  /** forks and archived repositories left out (0 when they are included) */
  forksLeftOut: number;
  archivedLeftOut: number;
}

/**
 * The rule the section states: the `count` most recently pushed public repositories, forks and
 * archived ones left out unless `includeForksAndArchived`. A repository never pushed to comes last.
 */
export function pickActivityRepos(list: readonly OrgRepo[], count: number, includeForksAndArchived: boolean): RepoPick {
  let forksLeftOut = 0;
  let archivedLeftOut = 0;
  const kept: OrgRepo[] = [];
  for (const repo of list) {
    if (!includeForksAndArchived && (repo.fork || repo.archived)) {
      if (repo.fork) forksLeftOut++;
      else archivedLeftOut++;
      continue;
    }
    kept.push(repo);
  }
  const pushed = (r: OrgRepo) => (r.pushedAt ? Date.parse(r.pushedAt) || 0 : 0);
  // GitHub already sorts by push; sorting again keeps the rule true for any answer (stable).
  kept.sort((a, b) => pushed(b) - pushed(a));
  return { picked: kept.slice(0, count), listed: list.length, forksLeftOut, archivedLeftOut };
}

/** One repository's participation, as far as it is known. */
export interface RepoWeeks {
  name: string;
  /** participation `all`, oldest first; null while not known (loading, computing, failed) */
  weeks: readonly number[] | null;
  /** unix ms the participation was fetched (its last entry is that week) */
  fetchedAt: number;
}

export interface CountedRepo {
  name: string;
  /** 52 weeks aligned with `OrgActivity.weekStarts` */
  weeks: number[];
  total: number;
  /** commits in the last 4 weeks, the 4 before, and the change (null when the 4 before had none) */
  recent: number;
  previous: number;
  change: number | null;
}

export interface OrgActivity {
  /** unix seconds of each of the 52 weeks, oldest first; the last is the current week */
  weekStarts: number[];
  /** commits per week summed over the counted repositories */
  weeks: number[];
  total: number;
  /** counted repositories, most commits first (name on a tie) */
  repos: CountedRepo[];
  /** counted repositories with at least one commit in the 52 weeks */
  activeRepos: number;
  recent: number;
  previous: number;
  change: number | null;
  /** the counted repository with the most commits; null when none has any */
  busiest: CountedRepo | null;
}

function trend(weeks: readonly number[]): { recent: number; previous: number; change: number | null } {
  const n = weeks.length;
  const recent = sumRange(weeks, n - 4, n);
  const previous = sumRange(weeks, n - 8, n - 4);
  return { recent, previous, change: previous === 0 ? null : (recent - previous) / previous };
}

/**
 * Sums the repositories whose participation is known. Each series is placed by the week it was
 * fetched in, so answers cached in different weeks line up; weeks after a repository's answer
 * count 0 for it (its stats are current: unchanged since, or refetched after a push).
 */
export function orgActivity(repos: readonly RepoWeeks[], nowMs: number): OrgActivity {
  const end = weekStartOf(nowMs);
  const weekStarts = Array.from({ length: ACTIVITY_WEEKS }, (_, i) => end - (ACTIVITY_WEEKS - 1 - i) * WEEK_SECONDS);
  const weeks = new Array<number>(ACTIVITY_WEEKS).fill(0);
  const counted: CountedRepo[] = [];
  for (const repo of repos) {
    if (!repo.weeks) continue;
    const series = new Array<number>(ACTIVITY_WEEKS).fill(0);
    // Index in `weekStarts` of the answer's last week.
    const last = ACTIVITY_WEEKS - 1 - Math.round((end - weekStartOf(repo.fetchedAt)) / WEEK_SECONDS);
    const n = repo.weeks.length;
    for (let k = 0; k < n; k++) {
      const at = last - (n - 1 - k);
      if (at < 0 || at >= ACTIVITY_WEEKS) continue;
      const value = repo.weeks[k];
      series[at] = typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
    }
    for (let i = 0; i < ACTIVITY_WEEKS; i++) weeks[i]! += series[i]!;
    counted.push({ name: repo.name, weeks: series, total: sumRange(series), ...trend(series) });
  }
  counted.sort((a, b) => b.total - a.total || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
  const busiestIndex = indexOfMax(counted.map((r) => r.total));
  return {
    weekStarts,
    weeks,
    total: sumRange(weeks),
    repos: counted,
    activeRepos: counted.filter((r) => r.total > 0).length,
    ...trend(weeks),
    busiest: busiestIndex >= 0 ? counted[busiestIndex]! : null,
  };
}

export interface OrgContributor {
  login: string;
  isBot: boolean;
  /** commits in the last 52 weeks across the counted repositories */
  commits: number;
  /** how many of those repositories the person committed to */
  repos: number;
}

export interface OrgContributors {
  /** people first by commits (login on a tie); bots apart */
  people: OrgContributor[];
  bots: OrgContributor[];
  /** commits by authors GitHub could not match to an account */
  unknownCommits: number;
  /** repositories whose contributors are known */
  repos: number;
}

/**
 * Top contributors across repositories: each person's commits in the last 52 weeks, summed by
 * login (case-insensitive, as GitHub logins are). Bots are kept apart, as in the repository panel.
 */
export function orgContributors(stats: readonly ContributorStats[], nowMs: number): OrgContributors {
  const byLogin = new Map<string, OrgContributor>();
  let unknownCommits = 0;
  for (const repo of stats) {
    const span = windowWeekSpan(repo.weeks, '52w', nowMs);
    for (const c of repo.contributors) {
      const commits = sumRange(c.commits, span.from, span.to);
      if (commits === 0) continue;
      if (c.login === null) {
        unknownCommits += commits;
        continue;
      }
      const key = c.login.toLowerCase();
      const known = byLogin.get(key);
      if (known) {
        known.commits += commits;
        known.repos++;
      } else {
        byLogin.set(key, { login: c.login, isBot: isBotContributor(c), commits, repos: 1 });
      }
    }
  }
  const all = [...byLogin.values()].sort(
    (a, b) => b.commits - a.commits || (a.login.toLowerCase() < b.login.toLowerCase() ? -1 : 1),
  );
  return { people: all.filter((c) => !c.isBot), bots: all.filter((c) => c.isBot), unknownCommits, repos: stats.length };
}
