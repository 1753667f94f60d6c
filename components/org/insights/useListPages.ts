import { useState } from 'preact/hooks';
import { useQueries } from '../../kit';
import type { InsightsWindow } from '../../../utils/metrics';
import { queryKey, type InsightsPage, type OrgInsightsQuery, type QueryState, type Snapshot } from '../../../utils/protocol';
import type { StatboardClient } from '../../../utils/statboardClient';
import type { Drill } from './drill';
import { listQuery, type ListView, type OrgTarget } from './queries';

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
