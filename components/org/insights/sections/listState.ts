import type { QueryState, Snapshot } from '../../../../utils/protocol';

/** A list's state as users see it: a ready answer without rows is `empty`. */
export function listState(snapshot: Snapshot<unknown[]>): QueryState {
  return snapshot.state === 'ready' && snapshot.data?.length === 0 ? 'empty' : snapshot.state;
}
