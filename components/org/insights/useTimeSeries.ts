import { useMemo } from 'preact/hooks';
import { useQuery } from '../../kit';
import { chooseIncrement, fillTimeSeries, type Increment, type InsightsWindow } from '../../../utils/metrics';
import type { InsightsScope, InsightsTimePoint, Snapshot } from '../../../utils/protocol';
import type { StatboardClient } from '../../../utils/statboardClient';
import { timeQuery, type OrgTarget } from './queries';

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
