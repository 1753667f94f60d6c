import { formatDateTime, formatNumber } from './format';
import {
  earliestInsightsStart,
  incrementMs,
  insightsWindow,
  INCREMENTS,
  type Increment,
  type InsightsPreset,
  type InsightsWindowResult,
} from './insights';
import {
  isActorType,
  type ActorType,
  type HostId,
  type InsightsActor,
  type InsightsReport,
  type InsightsScope,
  type InsightsSubject,
  type InsightsTimePoint,
  type OrgInsightsQuery,
  type QueryState,
} from '../protocol';

/**
 * The organization panel's drill-down, as pure data: where the user is (org › user › actor),
 * which queries each place needs, and how list sorting and paging change them. Components only
 * render what these functions return, so every query key is built in one place and going back
 * up the breadcrumb re-watches exactly the keys the engine has cached.
 */

/** The time window every query of the panel shares (ISO `YYYY-MM-DDTHH:MM:SSZ`). */
export interface InsightsRange {
  minTimestamp: string;
  maxTimestamp: string;
}

export interface DrillUser {
  /** user-stats and the users/{id} endpoints type the id as a string */
  id: string;
  name: string;
}

export interface DrillActor {
  type: ActorType;
  id: number;
  name: string;
}

/** Where the panel is: the org, one user (their actors), or one actor (its routes). */
export type Drill =
  | { level: 'org' }
  | { level: 'user'; user: DrillUser }
  /** `user` is set when the actor was reached through a user, for the breadcrumb */
  | { level: 'actor'; actor: DrillActor; user?: DrillUser };

export const ORG_LEVEL: Drill = { level: 'org' };

// The actor-type rule is the protocol's (one definition); re-exported for the drill-down's callers.
export { isActorType };

/**
 * Where choosing a row of the subjects table leads. A user opens their actors (user-stats).
 * An app's subject row is already one actor: subject-stats reports apps by their actor type
 * (`installation`, `oauth_app`, ...) with the actor's id, so it opens that actor's routes
 * directly. Anything else cannot be drilled into (null).
 */
export function drillFromSubject(subject: InsightsSubject): Drill | null {
  if (subject.subjectType === 'user') {
    return { level: 'user', user: { id: String(subject.subjectId), name: subject.subjectName } };
  }
  if (isActorType(subject.subjectType)) {
    return {
      level: 'actor',
      actor: { type: subject.subjectType, id: subject.subjectId, name: subject.subjectName },
    };
  }
  return null;
}

/** Where choosing a row of a user's actors table leads (null for an unknown actor type). */
export function drillFromActor(actor: InsightsActor, user: DrillUser): Drill | null {
  if (!isActorType(actor.actorType)) return null;
  return { level: 'actor', user, actor: { type: actor.actorType, id: actor.actorId, name: actor.actorName } };
}

export function scopeOf(drill: Drill): InsightsScope {
  switch (drill.level) {
    case 'org':
      return { type: 'org' };
    case 'user':
      return { type: 'user', userId: drill.user.id };
    case 'actor':
      return { type: 'actor', actorType: drill.actor.type, actorId: drill.actor.id };
  }
}

export type ListReport = Extract<InsightsReport, 'subjects' | 'user-actors' | 'routes'>;

/** The list each level shows, and the `data-section` hook it renders under. */
export function listOf(drill: Drill): { report: ListReport; section: 'subjects' | 'actors' | 'routes' } {
  switch (drill.level) {
    case 'org':
      return { report: 'subjects', section: 'subjects' };
    case 'user':
      return { report: 'user-actors', section: 'actors' };
    case 'actor':
      return { report: 'routes', section: 'routes' };
  }
}

export interface Crumb {
  label: string;
  /** where the crumb leads; the last crumb (the current place) has none */
  target: Drill | null;
}

/** Org › user › actor, each crumb but the last leading back up. */
export function breadcrumb(org: string, drill: Drill): Crumb[] {
  const crumbs: Crumb[] = [{ label: org, target: ORG_LEVEL }];
  if (drill.level === 'user') crumbs.push({ label: drill.user.name, target: drill });
  if (drill.level === 'actor') {
    if (drill.user) crumbs.push({ label: drill.user.name, target: { level: 'user', user: drill.user } });
    crumbs.push({ label: drill.actor.name, target: drill });
  }
  const last = crumbs[crumbs.length - 1];
  if (last) last.target = null;
  return crumbs;
}

// ---------------------------------------------------------------------------------------------
// Query builders

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
export { combineStates } from '../queryStates';

/** Answers that mean "this increment is not accepted" rather than a real failure. */
export function isIncrementRefusal(state: QueryState, status: number | undefined): boolean {
  return state === 'error' && (status === 422 || status === 400);
}

// ---------------------------------------------------------------------------------------------
// Windows and time display

export const PRESET_LABELS: Record<InsightsPreset, string> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

/** "the previous 7 days", for comparisons; a custom window is "the previous period". */
export function previousLabel(preset: InsightsPreset | 'custom'): string {
  switch (preset) {
    case '24h':
      return 'the previous 24 hours';
    case '7d':
      return 'the previous 7 days';
    case '30d':
      return 'the previous 30 days';
    default:
      return 'the previous period of the same length';
  }
}

const MINUTE = 60_000;

/**
 * A `<input type="datetime-local">` value (`2026-03-03T14:05`) read as UTC or local time;
 * NaN when empty or malformed.
 */
export function parseDateTimeInput(value: string, utc: boolean): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return NaN;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const ms = utc
    ? Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0)
    : new Date(y!, mo! - 1, d!, h!, mi!, s ?? 0).getTime();
  return Number.isFinite(ms) ? ms : NaN;
}

export { toDateTimeInput } from '../dates';

/** The shortest custom window: one bucket of the finest increment. */
export const MIN_CUSTOM_MS = 5 * MINUTE;

/**
 * A custom range typed by the user, checked with a sentence for each problem. Unlike
 * `insightsWindow` alone (which clamps), a start older than GitHub keeps is refused, so the
 * window shown is always the window asked for.
 */
export function customWindow(fromInput: string, toInput: string, utc: boolean, now: number): InsightsWindowResult {
  const from = parseDateTimeInput(fromInput, utc);
  const to = parseDateTimeInput(toInput, utc);
  if (Number.isNaN(from) || Number.isNaN(to)) return { ok: false, error: 'Enter both a start and an end date and time.' };
  if (from >= to) return { ok: false, error: 'The start must be before the end.' };
  // Inputs have minute precision: allow the minute that holds `now`.
  if (to > now + MINUTE) return { ok: false, error: 'The end cannot be in the future.' };
  const earliest = earliestInsightsStart(now);
  if (from < earliest - MINUTE) {
    return {
      ok: false,
      error: `API Insights keeps the last 31 days: the start must be after ${formatDateTime(earliest, { utc })}.`,
    };
  }
  if (to - from < MIN_CUSTOM_MS) return { ok: false, error: 'Pick a range of at least 5 minutes.' };
  return insightsWindow({ from: Math.max(from, earliest), to: Math.min(to, now) }, now);
}

/** The most points an interval the user picks may give (5-minute buckets over 31 days fit). */
export const MAX_CHOSEN_POINTS = 10_000;

/** Intervals a user may pick for a window: those that keep the chart under MAX_CHOSEN_POINTS. */
export function pickableIncrements(windowMs: number): Increment[] {
  return INCREMENTS.filter((increment) => windowMs / incrementMs(increment) <= MAX_CHOSEN_POINTS);
}

const INCREMENT_WORDS: Record<Increment, string> = {
  '5m': '5 minutes',
  '10m': '10 minutes',
  '15m': '15 minutes',
  '30m': '30 minutes',
  '1h': 'hour',
  '2h': '2 hours',
  '3h': '3 hours',
  '6h': '6 hours',
  '12h': '12 hours',
  '1d': 'day',
};

/** "every 5 minutes", "every hour", "every day" */
export function incrementLabel(increment: Increment): string {
  return `every ${INCREMENT_WORDS[increment]}`;
}

/**
 * The chart's text alternative: the window, the busiest bucket and the rate-limited total, so a
 * screen reader user gets what the eye takes from the lines.
 */
export function timeSeriesSentence(points: readonly InsightsTimePoint[], increment: Increment, utc: boolean, windowEnd?: number): string {
  if (points.length === 0) return 'No requests in this window.';
  let total = 0;
  let limited = 0;
  let peak = points[0]!;
  for (const point of points) {
    total += point.totalRequests;
    limited += point.rateLimitedRequests;
    if (point.totalRequests > peak.totalRequests) peak = point;
  }
  const from = formatDateTime(points[0]!.time, { utc });
  const lastEnd = points[points.length - 1]!.time + incrementMs(increment);
  const to = formatDateTime(windowEnd === undefined ? lastEnd : Math.min(lastEnd, windowEnd), { utc });
  const busiest =
    peak.totalRequests > 0
      ? ` Busiest: ${formatNumber(peak.totalRequests)} requests from ${formatDateTime(peak.time, { utc })}.`
      : '';
  return `Requests ${incrementLabel(increment)} from ${from} to ${to}: ${formatNumber(total)} in all, ${formatNumber(limited)} rate limited.${busiest}`;
}

/** Axis tick text: the time of day for short windows, the date for long ones. */
export function tickLabel(ms: number, windowMs: number, utc: boolean): string {
  const full = formatDateTime(ms, { utc }); // `Mar 3, 2026 14:05 UTC`
  const [monthDay = '', rest = ''] = full.split(', ');
  const time = rest.split(' ')[1] ?? '';
  return windowMs <= 2 * 24 * 60 * MINUTE ? time : monthDay;
}

// ---------------------------------------------------------------------------------------------
// Names in the user's words

const KIND_LABELS: Record<string, string> = {
  user: 'User',
  installation: 'GitHub App',
  github_app_user_to_server: 'GitHub App for a user',
  oauth_app: 'OAuth app',
  classic_pat: 'Personal access token (classic)',
  fine_grained_pat: 'Fine-grained personal access token',
};

/** What a subject or actor type is called in GitHub's UI; unknown types are shown as sent. */
export function kindLabel(type: string): string {
  return KIND_LABELS[type] ?? type;
}

/** A route split after each `/`, so a long route wraps between its parts, not inside a word. */
export function routeParts(route: string): string[] {
  return route.split(/(?<=\/)/);
}
