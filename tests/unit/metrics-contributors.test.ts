import { describe, expect, it } from 'vitest';
import type { Contributor, ContributorStats } from '../../utils/protocol';
import {
  commitConcentration,
  compareLogins,
  contributorSparkline,
  contributorsSentence,
  contributorTable,
  displayLogin,
  isBotContributor,
  windowWeekSpan,
} from '../../utils/metrics/contributors';
import { WEEK_SECONDS } from '../../utils/metrics/series';

const W0 = 1704585600; // a Sunday, 00:00 UTC
const week = (i: number) => W0 + i * WEEK_SECONDS;
const weekMs = (i: number) => week(i) * 1000;
const DAY_MS = 86_400_000;

function person(login: string | null, commits: number[], extra: Partial<Contributor> = {}): Contributor {
  return {
    login,
    id: login === null ? null : login.length,
    htmlUrl: login === null ? null : `https://github.com/${login}`,
    avatarUrl: null,
    isBot: false,
    total: commits.reduce((a, b) => a + b, 0),
    commits,
    additions: commits.map((c) => c * 10),
    deletions: commits.map((c) => c * 2),
    ...extra,
  };
}

// Six weeks W0..W5. In the last four (W2..W5): alice 5, bob 5, the bot 5, the unknown author 0.
const stats: ContributorStats = {
  weeks: [0, 1, 2, 3, 4, 5].map(week),
  contributors: [
    person(null, [4, 0, 0, 0, 0, 0]),
    person('dependabot[bot]', [0, 0, 0, 0, 0, 5]),
    person('bob', [0, 0, 0, 0, 5, 0]),
    person('carol', [0, 0, 0, 0, 0, 0]),
    person('alice', [1, 0, 0, 0, 2, 3]),
  ],
};

describe('contributor windows', () => {
  it('ends at the last week in the data, the last week counting as one of n', () => {
    expect(windowWeekSpan(stats.weeks, '4w')).toEqual({ from: 2, to: 6 });
    expect(windowWeekSpan(stats.weeks, '52w')).toEqual({ from: 0, to: 6 });
    expect(windowWeekSpan(stats.weeks, 'all')).toEqual({ from: 0, to: 6 });
  });
  it('ends at `now` when given: a partial current week is in, later weeks are out', () => {
    expect(windowWeekSpan(stats.weeks, '4w', weekMs(5) + 3 * DAY_MS)).toEqual({ from: 2, to: 6 });
    // data two weeks stale: only W4 and W5 are within the last four weeks
    expect(windowWeekSpan(stats.weeks, '4w', weekMs(5) + 14 * DAY_MS)).toEqual({ from: 4, to: 6 });
    expect(windowWeekSpan(stats.weeks, '4w', weekMs(3) + 1000)).toEqual({ from: 0, to: 4 });
    expect(windowWeekSpan(stats.weeks, 'all', weekMs(3) + 1000)).toEqual({ from: 0, to: 4 });
  });
  it('is empty for empty data', () => {
    expect(windowWeekSpan([], '12w')).toEqual({ from: 0, to: 0 });
  });
});

describe('contributor table', () => {
  it('sorts by commits, then login, and drops people with no commits in the window', () => {
    const table = contributorTable(stats, { window: '4w' });
    expect(table.rows.map((r) => [r.login, r.commits])).toEqual([
      ['alice', 5],
      ['bob', 5],
      ['dependabot[bot]', 5],
    ]);
    expect(table.totalCommits).toBe(15);
    expect(table.activeContributors).toBe(3);
    expect(table.rows[0]).toMatchObject({ index: 4, additions: 50, deletions: 10, isBot: false, share: 1 / 3 });
    expect(table.rows[2]?.isBot).toBe(true);
  });
  it('keeps unknown authors with a null login, sorted after named ones', () => {
    const table = contributorTable(stats, { window: 'all' });
    expect(table.rows.map((r) => r.login)).toEqual(['alice', 'bob', 'dependabot[bot]', null]);
    expect(table.rows[3]).toMatchObject({ commits: 4, share: 0.2, id: null, htmlUrl: null });
    expect(displayLogin(null)).toBe('unknown');
    expect(displayLogin('bob')).toBe('bob');
  });
  it('hides bots on request without changing anybody else’s share', () => {
    const table = contributorTable(stats, { window: 'all', hideBots: true });
    expect(table.rows.map((r) => r.login)).toEqual(['alice', 'bob', null]);
    expect(table.hiddenBots).toBe(1);
    expect(table.totalCommits).toBe(20);
    expect(table.rows[1]?.share).toBe(0.25);
  });
  it('counts bots apart from people, whether they are shown or hidden', () => {
    const shown = contributorTable(stats, { window: 'all' });
    const hidden = contributorTable(stats, { window: 'all', hideBots: true });
    expect([shown.activeContributors, shown.activeBots, shown.hiddenBots]).toEqual([4, 1, 0]);
    expect([hidden.activeContributors, hidden.activeBots, hidden.hiddenBots]).toEqual([4, 1, 1]);
    expect(contributorsSentence(hidden, String)).toBe('3 people and 1 bot made 20 commits');
  });
  it('says who made the commits in words, singular and plural', () => {
    const say = (activeContributors: number, activeBots: number, totalCommits: number) =>
      contributorsSentence({ activeContributors, activeBots, totalCommits }, (n) => n.toLocaleString('en-US'));
    expect(say(1, 0, 1)).toBe('1 person made 1 commit');
    expect(say(1, 1, 12)).toBe('1 bot made 12 commits');
    expect(say(3, 2, 1443)).toBe('1 person and 2 bots made 1,443 commits');
    expect(say(0, 0, 0)).toBe('Nobody made 0 commits');
  });
  it('limits to the top N and reports what was left out', () => {
    const table = contributorTable(stats, { window: 'all', limit: 2 });
    expect(table.rows.map((r) => r.login)).toEqual(['alice', 'bob']);
    expect(table).toMatchObject({ omitted: 2, omittedCommits: 9 });
  });
  it('gives an empty table for 204-style empty data', () => {
    expect(contributorTable({ weeks: [], contributors: [] }, { window: '4w' })).toMatchObject({
      rows: [],
      totalCommits: 0,
      activeContributors: 0,
      omitted: 0,
    });
  });
});

describe('bots and logins', () => {
  it('recognizes the [bot] suffix (any case) or the flag', () => {
    expect(isBotContributor({ login: 'renovate[bot]', isBot: false })).toBe(true);
    expect(isBotContributor({ login: 'Foo[BOT]', isBot: false })).toBe(true);
    expect(isBotContributor({ login: 'ci-robot', isBot: true })).toBe(true);
    expect(isBotContributor({ login: 'robot', isBot: false })).toBe(false);
    expect(isBotContributor({ login: null, isBot: false })).toBe(false);
  });
  it('orders logins case-insensitively, unknown last', () => {
    expect(['Zed', 'adam', null, 'Adam', 'bob'].sort(compareLogins)).toEqual(['Adam', 'adam', 'bob', 'Zed', null]);
  });
});

describe('sparklines', () => {
  it('sums a person’s weeks in the window into at most the asked points', () => {
    expect(contributorSparkline(stats, 4, { from: 0, to: 6 }, 3)).toEqual([1, 0, 5]);
    expect(contributorSparkline(stats, 4, windowWeekSpan(stats.weeks, '4w'))).toEqual([0, 0, 2, 3]);
    expect(contributorSparkline(stats, 99, { from: 0, to: 6 })).toEqual([]);
  });
});

describe('commit concentration', () => {
  it('finds the fewest people who made at least half the commits', () => {
    // alice 6, bob 5, bot 5, unknown 4 = 20: alice alone is 6 < 10, alice + bob is 11 ≥ 10
    const c = commitConcentration(stats);
    expect(c).toMatchObject({ count: 2, bots: 0, coveredCommits: 11, totalCommits: 20, contributors: 4 });
    expect(c.people.map((p) => p.login)).toEqual(['alice', 'bob']);
  });
  it('counts bots like everyone else and says how many are in the group', () => {
    const c = commitConcentration({
      weeks: [week(0)],
      contributors: [person('alice', [1]), person('bob', [1]), person('dependabot[bot]', [10])],
    });
    expect(c).toMatchObject({ count: 1, bots: 1, coveredCommits: 10, totalCommits: 12 });
  });
  it('treats exactly half as enough and names tied people in login order', () => {
    const c = commitConcentration({ weeks: [week(0)], contributors: [person('zoe', [5]), person('amy', [5])] });
    expect(c.count).toBe(1);
    expect(c.people.map((p) => p.login)).toEqual(['amy']);
  });
  it('only looks at the last 52 weeks', () => {
    const weeks = Array.from({ length: 60 }, (_, i) => week(i));
    const old = new Array<number>(60).fill(0);
    old[0] = 100;
    const recent = new Array<number>(60).fill(0);
    recent[59] = 1;
    const c = commitConcentration({ weeks, contributors: [person('old', old), person('new', recent)] });
    expect(c).toMatchObject({ count: 1, totalCommits: 1, contributors: 1 });
    expect(c.people[0]?.login).toBe('new');
  });
  it('is zero people with no commits', () => {
    expect(commitConcentration({ weeks: [], contributors: [] })).toMatchObject({ count: 0, people: [], totalCommits: 0 });
    expect(commitConcentration({ weeks: [week(0)], contributors: [person('a', [0])] }).count).toBe(0);
  });
});

describe('a big repository: 100 contributors × 800 weeks', () => {
  // user k commits k + 1 times every week; every tenth user is a bot
  const weeks = Array.from({ length: 800 }, (_, i) => week(i));
  const big: ContributorStats = {
    weeks,
    contributors: Array.from({ length: 100 }, (_, k) =>
      person(k % 10 === 0 ? `bot${k}[bot]` : `user${k}`, new Array<number>(800).fill(k + 1)),
    ),
  };

  it('shapes the top of the table', () => {
    const table = contributorTable(big, { window: 'all', limit: 10 });
    expect(table.rows).toHaveLength(10);
    expect(table.rows[0]).toMatchObject({ login: 'user99', commits: 80_000, additions: 800_000, deletions: 160_000 });
    expect(table.totalCommits).toBe(800 * 5050);
    expect(table).toMatchObject({ omitted: 90, activeContributors: 100 });
    expect(table.omittedCommits).toBe(800 * 5050 - 800 * (91 + 92 + 93 + 94 + 95 + 96 + 97 + 98 + 99 + 100));
  });
  it('windows to 52 weeks', () => {
    const table = contributorTable(big, { window: '52w' });
    expect(table.span).toEqual({ from: 748, to: 800 });
    expect(table.rows[99]).toMatchObject({ login: 'bot0[bot]', commits: 52 });
  });
  it('finds the concentration: 30 people (3 of them bots)', () => {
    // top m people make m(201 − m)/2 of 5050 per week: m = 29 gives 2494 < 2525, m = 30 gives 2565
    const c = commitConcentration(big);
    expect(c).toMatchObject({ count: 30, bots: 3, totalCommits: 52 * 5050, coveredCommits: 52 * 2565 });
  });
  it('downsamples a sparkline of 800 weeks to at most 52 points', () => {
    const line = contributorSparkline(big, 99, { from: 0, to: 800 });
    expect(line).toHaveLength(50); // buckets of 16 weeks
    expect(line.every((v) => v === 1600)).toBe(true);
  });
});
