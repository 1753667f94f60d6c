/**
 * What the repository panel should show, computed here from the mock's raw API answers with
 * plain arithmetic (not with utils/metrics, which the panel itself uses), formatted the way a
 * user reads it (en-US grouping, U+2212 minus).
 */
import type { RepoStatsAnswers } from '../mock-github';

const WEEK = 7 * 24 * 3600;
export const MINUS = '\u2212';
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const fmt = (n: number) => n.toLocaleString('en-US');
export const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function expectedHeadline(a: RepoStatsAnswers) {
  const totals = a.commit_activity.map((w) => w.total);
  const recent = sum(totals.slice(-4));
  const previous = sum(totals.slice(-8, -4));
  const trend = previous === 0 ? 'new' : `${recent >= previous ? '+' : MINUS}${Math.round(Math.abs((recent - previous) / previous) * 100)}%`;

  const byDay = [0, 0, 0, 0, 0, 0, 0];
  const byHour = new Array<number>(24).fill(0);
  for (const [d, h, n] of a.punch_card) {
    byDay[d] = (byDay[d] ?? 0) + n;
    byHour[h] = (byHour[h] ?? 0) + n;
  }
  const maxIndex = (xs: number[]) => xs.indexOf(Math.max(...xs));

  // Fewest people who made half the commits of the 52 weeks ending with the newest week.
  const lastWeek = Math.max(...a.contributors.flatMap((c) => c.weeks.map((w) => Number(w.w))));
  const perPerson = a.contributors
    .map((c) => sum(c.weeks.filter((w) => Number(w.w) > lastWeek - 52 * WEEK).map((w) => w.c)))
    .filter((n) => n > 0)
    .sort((x, y) => y - x);
  const total = sum(perPerson);
  let covered = 0;
  let people = 0;
  while (2 * covered < total) covered += perPerson[people++] ?? 0;

  return {
    commits: fmt(sum(totals)),
    activeWeeks: `${totals.filter((t) => t > 0).length} of 52`,
    trend,
    busiestDay: DAYS[maxIndex(byDay)]!,
    busiestHour: hour(maxIndex(byHour)),
    concentration: `${people} ${people === 1 ? 'person' : 'people'}`,
  };
}

/** Top contributors over the last 52 weeks, bots left out (the panel's default). */
export function expectedTopContributors(a: RepoStatsAnswers) {
  const lastWeek = Math.max(...a.contributors.flatMap((c) => c.weeks.map((w) => Number(w.w))));
  return a.contributors
    .filter((c) => !String(c.author?.login ?? '').endsWith('[bot]') && c.author?.type !== 'Bot')
    .map((c) => ({
      login: (c.author?.login as string | undefined) ?? 'unknown',
      commits: sum(c.weeks.filter((w) => Number(w.w) > lastWeek - 52 * WEEK).map((w) => w.c)),
    }))
    .filter((c) => c.commits > 0)
    .sort((x, y) => y.commits - x.commits || x.login.toLowerCase().localeCompare(y.login.toLowerCase()));
}

export function expectedCodeTotals(a: RepoStatsAnswers) {
  return {
    additions: sum(a.code_frequency.map((r) => r[1])),
    deletions: sum(a.code_frequency.map((r) => Math.abs(r[2]))),
    weeks: a.code_frequency.length,
  };
}

export function expectedOwnerShare(a: RepoStatsAnswers) {
  const all = sum(a.participation.all);
  const owner = sum(a.participation.owner.map((o, i) => Math.min(o, a.participation.all[i] ?? 0)));
  return { all: fmt(all), share: `${Math.round((owner / all) * 100)}%` };
}

export function expectedBusiestSlot(a: RepoStatsAnswers) {
  let best = a.punch_card[0]!;
  for (const cell of a.punch_card) if (cell[2] > best[2]) best = cell;
  return `Busiest: ${DAYS[best[0]]} at ${hour(best[1])}, ${fmt(best[2])} commits.`;
}

export function isoDay(weekSeconds: number): string {
  return new Date(weekSeconds * 1000).toISOString().slice(0, 10);
}
