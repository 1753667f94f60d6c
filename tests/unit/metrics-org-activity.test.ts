import { describe, expect, it } from 'vitest';
import {
  activityRepoCount,
  orgActivity,
  orgContributors,
  pickActivityRepos,
  weekStartOf,
} from '../../utils/metrics/orgActivity';
import type { ContributorStats, OrgRepo } from '../../utils/protocol';

const repo = (name: string, pushedAt: string | null, extra: Partial<OrgRepo> = {}): OrgRepo => ({
  name,
  owner: 'acme',
  fork: false,
  archived: false,
  pushedAt,
  ...extra,
});

describe('pickActivityRepos', () => {
  const list = [
    repo('old', '2026-01-01T00:00:00Z'),
    repo('fork', '2026-11-30T00:00:00Z', { fork: true }),
    repo('new', '2026-11-29T00:00:00Z'),
    repo('archived', '2026-11-28T00:00:00Z', { archived: true }),
    repo('never', null),
    repo('mid', '2026-06-01T00:00:00Z'),
  ];
  it('takes the most recently pushed, forks and archived left out', () => {
    const pick = pickActivityRepos(list, 2, false);
    expect(pick.picked.map((r) => r.name)).toEqual(['new', 'mid']);
    expect(pick).toMatchObject({ listed: 6, forksLeftOut: 1, archivedLeftOut: 1 });
  });
  it('includes them with the toggle; never pushed comes last', () => {
    const pick = pickActivityRepos(list, 10, true);
    expect(pick.picked.map((r) => r.name)).toEqual(['fork', 'new', 'archived', 'mid', 'old', 'never']);
    expect(pick.forksLeftOut + pick.archivedLeftOut).toBe(0);
  });
  it('reads the preference within 5..30', () => {
    expect(activityRepoCount(12)).toBe(12);
    expect(activityRepoCount(4)).toBe(10);
    expect(activityRepoCount(31)).toBe(10);
    expect(activityRepoCount('12')).toBe(10);
    expect(activityRepoCount(undefined)).toBe(10);
  });
});

describe('orgActivity', () => {
  const now = Date.parse('2026-12-01T12:00:00Z'); // a Tuesday
  const week = (n: number) => Array.from({ length: 52 }, (_, i) => (i === 51 ? n : i === 47 ? 2 : 0));

  it('starts weeks on Sunday UTC', () => {
    expect(new Date(weekStartOf(now) * 1000).toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });

  it('sums known repositories, ranks them, and leaves unknown ones out', () => {
    const a = orgActivity(
      [
        { name: 'b', weeks: week(5), fetchedAt: now },
        { name: 'a', weeks: week(5), fetchedAt: now },
        { name: 'big', weeks: week(9), fetchedAt: now },
        { name: 'quiet', weeks: new Array<number>(52).fill(0), fetchedAt: now },
        { name: 'counting', weeks: null, fetchedAt: now },
      ],
      now,
    );
    expect(a.repos.map((r) => [r.name, r.total])).toEqual([
      ['big', 11],
      ['a', 7],
      ['b', 7],
      ['quiet', 0],
    ]);
    expect(a.total).toBe(25);
    expect(a.weeks[51]).toBe(19);
    expect(a.weeks[47]).toBe(6);
    expect(a.activeRepos).toBe(3);
    expect(a.busiest?.name).toBe('big');
    expect(a.recent).toBe(19);
    expect(a.previous).toBe(6);
    expect(a.change).toBeCloseTo(13 / 6);
    expect(a.weekStarts).toHaveLength(52);
    expect(a.weekStarts[51]).toBe(weekStartOf(now));
  });

  it('places an answer fetched in an earlier week by that week', () => {
    const lastWeek = now - 7 * 86_400_000;
    const a = orgActivity([{ name: 'r', weeks: week(4), fetchedAt: lastWeek }], now);
    expect(a.weeks[50]).toBe(4);
    expect(a.weeks[51]).toBe(0);
    expect(a.weeks[46]).toBe(2);
    // the oldest week of that answer is now outside the 52
    expect(a.total).toBe(6);
  });

  it('has no busiest repository when nothing was committed', () => {
    const a = orgActivity([{ name: 'z', weeks: new Array<number>(52).fill(0), fetchedAt: now }], now);
    expect(a.busiest).toBeNull();
    expect(a.change).toBeNull();
    expect(orgActivity([], now).total).toBe(0);
  });
});

describe('orgContributors', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  const current = weekStartOf(now);
  const weeks = [current - 60 * 604_800, current - 604_800, current];
  const stats = (people: [string | null, number[], boolean?][]): ContributorStats => ({
    weeks,
    contributors: people.map(([login, commits, isBot]) => ({
      login,
      id: 1,
      htmlUrl: null,
      avatarUrl: null,
      isBot: isBot ?? false,
      total: commits.reduce((x, y) => x + y, 0),
      commits,
      additions: [0, 0, 0],
      deletions: [0, 0, 0],
    })),
  });

  it('sums people across repositories within 52 weeks, bots apart', () => {
    const result = orgContributors(
      [
        stats([
          ['Mona', [100, 2, 3]],
          ['dependabot[bot]', [0, 4, 4]],
          [null, [0, 1, 0]],
        ]),
        stats([
          ['mona', [0, 1, 0]],
          ['hubot', [0, 0, 7]],
          ['idle', [9, 0, 0]],
        ]),
      ],
      now,
    );
    expect(result.people).toEqual([
      { login: 'hubot', isBot: false, commits: 7, repos: 1 },
      { login: 'Mona', isBot: false, commits: 6, repos: 2 },
    ]);
    expect(result.bots).toEqual([{ login: 'dependabot[bot]', isBot: true, commits: 8, repos: 1 }]);
    expect(result.unknownCommits).toBe(1);
    expect(result.repos).toBe(2);
  });
});
