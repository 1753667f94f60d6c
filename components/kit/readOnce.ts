import type { DataOf, Query } from '../../utils/protocol';
import type { StatboardClient } from '../../utils/statboardClient';

/**
 * A query's full data, once (the JSON export of a section shown a summary). Watched `offscreen`:
 * answered from what the background holds, never by a request.
 */
export function readOnce<Q extends Query>(client: StatboardClient, query: Q): Promise<DataOf<Q>> {
  return new Promise((resolve, reject) => {
    const watch = client.watch(
      query,
      (snapshot) => {
        if (snapshot.data === undefined && snapshot.state === 'loading' && !snapshot.meta.deferred) return;
        // Let go after this call: the first snapshot may come before `watch` is assigned.
        queueMicrotask(() => watch.unwatch());
        if (snapshot.data !== undefined) resolve(snapshot.data);
        else reject(new Error(snapshot.meta.message ?? 'the data is not loaded'));
      },
      'interactive',
      'offscreen',
    );
  });
}
