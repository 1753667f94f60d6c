import { isActorType, type ActorType, type InsightsActor, type InsightsReport, type InsightsScope, type InsightsSubject } from '../../../utils/protocol';

/**
 * Where the insights view is (org › user › actor), as pure data: which scope and list each place
 * shows, and the breadcrumb back up. Components only render what these return.
 */

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
