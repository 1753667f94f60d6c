import type {
  CommitWeek,
  DataOf,
  InsightsPage,
  InsightsSubject,
  InsightsTimePoint,
  OrgInsightsQuery,
  OrgRepo,
  Participation,
  Priority,
  Query,
  RepoStatsQuery,
  Snapshot,
  WatchEntry,
  WatchLatest,
} from '../protocol';
import type { GitHubHost } from '../github/hosts';
import { commitsInLastYear } from '../metrics/commitActivity';
import { chooseIncrement, fillTimeSeries, insightsWindow } from '../metrics/insights';
import { DEFAULT_ACTIVITY_REPOS, orgActivity, pickActivityRepos } from '../metrics/orgActivity';

/** Background refresh of the watched entries: which queries, and what to keep from them. */

/** The engine's `fetchOnce`: resolves with the first settled snapshot of a query. */
export type FetchOnce = (query: Query, priority: Priority) => Promise<Snapshot>;

/** fetchOnce with the snapshot typed by its query (the engine validated the data). */
function fetchTyped<Q extends Query>(fetchOnce: FetchOnce, query: Q): Promise<Snapshot<DataOf<Q>>> {
  return fetchOnce(query, 'background') as Promise<Snapshot<DataOf<Q>>>;
}

export function repoQuery(entry: Pick<WatchEntry, 'host' | 'name'>): RepoStatsQuery & { stat: 'commit-activity' } {
  const [owner = '', repo = ''] = entry.name.split('/');
  return { kind: 'repo-stats', host: entry.host, owner, repo, stat: 'commit-activity' };
}

/**
 * The org's last 24 hours (the sparkline and totals; `summarizeOrg` re-buckets them hourly), and
 * its subject with the newest rate-limited request (the badge). The time query is the one the org
 * panel's and the popup's 24-hour preset ask: windows end on 10-minute boundaries and the
 * increment is `chooseIncrement` of the window, so all three share cached answers.
 */
export function orgQueries(entry: Pick<WatchEntry, 'host' | 'name'>, now: number): {
  time: OrgInsightsQuery & { report: 'time' };
  newest: OrgInsightsQuery & { report: 'subjects' };
} {
  const result = insightsWindow('24h', now);
  // A preset window is always valid; the fallback only satisfies the type.
  const window = result.ok ? result.window : { minTimestamp: '', maxTimestamp: '', fromMs: now, toMs: now };
  const base = { kind: 'org-insights', host: entry.host, org: entry.name, scope: { type: 'org' }, minTimestamp: window.minTimestamp, maxTimestamp: window.maxTimestamp } as const;
  return {
    time: { ...base, scope: { type: 'org' }, report: 'time', increment: chooseIncrement(window.toMs - window.fromMs) },
    newest: {
      ...base,
      scope: { type: 'org' },
      report: 'subjects',
      page: 1,
      perPage: 1,
      direction: 'desc',
      sort: ['last_rate_limited_timestamp'],
    },
  };
}

function hasData<T>(snapshot: Snapshot<T>): snapshot is Snapshot<T> & { data: T } {
  return (snapshot.state === 'ready' || snapshot.state === 'empty') && snapshot.data !== undefined;
}

/** What failed, with the older numbers kept: a bad answer never replaces good data. */
function keepOlder(previous: WatchLatest | undefined, snapshot: Snapshot, now: number): WatchLatest {
  const { refreshedAt: _r, state: _s, message: _m, ...numbers } = previous ?? { refreshedAt: 0, state: 'loading' };
  return { ...numbers, refreshedAt: now, state: snapshot.state, ...(snapshot.meta.message ? { message: snapshot.meta.message } : {}) };
}

export function summarizeRepo(snapshot: Snapshot<CommitWeek[]>, previous: WatchLatest | undefined, now: number): WatchLatest {
  if (snapshot.state === 'empty') return { refreshedAt: now, state: 'empty', fetchedAt: snapshot.meta.fetchedAt ?? now, total: 0, series: [] };
  if (!hasData(snapshot)) return keepOlder(previous, snapshot, now);
  return {
    refreshedAt: now,
    state: 'ready',
    fetchedAt: snapshot.meta.fetchedAt ?? now,
    total: commitsInLastYear(snapshot.data),
    series: snapshot.data.slice(-52).map((week) => week.total),
  };
}

export function summarizeOrg(
  time: Snapshot<InsightsTimePoint[]>,
  newest: Snapshot<InsightsPage<InsightsSubject>>,
  window: { fromMs: number; toMs: number },
  previous: WatchLatest | undefined,
  now: number,
): WatchLatest {
  if (!hasData(time)) return keepOlder(previous, time, now);
  const hourly = fillTimeSeries(time.data, window.fromMs, window.toMs, '1h');
  let total = 0;
  let rateLimited = 0;
  for (const point of hourly) {
    total += point.totalRequests;
    rateLimited += point.rateLimitedRequests;
  }
  const newestSubject = hasData(newest) ? newest.data.items[0] : undefined;
  const lastRateLimitedAt = hasData(newest)
    ? (newestSubject?.lastRateLimitedAt ?? null)
    : (previous?.lastRateLimitedAt ?? null);
  return {
    refreshedAt: now,
    state: 'ready',
    fetchedAt: time.meta.fetchedAt ?? now,
    total,
    rateLimited,
    series: hourly.map((point) => point.totalRequests),
    lastRateLimitedAt,
  };
}

/**
 * The org panel's Activity headline, for an org without API Insights: the list, then each picked
 * repository's participation (with the list's pushed_at, like the panel: the same cached answers,
 * and bulk requests leave the interactive reserve alone). Repositories not counted are not summed.
 */
export async function summarizeActivity(
  entry: Pick<WatchEntry, 'host' | 'name'>,
  fetchOnce: FetchOnce,
  previous: WatchLatest | undefined,
  now: number,
  count = DEFAULT_ACTIVITY_REPOS,
): Promise<WatchLatest> {
  const list = await fetchTyped(fetchOnce, { kind: 'org-repos', host: entry.host, org: entry.name });
  if (list.state === 'ready' && list.data && list.data.length === 0) {
    return { refreshedAt: now, state: 'empty', fetchedAt: list.meta.fetchedAt ?? now, message: `${entry.name} has no public repositories.` };
  }
  if (!hasData(list)) return keepOlder(previous, list, now);
  const picked = pickActivityRepos(list.data as OrgRepo[], count, false).picked;
  const answers = await Promise.all(
    picked.map((repo) =>
      fetchTyped(fetchOnce, { kind: 'repo-stats', host: entry.host, owner: repo.owner, repo: repo.name, stat: 'participation', pushedAt: repo.pushedAt ?? '' }),
    ),
  );
  const weeks = picked.map((repo, i) => {
    const answer = answers[i]! as Snapshot<Participation>;
    return { name: repo.name, weeks: hasData(answer) ? answer.data.all : answer.state === 'empty' ? [] : null, fetchedAt: answer.meta.fetchedAt ?? now };
  });
  const counted = weeks.filter((w) => w.weeks !== null).length;
  if (picked.length > 0 && counted === 0) return keepOlder(previous, answers[0]!, now);
  const a = orgActivity(weeks, now);
  return {
    refreshedAt: now,
    state: 'ready',
    fetchedAt: Math.min(list.meta.fetchedAt ?? now, ...answers.map((x) => x.meta.fetchedAt ?? now)),
    total: a.total,
    series: a.weeks,
    activity: { repos: picked.length, counted, activeRepos: a.activeRepos, recent: a.recent, previous: a.previous, busiest: a.busiest?.name ?? null },
  };
}

/** Refreshes one entry through the engine at background priority. Never throws. */
export async function refreshEntry(
  entry: WatchEntry,
  host: GitHubHost | null,
  fetchOnce: FetchOnce,
  now: number,
): Promise<WatchLatest> {
  const previous = entry.latest;
  if (!host) {
    return { ...keepOlder(previous, { state: 'no-access', meta: {} }, now), message: `${entry.host} is no longer among your hosts.` };
  }
  try {
    if (entry.kind === 'repo') return summarizeRepo(await fetchTyped(fetchOnce, repoQuery(entry)), previous, now);
    // No API Insights (Enterprise Server, or the viewer cannot read them): the Activity headline.
    if (!host.hasApiInsights) return await summarizeActivity(entry, fetchOnce, previous, now);
    const queries = orgQueries(entry, now);
    const time = await fetchTyped(fetchOnce, queries.time);
    if (time.state === 'no-access') return await summarizeActivity(entry, fetchOnce, previous, now);
    // No access or an error on the series: the newest-request query would fail the same way.
    const newest: Snapshot<InsightsPage<InsightsSubject>> = hasData(time)
      ? await fetchTyped(fetchOnce, queries.newest)
      : { state: time.state, meta: time.meta };
    const window = insightsWindow('24h', now);
    return summarizeOrg(time, newest, window.ok ? window.window : { fromMs: now, toMs: now }, previous, now);
  } catch {
    const kept = keepOlder(previous, { state: 'error', meta: {} }, now);
    // Only when there are older numbers can the sentence speak of them.
    return { ...kept, message: kept.total !== undefined ? 'The refresh failed; the numbers shown are older.' : 'The refresh failed; Statboard will try again at the next refresh.' };
  }
}
