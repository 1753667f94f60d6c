import { useMemo } from 'preact/hooks';
import { useQuery } from '../../kit';
import { isWithinHistory, previousWindow, type InsightsWindow } from '../../../utils/metrics';
import type { InsightsScope, InsightsSummary, Snapshot } from '../../../utils/protocol';
import type { StatboardClient } from '../../../utils/statboardClient';
import { summaryQuery, type OrgTarget } from './queries';

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
