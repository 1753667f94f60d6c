import { describe, expect, it } from 'vitest';
import type { Contributor, ContributorStats } from '../../utils/protocol';
import {
  CONTRIBUTOR_WINDOWS,
  commitConcentration,
  contributorSparkline,
  contributorTable,
  windowWeekSpan,
} from '../../utils/metrics/contributors';
import { SUMMARY_SPARKLINE_POINTS, isContributorSummary, summarizeContributors } from '../../utils/metrics/contributorSummary';
import { WEEK_SECONDS } from '../../utils/metrics/series';

const W0 = 1704585600; // a Sunday, 00:00 UTC

/** A deterministic pseudo-random repository: `people` x `weeks`, bots, an unknown author, idle people. */
function repository(people: number, weeks: number, seed: number): ContributorStats {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const contributors: Contributor[] = Array.from({ length: people }, (_, p) => {
    // Some people stopped long ago (nothing in 52 weeks), some only started recently.
    const active = (w: number) => (p % 7 === 3 ? w < weeks / 2 : p % 5 === 1 ? w > weeks - 20 : true);
    const commits = Array.from({ length: weeks }, (_, w) => (active(w) && next() < 0.4 ? Math.floor(next() * 9) : 0));
    const login = p === 0 ? null : p % 11 === 2 ? `build-${p}[bot]` : `dev-${p}`;
    return {
      login,
      id: login === null ? null : 1000 + p,
      htmlUrl: login === null ? null : `https://github.com/${login}`,
      avatarUrl: null,
      isBot: p === 4,
      total: commits.reduce((a, b) => a + b, 0),
      commits,
      additions: commits.map((c) => c * Math.floor(1 + next() * 50)),
      deletions: commits.map((c) => c * Math.floor(next() * 20)),
    };
  });
  return { weeks: Array.from({ length: weeks }, (_, i) => W0 + i * WEEK_SECONDS), contributors };
}

describe('summarizeContributors (the background shapes what the contributors section needs)', () => {
  const big = repository(100, 800, 7);
  const summary = summarizeContributors(big);

  it('gives the same table for every window, bots shown or hidden, as the full answer', () => {
    for (const window of CONTRIBUTOR_WINDOWS) {
      for (const hideBots of [false, true]) {
        const full = contributorTable(big, { window, hideBots });
        const fromSummary = contributorTable(summary, { window, hideBots });
        expect(fromSummary, `${window} hideBots=${hideBots}`).toEqual(full);
        expect(full.rows.length).toBeGreaterThan(0);
      }
    }
  });

  it('holds every person’s sparkline per window, as the panel drew them from the weeks', () => {
    for (const window of CONTRIBUTOR_WINDOWS) {
      const span = windowWeekSpan(big.weeks, window);
      expect(summary.windows[window].span).toEqual(span);
      big.contributors.forEach((_, i) => {
        expect(summary.windows[window].sparklines[i]).toEqual(contributorSparkline(big, i, span, SUMMARY_SPARKLINE_POINTS));
      });
    }
    // A summed sparkline keeps the window's commits exactly.
    const all = summary.windows.all;
    all.sparklines.forEach((line, i) => expect(line.reduce((a, b) => a + b, 0)).toBe(all.commits[i]));
  });

  it('gives the headline’s concentration of the last 52 weeks', () => {
    expect(commitConcentration(summary)).toEqual(commitConcentration(big));
    expect(commitConcentration(summary).count).toBeGreaterThan(0);
  });

  it('keeps each person (logins, ids, bots, unknown author) but no weekly arrays', () => {
    expect(summary.people).toHaveLength(100);
    expect(summary.people[0]).toEqual({ login: null, id: null, htmlUrl: null, avatarUrl: null, isBot: false, total: big.contributors[0]!.total });
    expect(summary.people.every((p) => !('commits' in p))).toBe(true);
    expect(summary.weekCount).toBe(800);
    expect(isContributorSummary(summary)).toBe(true);
    expect(isContributorSummary(big)).toBe(false);
  });

  it('is a small fraction of the full answer to send (100 people x 800 weeks)', () => {
    const fullBytes = JSON.stringify(big).length;
    const summaryBytes = JSON.stringify(summary).length;
    expect(summaryBytes).toBeLessThan(fullBytes / 10);
  });

  it('an empty answer and a repository younger than a window', () => {
    const empty = summarizeContributors({ weeks: [], contributors: [] });
    for (const window of CONTRIBUTOR_WINDOWS) expect(contributorTable(empty, { window })).toEqual(contributorTable({ weeks: [], contributors: [] }, { window }));
    const young = repository(5, 3, 1);
    const s = summarizeContributors(young);
    for (const window of CONTRIBUTOR_WINDOWS) expect(contributorTable(s, { window })).toEqual(contributorTable(young, { window }));
  });

  it('windows end at the answer’s last week: asking for another end needs the full answer', () => {
    expect(() => contributorTable(summary, { window: '4w', now: Date.now() })).toThrow(/full answer|weeks/);
  });
});
