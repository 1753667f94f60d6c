import { describe, expect, it } from 'vitest';
import { headlineStats, type HeadlineStat } from '../../components/repo/headlineStats';
import { summarizeContributors } from '../../utils/metrics/contributorSummary';
import type { CommitWeek, Contributor, ContributorSummary, PunchCell } from '../../utils/protocol';

const WEEK = 7 * 24 * 60 * 60;
const MINUS = '\u2212';
const NONE = '—';

/** Commit-activity weeks, oldest first, with all of a week's commits on Monday. */
function weeks(totals: number[]): CommitWeek[] {
  return totals.map((total, i) => ({ week: 1_700_000_000 + i * WEEK, total, days: [0, total, 0, 0, 0, 0, 0] }));
}

function person(login: string | null, commits: number[]): Contributor {
  return {
    login,
    id: login === null ? null : login.length,
    htmlUrl: null,
    avatarUrl: null,
    isBot: false,
    total: commits.reduce((a, b) => a + b, 0),
    commits,
    additions: commits.map(() => 0),
    deletions: commits.map(() => 0),
  };
}

/** What the panel gets: the background's summary of the answer (utils/metrics/contributorSummary.ts). */
function contributors(weekCount: number, people: Contributor[]): ContributorSummary {
  return summarizeContributors({ weeks: Array.from({ length: weekCount }, (_, i) => 1_700_000_000 + i * WEEK), contributors: people });
}

function stat(stats: HeadlineStat[], id: HeadlineStat['id']): HeadlineStat {
  const found = stats.find((s) => s.id === id);
  if (!found) throw new Error(`no stat ${id}`);
  return found;
}

describe('headlineStats: nothing loaded yet', () => {
  const stats = headlineStats({});

  it('has the six stats in a fixed order', () => {
    expect(stats.map((s) => s.id)).toEqual(['commits', 'active-weeks', 'trend', 'busiest-day', 'busiest-hour', 'concentration']);
  });

  it('shows — for every value and still explains each stat', () => {
    for (const s of stats) {
      expect(s.value, s.id).toBe(NONE);
      expect(s.label.length, s.id).toBeGreaterThan(0);
      expect(s.why.length, s.id).toBeGreaterThan(0);
    }
    expect(stat(stats, 'trend').why).toBe('Commits in the last 4 weeks against the 4 weeks before.');
    expect(stat(stats, 'busiest-day').why).toBe('The weekday with the most commits, from the punch card.');
    expect(stat(stats, 'busiest-hour').why).toBe("The hour of day with the most commits, in each commit's own time zone.");
    expect(stat(stats, 'concentration').why).toBe("The fewest contributors who together made half of the last year's commits.");
  });
});

describe('headlineStats: commit activity', () => {
  // 8 weeks: previous 4 = 1+2+3+4 = 10, recent 4 = 0+5+0+10 = 15; 6 active weeks; 25 commits.
  const stats = headlineStats({ commitActivity: weeks([1, 2, 3, 4, 0, 5, 0, 10]) });

  it('counts commits and active weeks', () => {
    expect(stat(stats, 'commits').value).toBe('25');
    expect(stat(stats, 'active-weeks').value).toBe('6 of 52');
  });

  it('compares the last 4 weeks with the 4 before', () => {
    expect(stat(stats, 'trend').value).toBe('+50%');
    expect(stat(stats, 'trend').why).toBe('15 commits in the last 4 weeks against 10 in the 4 weeks before.');
  });

  it('shows a decrease with a real minus sign', () => {
    // previous 8, recent 2 → −75%
    expect(stat(headlineStats({ commitActivity: weeks([2, 2, 2, 2, 1, 0, 1, 0]) }), 'trend').value).toBe(`${MINUS}75%`);
  });

  it('says "new" when only the recent weeks have commits, "0" when neither has', () => {
    expect(stat(headlineStats({ commitActivity: weeks([0, 0, 0, 0, 0, 0, 0, 3]) }), 'trend').value).toBe('new');
    const quiet = headlineStats({ commitActivity: weeks([4, 0, 0, 0, 0, 0, 0, 0, 0]) });
    expect(stat(quiet, 'trend').value).toBe('0');
    expect(stat(quiet, 'trend').why).toBe('0 commits in the last 4 weeks against 0 in the 4 weeks before.');
  });

  it('counts only the last 52 weeks of a longer input', () => {
    // 2 old weeks of 100 commits, then 52 weeks of 1 commit
    const stats54 = headlineStats({ commitActivity: weeks([100, 100, ...new Array<number>(52).fill(1)]) });
    expect(stat(stats54, 'commits').value).toBe('52');
    expect(stat(stats54, 'active-weeks').value).toBe('52 of 52');
  });

  it('groups thousands', () => {
    expect(stat(headlineStats({ commitActivity: weeks([1000, 234]) }), 'commits').value).toBe('1,234');
  });

  it('shows 0 (not —) for a loaded, empty year', () => {
    const empty = headlineStats({ commitActivity: [] });
    expect(stat(empty, 'commits').value).toBe('0');
    expect(stat(empty, 'active-weeks').value).toBe('0 of 52');
    expect(stat(empty, 'trend').value).toBe('0');
  });

  it('leaves the punch-card and contributor stats waiting', () => {
    for (const id of ['busiest-day', 'busiest-hour', 'concentration'] as const) expect(stat(stats, id).value, id).toBe(NONE);
  });
});

describe('headlineStats: punch card', () => {
  // Monday 09h: 4, Wednesday 09h: 4, Wednesday 14h: 6 → busiest day Wednesday (10),
  // busiest hour 09:00 (8 across days), although the busiest single cell is Wednesday 14h.
  const cells: PunchCell[] = [
    { day: 1, hour: 9, commits: 4 },
    { day: 3, hour: 9, commits: 4 },
    { day: 3, hour: 14, commits: 6 },
  ];
  const stats = headlineStats({ punchCard: cells });

  it('names the busiest weekday with its total', () => {
    expect(stat(stats, 'busiest-day').value).toBe('Wednesday');
    expect(stat(stats, 'busiest-day').why).toBe('10 commits were made on Wednesdays, more than on any other weekday.');
  });

  it('names the busiest hour summed over all days', () => {
    expect(stat(stats, 'busiest-hour').value).toBe('09:00');
    expect(stat(stats, 'busiest-hour').why).toBe("8 commits were made in the hour from 09:00, in each commit's own time zone.");
  });

  it('takes the earliest day and hour on a tie (Sunday is day 0)', () => {
    const tie = headlineStats({
      punchCard: [
        { day: 6, hour: 23, commits: 2 },
        { day: 0, hour: 0, commits: 2 },
      ],
    });
    expect(stat(tie, 'busiest-day').value).toBe('Sunday');
    expect(stat(tie, 'busiest-hour').value).toBe('00:00');
  });

  it('shows — for an empty or all-zero punch card', () => {
    for (const punchCard of [[], [{ day: 2, hour: 5, commits: 0 }]]) {
      const s = headlineStats({ punchCard });
      expect(stat(s, 'busiest-day').value).toBe(NONE);
      expect(stat(s, 'busiest-hour').value).toBe(NONE);
      expect(stat(s, 'busiest-day').why).toBe('The weekday with the most commits, from the punch card.');
    }
  });

  it('leaves the commit-activity and contributor stats waiting', () => {
    for (const id of ['commits', 'active-weeks', 'trend', 'concentration'] as const) expect(stat(stats, id).value, id).toBe(NONE);
  });
});

describe('headlineStats: concentration', () => {
  it('one person with exactly half the commits', () => {
    // alice 10, bob 6, carol 4 → 20 in all; 2 × 10 ≥ 20
    const stats = headlineStats({
      contributors: contributors(3, [person('bob', [2, 2, 2]), person('alice', [3, 3, 4]), person('carol', [1, 1, 2])]),
    });
    expect(stat(stats, 'concentration').value).toBe('1 person');
    expect(stat(stats, 'concentration').why).toBe("alice made 10 of the last year's 20 commits.");
  });

  it('several people, most commits first, unknown authors named "unknown"', () => {
    // unknown 6, bob 5, carol 4 → 15; 6 is under half, 6 + 5 = 11 is over
    const stats = headlineStats({
      contributors: contributors(2, [person('carol', [2, 2]), person('bob', [2, 3]), person(null, [3, 3])]),
    });
    expect(stat(stats, 'concentration').value).toBe('2 people');
    expect(stat(stats, 'concentration').why).toBe("unknown, bob made 11 of the last year's 15 commits.");
  });

  it('counts only the 52 weeks ending at the last week of the data', () => {
    // 53 weeks: week 0 lies outside the year. old-timer's 100 commits there do not count.
    const old = new Array<number>(53).fill(0);
    old[0] = 100;
    const recent = new Array<number>(53).fill(0);
    recent[52] = 3;
    const other = new Array<number>(53).fill(0);
    other[10] = 2;
    const stats = headlineStats({ contributors: contributors(53, [person('old-timer', old), person('dana', recent), person('eve', other)]) });
    expect(stat(stats, 'concentration').value).toBe('1 person');
    expect(stat(stats, 'concentration').why).toBe("dana made 3 of the last year's 5 commits.");
  });

  it('shows — when nobody committed in the year', () => {
    for (const stats of [
      headlineStats({ contributors: contributors(0, []) }),
      headlineStats({ contributors: contributors(2, [person('idle', [0, 0])]) }),
    ]) {
      expect(stat(stats, 'concentration').value).toBe(NONE);
      expect(stat(stats, 'concentration').why).toBe("The fewest contributors who together made half of the last year's commits.");
    }
  });

  it('groups thousands in the explanation', () => {
    const stats = headlineStats({ contributors: contributors(1, [person('big', [1500]), person('small', [500])]) });
    expect(stat(stats, 'concentration').why).toBe("big made 1,500 of the last year's 2,000 commits.");
  });
});

it('headlineStats: all inputs together fill every value', () => {
  const stats = headlineStats({
    commitActivity: weeks([1, 1]),
    punchCard: [{ day: 5, hour: 17, commits: 2 }],
    contributors: contributors(1, [person('solo', [2])]),
  });
  expect(stats.map((s) => s.value)).toEqual(['2', '2 of 52', 'new', 'Friday', '17:00', '1 person']);
});

describe('headline items whose input has not arrived', () => {
  it('say "Not loaded yet" for a section not fetched until seen, "Loading…" on the way, a dash when turned off', () => {
    const stats = headlineStats({
      commitActivity: weeks(Array.from({ length: 52 }, () => 1)),
      status: { punchCard: 'deferred', contributors: 'loading' },
    });
    const by = Object.fromEntries(stats.map((s) => [s.id, s]));
    expect(by.commits?.value).toBe('52');
    expect(by.commits?.pending).toBeUndefined();
    expect(by['busiest-day']).toMatchObject({ value: 'Not loaded yet', pending: 'deferred' });
    expect(by['busiest-hour']?.why).toMatch(/when you scroll to it/);
    expect(by.concentration).toMatchObject({ value: 'Loading…', pending: 'loading' });
    const off = headlineStats({ status: { commitActivity: 'off', punchCard: 'limited' } });
    expect(off.find((s) => s.id === 'commits')?.value).toBe(NONE);
    expect(off.find((s) => s.id === 'busiest-day')).toMatchObject({ value: 'Not loaded yet', pending: 'limited' });
  });
});
