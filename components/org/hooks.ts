import { useMemo, useState } from 'preact/hooks';
import { useQueries, useQuery } from '../kit';
import {
  chooseIncrement,
  fillTimeSeries,
  isWithinHistory,
  previousWindow,
  type Increment,
  type InsightsWindow,
} from '../../utils/metrics';
import {
  listQuery,
  summaryQuery,
  timeQuery,
  type Drill,
  type ListView,
  type OrgTarget,
} from '../../utils/metrics/insightsDrilldown';
import {
  queryKey,
  type InsightsPage,
  type InsightsScope,
  type InsightsSummary,
  type InsightsTimePoint,
  type OrgInsightsQuery,
  type QueryState,
  type Snapshot,
} from '../../utils/protocol';
import type { StatboardClient } from '../../utils/statboardClient';

export interface SummaryData {
  current: InsightsSummary;
  /** null while the previous window loads, when it failed, or when it is older than GitHub keeps */
  previous: InsightsSummary | null;
  /** why there is no previous figure, when there is none */
  previousProblem: 'loading' | 'too-old' | 'failed' | null;
}

export interface SummaryResult {
  snapshot: Snapshot<SummaryData>;
  retry(): void;
}

/**
 * The window's totals and, in a second query, those of the window just before it. `enabled`
 * false watches nothing (a host without API Insights); the previous window is not asked for
 * once the current one says there is no access.
 */
export function useSummary(
  client: StatboardClient,
  target: OrgTarget,
  scope: InsightsScope,
  window: InsightsWindow,
  enabled = true,
): SummaryResult {
  const previous = previousWindow(window);
  // Decided once per window: a 30-day window's previous period is older than GitHub keeps.
  const comparable = useMemo(() => isWithinHistory(previous, Date.now()), [window.minTimestamp, window.maxTimestamp]);
  const now = useQuery(client, enabled ? summaryQuery(target, scope, window) : null);
  const before = useQuery(client, enabled && comparable && now.snapshot.state !== 'no-access' ? summaryQuery(target, scope, previous) : null);
  const snapshot = useMemo((): Snapshot<SummaryData> => {
    const { data, ...rest } = now.snapshot;
    if (!data) return rest;
    const prev = before.snapshot;
    const previousProblem = !comparable
      ? 'too-old'
      : prev.data
        ? null
        : prev.state === 'loading' || prev.state === 'computing'
          ? 'loading'
          : 'failed';
    return { ...rest, data: { current: data, previous: prev.data ?? null, previousProblem } };
  }, [now.snapshot, before.snapshot, comparable]);
  return {
    snapshot,
    retry: () => {
      now.retry();
      before.retry();
    },
  };
}

export interface SeriesData {
  points: InsightsTimePoint[];
  increment: Increment;
}

/**
 * The time series of a scope. The increment comes from the window (or the user's pick); when
 * GitHub refuses it (400/422) the engine asks for the next coarser one instead, without showing
 * the refusal, and says so in `meta.increment`. `fellBackFrom` says which increment was refused,
 * for a note.
 */
export function useTimeSeries(
  client: StatboardClient,
  target: OrgTarget,
  scope: InsightsScope,
  window: InsightsWindow,
  choice: Increment | 'auto',
): { snapshot: Snapshot<SeriesData>; retry(): void; fellBackFrom: Increment | null } {
  const wanted = choice === 'auto' ? chooseIncrement(window.toMs - window.fromMs) : choice;
  const result = useQuery(client, timeQuery(target, scope, window, wanted));
  const { state, meta, data } = result.snapshot;
  const increment = (meta.increment as Increment | undefined) ?? wanted;

  const points = useMemo(
    () => (data ? fillTimeSeries(data, window.fromMs, window.toMs, increment) : undefined),
    [data, window.fromMs, window.toMs, increment],
  );
  const snapshot: Snapshot<SeriesData> = { state, meta, ...(points ? { data: { points, increment } } : {}) };
  return { snapshot, retry: result.retry, fellBackFrom: increment === wanted ? null : wanted };
}

type ListItem = InsightsPage<unknown>['items'][number];

export interface ListPages<T> {
  /** page 1's snapshot, with the items of every page loaded so far */
  snapshot: Snapshot<T[]>;
  retry(): void;
  hasMore: boolean;
  loadingMore: boolean;
  /** a later page failed: its sentence, with `retryMore` */
  moreProblem: string | null;
  loadMore(): void;
  retryMore(): void;
  /** the query of page 1 (the section's export names it) */
  firstQuery: OrgInsightsQuery;
}

/**
 * A list report, 100 rows a page, with "Load more": pages 2, 3 ... are separate queries (each
 * cached on its own) whose items are appended in order. A new sort, filter, window or drill
 * target starts again at page 1.
 */
export function useListPages<T = ListItem>(
  client: StatboardClient,
  target: OrgTarget,
  drill: Drill,
  window: InsightsWindow,
  view: ListView,
): ListPages<T> {
  const firstQuery = listQuery(target, drill, window, view, 1);
  const resetKey = queryKey(firstQuery);
  const [pages, setPages] = useState({ key: resetKey, count: 1 });
  const count = pages.key === resetKey ? pages.count : 1;
  const queries = Array.from({ length: count }, (_, i) => (i === 0 ? firstQuery : listQuery(target, drill, window, view, i + 1)));
  const results = useQueries(client, queries) as unknown as { snapshot: Snapshot<InsightsPage<T>>; retry(): void }[];

  const first = results[0]!;
  const last = results[results.length - 1]!;
  const items: T[] = [];
  for (const result of results) {
    if (!result.snapshot.data) break;
    items.push(...result.snapshot.data.items);
  }
  const { data: _firstData, ...firstRest } = first.snapshot;
  const snapshot: Snapshot<T[]> = first.snapshot.data ? { ...firstRest, data: items } : firstRest;
  const lastState: QueryState = last.snapshot.state;
  const lastReady = last.snapshot.data !== undefined;
  return {
    snapshot,
    retry: first.retry,
    hasMore: lastReady && (last.snapshot.data?.hasMore ?? false),
    loadingMore: count > 1 && !lastReady && (lastState === 'loading' || lastState === 'computing'),
    moreProblem:
      count > 1 && !lastReady && lastState !== 'loading' && lastState !== 'computing'
        ? (last.snapshot.meta.message ?? 'Statboard could not load more rows.')
        : null,
    loadMore: () => setPages({ key: resetKey, count: count + 1 }),
    retryMore: last.retry,
    firstQuery,
  };
}
