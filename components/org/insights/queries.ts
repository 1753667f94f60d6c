import type { HostId, InsightsReport, InsightsScope, OrgInsightsQuery, QueryState } from '../../../utils/protocol';
import { listOf, scopeOf, type Drill } from './drill';

/**
 * The insights view's queries, as pure data: every query key is built here, and list sorting and
 * paging change them here, so going back up the breadcrumb re-watches exactly the keys the engine
 * has cached.
 */

/** The time window every query of the panel shares (ISO `YYYY-MM-DDTHH:MM:SSZ`). */
export interface InsightsRange {
  minTimestamp: string;
  maxTimestamp: string;
}

export interface OrgTarget {
  host: HostId;
  org: string;
}

/** A query of one report, typed so `DataOf` knows its data. */
export type ReportQuery<R extends InsightsReport> = OrgInsightsQuery & { report: R };

export function summaryQuery(target: OrgTarget, scope: InsightsScope, range: InsightsRange): ReportQuery<'summary'> {
  return { kind: 'org-insights', ...target, report: 'summary', scope, ...pickRange(range) };
}

export function timeQuery(
  target: OrgTarget,
  scope: InsightsScope,
  range: InsightsRange,
  increment: string,
): ReportQuery<'time'> {
  return { kind: 'org-insights', ...target, report: 'time', scope, ...pickRange(range), increment };
}

/** The API's page size limit; every list page asks for the most it may. */
export const PER_PAGE = 100;

export interface ListView {
  sort: string;
  direction: 'asc' | 'desc';
  /** the substring filter as sent (already trimmed; empty means none) */
  filter: string;
}

export function listQuery(
  target: OrgTarget,
  drill: Drill,
  range: InsightsRange,
  view: ListView,
  page: number,
): OrgInsightsQuery {
  const filter = view.filter.trim();
  return {
    kind: 'org-insights',
    ...target,
    report: listOf(drill).report,
    scope: scopeOf(drill),
    ...pickRange(range),
    page,
    perPage: PER_PAGE,
    sort: [view.sort],
    direction: view.direction,
    ...(filter ? { filter } : {}),
  };
}

/** Only the two timestamps, so a wider object never leaks extra keys into a query key. */
function pickRange(range: InsightsRange): InsightsRange {
  return { minTimestamp: range.minTimestamp, maxTimestamp: range.maxTimestamp };
}

// ---------------------------------------------------------------------------------------------
// Sorting

/** Names read best A→Z; counts and times most-first. */
export function defaultDirection(sortField: string): 'asc' | 'desc' {
  return sortField === 'subject_name' || sortField === 'api_route' || sortField === 'http_method'
    ? 'asc'
    : 'desc';
}

/** A click on a sortable header: the same field flips direction, another starts at its default. */
export function toggleSort(view: ListView, sortField: string): ListView {
  if (view.sort === sortField) return { ...view, direction: view.direction === 'asc' ? 'desc' : 'asc' };
  return { ...view, sort: sortField, direction: defaultDirection(sortField) };
}

export function ariaSort(view: ListView, sortField: string | undefined): 'ascending' | 'descending' | 'none' | undefined {
  if (!sortField) return undefined;
  if (view.sort !== sortField) return 'none';
  return view.direction === 'asc' ? 'ascending' : 'descending';
}

// ---------------------------------------------------------------------------------------------
// States

// The state precedence is utils/queryStates.ts's (the panels use the same one).
export { combineStates } from '../../../utils/queryStates';

/** Answers that mean "this increment is not accepted" rather than a real failure. */
export function isIncrementRefusal(state: QueryState, status: number | undefined): boolean {
  return state === 'error' && (status === 422 || status === 400);
}
