import {
  ACTOR_TYPES,
  type ActorType,
  type HostId,
  type InsightsActor,
  type InsightsReport,
  type InsightsScope,
  type InsightsSubject,
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

export function isActorType(value: string): value is ActorType {
  return (ACTOR_TYPES as readonly string[]).includes(value);
}

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

export function summaryQuery(target: OrgTarget, scope: InsightsScope, range: InsightsRange): OrgInsightsQuery {
  return { kind: 'org-insights', ...target, report: 'summary', scope, ...pickRange(range) };
}

export function timeQuery(
  target: OrgTarget,
  scope: InsightsScope,
  range: InsightsRange,
  increment: string,
): OrgInsightsQuery {
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

/**
 * One state for a group of queries shown together (a drill-down section): the problem a user
 * must act on first, then "still working", then ready. `empty` only when every part is empty.
 */
export function combineStates(states: readonly QueryState[]): QueryState {
  const order: QueryState[] = ['no-access', 'rate-limited', 'error', 'too-large', 'computing', 'loading'];
  for (const state of order) if (states.includes(state)) return state;
  if (states.length > 0 && states.every((s) => s === 'empty')) return 'empty';
  return 'ready';
}

/** Answers that mean "this increment is not accepted" rather than a real failure. */
export function isIncrementRefusal(state: QueryState, status: number | undefined): boolean {
  return state === 'error' && (status === 422 || status === 400);
}
