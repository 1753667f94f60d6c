import { summarizeContributors } from '../metrics/contributorSummary';
import type { ContributorStats, DataShape, Query, Snapshot } from '../protocol';

/**
 * The data a watch asked for instead of the query's full answer (`watch.shape`), made in the
 * background so big answers do not cross the port to be summed in the page. The engine and the
 * cache keep the full answer; only what is posted changes. One summary per answer object, however
 * many watchers and snapshots carry it.
 */
export type Shaper = (snapshot: Snapshot) => Snapshot;

const made = new WeakMap<object, unknown>();

function shaped(data: object, make: (data: never) => unknown): unknown {
  let out = made.get(data);
  if (out === undefined) {
    out = make(data as never);
    made.set(data, out);
  }
  return out;
}

/** The shaper for a watch, `null` when the shape does not fit the query (the watch is refused). */
export function shaperFor(shape: DataShape | undefined, query: Query): Shaper | null {
  if (shape === undefined) return (snapshot) => snapshot;
  if (shape === 'contributor-summary' && query.kind === 'repo-stats' && query.stat === 'contributors') {
    return (snapshot) =>
      snapshot.data === undefined || snapshot.data === null
        ? snapshot
        : { ...snapshot, data: shaped(snapshot.data as object, (stats: ContributorStats) => summarizeContributors(stats)) };
  }
  return null;
}
