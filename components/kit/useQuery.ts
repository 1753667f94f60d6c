import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { queryKey, type DataOf, type DataShape, type Priority, type Query, type Snapshot, type Visibility } from '../../utils/protocol';
import type { QueryWatch, StatboardClient } from '../../utils/statboardClient';

const LOADING: Snapshot<never> = { state: 'loading', meta: {} };

export interface QueryResult<T> {
  snapshot: Snapshot<T>;
  /** refetch now, ignoring freshness (the Retry button) */
  retry(): void;
}

/**
 * Watches each query (null = not watched) and returns their latest snapshots, in order. A query
 * is re-watched only when its `queryKey` changes, so a parent re-render costs nothing; every
 * watch ends on unmount. `visibilities` (default all `visible`) tells the engine which of them
 * are seen: a change is sent on the live watch, without re-watching.
 */
export function useQueries<Qs extends readonly (Query | null)[]>(
  client: StatboardClient,
  queries: Qs,
  priority: Priority = 'interactive',
  /**
   * Many queries that make one view (an org's 30 repositories): snapshots arriving within a frame
   * are applied together, one render per frame instead of one per answer.
   */
  batched = false,
  visibilities?: readonly Visibility[],
  /** per query, the shape of the data its snapshots carry (see DataShape); fixed per query */
  shapes?: readonly (DataShape | undefined)[],
): { [I in keyof Qs]: QueryResult<Qs[I] extends Query ? DataOf<Qs[I]> : never> } {
  const keys = queries.map((q) => (q ? queryKey(q) : ''));
  const joined = keys.join('\n');
  const [snapshots, setSnapshotsNow] = useState<Record<string, Snapshot>>({});
  const pending = useRef<((prev: Record<string, Snapshot>) => Record<string, Snapshot>)[]>([]);
  const setSnapshots = (update: (prev: Record<string, Snapshot>) => Record<string, Snapshot>) => {
    if (!batched) return setSnapshotsNow(update);
    if (pending.current.push(update) > 1) return;
    requestAnimationFrame(() => {
      const updates = pending.current.splice(0);
      setSnapshotsNow((prev) => updates.reduce((acc, f) => f(acc), prev));
    });
  };
  const watches = useRef(new Map<string, QueryWatch>());
  const latest = useRef(queries);
  latest.current = queries;
  const seen = useRef(visibilities);
  seen.current = visibilities;
  const visibilityKey = visibilities?.join(',') ?? '';

  // A layout effect: the watches go out in the task that rendered, not after the next paint
  // (a plain effect waits for a frame, and the data is what the panel is waiting for).
  useLayoutEffect(() => {
    const live = watches.current;
    const wanted = new Set(keys.filter(Boolean));
    const dropped: string[] = [];
    for (const [key, watch] of live) {
      if (!wanted.has(key)) {
        watch.unwatch();
        live.delete(key);
        dropped.push(key);
      }
    }
    // Snapshots of queries no longer watched go too (an org list page each filter, sort or load more).
    if (dropped.length) {
      setSnapshots((prev) => {
        const next = { ...prev };
        for (const key of dropped) delete next[key];
        return next;
      });
    }
    latest.current.forEach((query, i) => {
      const key = keys[i];
      if (!query || !key || live.has(key)) return;
      // A snapshot still in flight when the watch ends must not bring a dropped key back.
      let active = true;
      const watch = client.watch(
        query,
        (snapshot) => {
          if (active) setSnapshots((prev) => ({ ...prev, [key]: snapshot as Snapshot }));
        },
        priority,
        seen.current?.[i] ?? 'visible',
        shapes?.[i],
      );
      live.set(key, {
        retry: () => watch.retry(),
        setVisibility: (visibility) => watch.setVisibility(visibility),
        unwatch: () => {
          active = false;
          watch.unwatch();
        },
      });
    });
    // Keyed by the joined query keys: new array identities with the same queries change nothing.
  }, [client, joined, priority]);

  // After the effect above (declaration order): a watch made in this render already has it.
  useLayoutEffect(() => {
    keys.forEach((key, i) => {
      if (key) watches.current.get(key)?.setVisibility(seen.current?.[i] ?? 'visible');
    });
  }, [client, joined, visibilityKey]);

  // Also a layout effect, so it keeps its order with the one above when the client changes.
  useLayoutEffect(
    () => () => {
      for (const watch of watches.current.values()) watch.unwatch();
      watches.current.clear();
    },
    [client],
  );

  const retry = useCallback((key: string) => watches.current.get(key)?.retry(), []);
  return keys.map((key) => ({
    snapshot: (key && snapshots[key]) || LOADING,
    retry: () => retry(key),
  })) as never;
}

/** One query: the latest snapshot (`loading` until the first arrives) and retry. */
export function useQuery<Q extends Query>(
  client: StatboardClient,
  query: Q | null,
  priority?: Priority,
): QueryResult<DataOf<Q>> {
  return useQueries(client, [query] as const, priority)[0] as QueryResult<DataOf<Q>>;
}
