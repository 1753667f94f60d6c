import type { Snapshot } from '../../utils/protocol';

// States in which cached data, when the engine kept some, is still worth showing.
const KEEPS_DATA = new Set<Snapshot['state']>(['ready', 'computing', 'rate-limited', 'error']);

/**
 * The data a snapshot's view shows: its data in `ready`, and the cached data the engine kept in
 * `computing`, `rate-limited` and `error` (shown with a freshness note); otherwise undefined.
 * The one rule for sections and for anything summarizing them (a panel's headline, "as of").
 */
export function shownData<T>(snapshot: Snapshot<T> | undefined): T | undefined {
  return snapshot && snapshot.data !== undefined && KEEPS_DATA.has(snapshot.state) ? snapshot.data : undefined;
}
