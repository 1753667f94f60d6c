import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onWatchAlarm, refreshWatchlist, WATCH_ALARM, watchlistCommandHandlers, watchlistIdentityChanged } from '../../utils/watchlist/handlers';
import { orgQueries, refreshEntry, summarizeOrg, summarizeRepo, type FetchOnce } from '../../utils/watchlist/refresh';
import { DOTCOM } from '../../utils/github/hosts';
import { chooseIncrement } from '../../utils/metrics/insights';
import { watchlistItem } from '../../utils/watchlist/storage';
import { entrySummary } from '../../utils/watchlist/view';
import { hostsItem, preferencesItem, tokensItem, DEFAULT_PREFERENCES } from '../../utils/settings';
import { createLiveSettings, type LiveSettings } from '../../utils/engine/liveSettings';
import type { CommitWeek, InsightsPage, InsightsSubject, InsightsTimePoint, Query, Snapshot, WatchLatest } from '../../utils/protocol';

const NOW = Date.parse('2026-01-10T12:00:30Z');

// The background's in-memory settings copy, created after setup.ts's fakeBrowser.reset().
let live: LiveSettings;
beforeEach(() => {
  live = createLiveSettings();
});
afterEach(() => live.stop());
const HOUR = 3_600_000;

function weeks(total: number): CommitWeek[] {
  return Array.from({ length: 52 }, (_, i) => ({ week: i, total, days: [total, 0, 0, 0, 0, 0, 0] }));
}

function subjects(lastRateLimitedAt: string | null): InsightsPage<InsightsSubject> {
  return {
    page: 1,
    perPage: 1,
    hasMore: false,
    items: [{ subjectType: 'installation', subjectName: 'bot', subjectId: 1, totalRequests: 9, rateLimitedRequests: 1, lastRateLimitedAt, lastRequestAt: null }],
  };
}

/** An engine stand-in: answers by query kind and records every call. */
function engine(answers: { repo?: Snapshot; time?: Snapshot; subjects?: Snapshot }) {
  const calls: Array<{ query: Query; priority: string }> = [];
  const fetchOnce = vi.fn(async (query: Query, priority: string) => {
    calls.push({ query, priority });
    const answer = query.kind === 'repo-stats' ? answers.repo : query.kind === 'org-insights' && query.report === 'time' ? answers.time : answers.subjects;
    return answer ?? { state: 'error', meta: { message: 'no answer' } };
  });
  return { fetchOnce: fetchOnce as unknown as FetchOnce, calls };
}

const ready = <T>(data: T): Snapshot<T> => ({ state: 'ready', data, meta: { fetchedAt: NOW - 1000 } });

describe('watch list refresh', () => {
  it('refreshes every entry at background priority and stores the numbers', async () => {
    const time: InsightsTimePoint[] = [
      { time: NOW - 3 * HOUR, totalRequests: 100, rateLimitedRequests: 5 },
      { time: NOW - 2 * HOUR, totalRequests: 50, rateLimitedRequests: 0 },
    ];
    const { fetchOnce, calls } = engine({ repo: ready(weeks(2)), time: ready(time), subjects: ready(subjects('2026-01-10T09:10:00Z')) });
    const handlers = watchlistCommandHandlers({ fetchOnce, settings: live, now: () => NOW });
    await watchlistItem.setValue([
      { host: 'github.com', kind: 'repo', name: 'octo/widgets', addedAt: 1 },
      { host: 'github.com', kind: 'org', name: 'acme', addedAt: 2 },
    ]);
    await handlers['watchlist.refresh']({ type: 'watchlist.refresh' });
    expect(calls.every((c) => c.priority === 'background')).toBe(true);
    const [repo, org] = await watchlistItem.getValue();
    expect(repo?.latest).toMatchObject({ state: 'ready', total: 104 });
    expect(repo?.latest?.series).toHaveLength(52);
    expect(org?.latest).toMatchObject({ state: 'ready', total: 150, rateLimited: 5, lastRateLimitedAt: '2026-01-10T09:10:00Z' });
    expect(org?.latest?.series).toHaveLength(24);
    // Never opened: an org with rate limits shows on the badge.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('keeps the older numbers when a refresh fails', () => {
    const previous = summarizeRepo(ready(weeks(1)), undefined, NOW - HOUR);
    const failed = summarizeRepo({ state: 'rate-limited', meta: { message: 'Rate limited until 13:00.' } }, previous, NOW);
    expect(failed).toMatchObject({ state: 'rate-limited', total: 52, message: 'Rate limited until 13:00.', refreshedAt: NOW });
    expect(failed.series).toEqual(previous.series);
  });

  it('an org without API Insights gets the Activity headline: Enterprise Server, or a token that cannot read them', async () => {
    const repos = [
      { name: 'a', owner: 'infra', fork: false, archived: false, pushedAt: '2026-01-10T10:00:00Z' },
      { name: 'f', owner: 'infra', fork: true, archived: false, pushedAt: '2026-01-10T11:00:00Z' },
      { name: 'b', owner: 'infra', fork: false, archived: false, pushedAt: '2026-01-09T10:00:00Z' },
      { name: 'c', owner: 'infra', fork: false, archived: false, pushedAt: '2026-01-08T10:00:00Z' },
    ];
    const weeksOf: Record<string, number[]> = {
      a: Array.from({ length: 52 }, (_, i) => (i >= 48 ? 5 : 1)),
      b: Array.from({ length: 52 }, () => 0),
    };
    const calls: Query[] = [];
    const fetchOnce: FetchOnce = async (query, priority) => {
      calls.push(query);
      expect(priority).toBe('background');
      if (query.kind === 'org-repos') return ready(repos);
      if (query.kind === 'repo-stats') {
        const all = weeksOf[query.repo];
        // c is still computing at GitHub: not counted, never summed as 0
        return all ? ready({ all, owner: all }) : { state: 'error', meta: { message: 'still computing' } };
      }
      return { state: 'no-access', meta: { reason: 'not-found', status: 404 } };
    };
    await hostsItem.setValue({ gheCom: [], enterpriseServers: ['git.corp.example'] });
    await watchlistItem.setValue([
      { host: 'git.corp.example', kind: 'org', name: 'infra', addedAt: 1 },
      { host: 'github.com', kind: 'org', name: 'infra', addedAt: 2 },
    ]);
    await refreshWatchlist({ fetchOnce, settings: live, now: () => NOW });
    const [ghes, dotcom] = await watchlistItem.getValue();
    // Enterprise Server: no insights request at all
    expect(calls.filter((q) => q.kind === 'org-insights' && q.host === 'git.corp.example')).toEqual([]);
    for (const entry of [ghes!, dotcom!]) {
      expect(entry.latest).toMatchObject({
        state: 'ready',
        total: 48 + 20,
        activity: { repos: 3, counted: 2, activeRepos: 1, recent: 20, previous: 4, busiest: 'a' },
      });
      expect(entry.latest?.series).toHaveLength(52);
      expect(entrySummary(entry, NOW)).toBe('68 commits in 52 weeks, 1 of 2 repositories active (2 of 3 counted), +400% over 4 weeks; busiest a');
    }
    const participation = calls.filter((q) => q.kind === 'repo-stats');
    expect(participation.every((q) => q.kind === 'repo-stats' && q.stat === 'participation' && typeof q.pushedAt === 'string')).toBe(true);
    expect(participation.map((q) => (q.kind === 'repo-stats' ? q.repo : ''))).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
  });

  it('below the budget reserve no refresh starts: nothing is asked and the numbers stay as they were', async () => {
    await watchlistItem.setValue([{ host: 'github.com', kind: 'repo', name: 'octo/widgets', addedAt: 1 }]);
    const { fetchOnce, calls } = engine({ repo: ready(weeks(3)) });
    // A healthy budget: the refresh runs and keeps its numbers.
    await refreshWatchlist({ fetchOnce, settings: live, now: () => NOW - HOUR, budgetLow: () => false });
    expect(calls).toHaveLength(1);
    const before = (await watchlistItem.getValue())[0]?.latest;
    expect(before).toMatchObject({ state: 'ready', total: 156, refreshedAt: NOW - HOUR });
    // Below the reserve: not started at all.
    const asked: string[] = [];
    await refreshWatchlist({ fetchOnce, settings: live, now: () => NOW, budgetLow: (apiBase) => (asked.push(apiBase), true) });
    expect(asked).toEqual(['https://api.github.com']);
    expect(calls).toHaveLength(1);
    expect((await watchlistItem.getValue())[0]?.latest).toEqual(before);
  });

  it('pins, dedups and unpins through the commands', async () => {
    const { fetchOnce } = engine({ repo: ready(weeks(1)) });
    const handlers = watchlistCommandHandlers({ fetchOnce, settings: live, now: () => NOW });
    const entry = { host: 'github.com', kind: 'repo', name: 'octo/widgets' } as const;
    await handlers['watchlist.add']({ type: 'watchlist.add', entry });
    const list = await handlers['watchlist.add']({ type: 'watchlist.add', entry: { ...entry, name: 'Octo/Widgets' } });
    expect(list).toHaveLength(1);
    await expect(handlers['watchlist.add']({ type: 'watchlist.add', entry: { ...entry, host: 'evil.example' } })).resolves.toHaveLength(1);
    expect(await handlers['watchlist.remove']({ type: 'watchlist.remove', ...entry })).toEqual([]);
  });

  it('clears the badge when the popup opens, and shows new rate limits after the next refresh', async () => {
    await watchlistItem.setValue([{ host: 'github.com', kind: 'org', name: 'acme', addedAt: 1 }]);
    const first = engine({ time: ready([]), subjects: ready(subjects('2026-01-10T08:00:00Z')) });
    const listener = onWatchAlarm({ fetchOnce: first.fetchOnce, settings: live, now: () => NOW });
    await listener({ name: WATCH_ALARM });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');

    await watchlistCommandHandlers({ fetchOnce: first.fetchOnce, settings: live, now: () => NOW })['popup.opened']({ type: 'popup.opened' });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    const second = engine({ time: ready([]), subjects: ready(subjects('2026-01-10T11:00:00Z')) });
    await onWatchAlarm({ fetchOnce: second.fetchOnce, settings: live, now: () => NOW + HOUR })({ name: WATCH_ALARM });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('ignores other alarms and schedules its own at the preferred interval', async () => {
    const { fetchOnce, calls } = engine({});
    await watchlistItem.setValue([{ host: 'github.com', kind: 'repo', name: 'o/r', addedAt: 1 }]);
    const listener = onWatchAlarm({ fetchOnce, settings: live });
    await listener({ name: 'something-else' });
    expect(calls).toEqual([]);
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(WATCH_ALARM))?.periodInMinutes).toBe(60));
  });

  it('reads hosts and preferences from the in-memory copy: a change is seen without a storage read', async () => {
    await live.hosts.get();
    await live.preferences.get();
    // The options page adds a host and changes the interval (storage change events reach the copy).
    await hostsItem.setValue({ gheCom: [], enterpriseServers: ['git.corp.example'] });
    await preferencesItem.setValue({ ...DEFAULT_PREFERENCES, watchIntervalMinutes: 30 });
    await vi.waitFor(async () => expect((await live.hosts.get()).enterpriseServers).toEqual(['git.corp.example']));
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const syncGet = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const settingsReads = () =>
      [...get.mock.calls, ...syncGet.mock.calls].filter(([keys]) => JSON.stringify(keys ?? null).match(/hosts|preferences/)).length;

    const { fetchOnce, calls } = engine({ repo: ready(weeks(1)) });
    const handlers = watchlistCommandHandlers({ fetchOnce, settings: live, now: () => NOW });
    await handlers['watchlist.add']({ type: 'watchlist.add', entry: { host: 'git.corp.example', kind: 'repo', name: 'infra/deploy' } });
    await refreshWatchlist({ fetchOnce, settings: live, now: () => NOW });
    expect(calls.map((c) => c.query.host)).toContain('git.corp.example');
    expect((await watchlistItem.getValue())[0]).toMatchObject({ host: 'git.corp.example', latest: { state: 'ready', total: 52 } });
    onWatchAlarm({ fetchOnce, settings: live });
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(WATCH_ALARM))?.periodInMinutes).toBe(30));
    expect(settingsReads()).toBe(0);
  });

  it('builds org windows that end on a 10-minute boundary, so tabs and revisits share answers', () => {
    const a = orgQueries({ host: 'github.com', name: 'acme' }, NOW);
    const b = orgQueries({ host: 'github.com', name: 'acme' }, NOW + 20_000);
    expect(a).toEqual(b);
    // The increment the org panel's and the popup's 24-hour preset pick, so they share cached answers.
    expect(a.time).toMatchObject({ report: 'time', increment: '5m', maxTimestamp: '2026-01-10T12:00:00Z', minTimestamp: '2026-01-09T12:00:00Z' });
    expect(a.time.increment).toBe(chooseIncrement(24 * 60 * 60 * 1000));
    expect(a.newest).toMatchObject({ report: 'subjects', perPage: 1, direction: 'desc', sort: ['last_rate_limited_timestamp'] });
  });

  it('sums 5-minute points into the hourly series it stores', () => {
    const window = { fromMs: Date.parse('2026-01-09T12:00:00Z'), toMs: Date.parse('2026-01-10T12:00:00Z') };
    const time: InsightsTimePoint[] = Array.from({ length: 12 }, (_, i) => ({
      time: window.toMs - HOUR + i * 5 * 60_000,
      totalRequests: 10,
      rateLimitedRequests: i === 0 ? 3 : 0,
    }));
    const latest = summarizeOrg(ready(time), ready(subjects(null)), window, undefined, NOW);
    expect(latest).toMatchObject({ state: 'ready', total: 120, rateLimited: 3 });
    expect(latest.series).toHaveLength(24);
    expect(latest.series?.at(-1)).toBe(120);
    expect(latest.series?.slice(0, -1).every((n) => n === 0)).toBe(true);
  });

  it('speaks of older numbers after a failed refresh only when there are some', async () => {
    const fetchOnce: FetchOnce = () => Promise.reject(new Error('worker gone'));
    const entry = { host: 'github.com', kind: 'repo', name: 'o/r', addedAt: 1 } as const;
    const first = await refreshEntry(entry, DOTCOM, fetchOnce, NOW);
    expect(first).toEqual({ refreshedAt: NOW, state: 'error', message: 'The refresh failed; Statboard will try again at the next refresh.' });
    const previous: WatchLatest = { refreshedAt: NOW - HOUR, state: 'ready', fetchedAt: NOW - HOUR, total: 7, series: [7] };
    const later = await refreshEntry({ ...entry, latest: previous }, DOTCOM, fetchOnce, NOW);
    expect(later).toMatchObject({ state: 'error', total: 7, fetchedAt: NOW - HOUR, message: 'The refresh failed; the numbers shown are older.' });
  });
});


describe('watched numbers belong to one identity', () => {
  const TOKEN_A = 'ghs_' + 'a'.repeat(36);
  const TOKEN_B = 'ghs_' + 'b'.repeat(36);

  it('numbers token A fetched are not shown or kept under token B, and B’s failure does not bring them back', async () => {
    await tokensItem.setValue({ 'github.com': { token: TOKEN_A } });
    const a = engine({ repo: ready(weeks(3)) });
    await watchlistItem.setValue([{ host: 'github.com', kind: 'repo', name: 'acme/secret', addedAt: 1 }]);
    const handlersA = watchlistCommandHandlers({ fetchOnce: a.fetchOnce, settings: live, now: () => NOW });
    await handlersA['watchlist.refresh']({ type: 'watchlist.refresh' });
    expect((await handlersA['watchlist.get']({ type: 'watchlist.get' }))[0]?.latest).toMatchObject({ state: 'ready', total: 156 });

    // Token B (no known login either) cannot see the repository.
    await tokensItem.setValue({ 'github.com': { token: TOKEN_B } });
    await live.tokens.reload();
    const b = engine({ repo: { state: 'no-access', meta: { reason: 'not-found', message: 'GitHub says this repository does not exist, or your token cannot see it.' } } });
    const deps = { fetchOnce: b.fetchOnce, settings: live, now: () => NOW + HOUR };
    const handlersB = watchlistCommandHandlers(deps);
    expect((await handlersB['watchlist.get']({ type: 'watchlist.get' }))[0]?.latest).toBeUndefined();
    await watchlistIdentityChanged(deps, 'github.com');
    // The stored list (which the popup follows) lost A's numbers; B's refresh kept none of them.
    const [entry] = await watchlistItem.getValue();
    expect(entry?.latest).toMatchObject({ state: 'no-access' });
    expect(entry?.latest?.total).toBeUndefined();
    expect(entry?.latest?.series).toBeUndefined();
    expect((await handlersB['watchlist.get']({ type: 'watchlist.get' }))[0]?.latest?.total).toBeUndefined();
  });
});
