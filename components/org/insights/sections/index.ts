import { ActorsSection } from './actors';
import { RoutesSection } from './routes';
import { SubjectsSection } from './subjects';
import { SummarySection } from './summary';
import { TimeSection } from './time';
import type { OrgSectionEntry } from './types';

export type { OrgSectionProps, OrgSectionEntry, ListSection } from './types';

/**
 * The org panel's sections, top to bottom. The organization's totals and chart stay in view at
 * every level for context; below them the list of the current level: users and apps, then one
 * user's tokens and apps, then one actor's routes.
 */
export const ORG_SECTIONS: readonly OrgSectionEntry[] = [
  { id: 'summary', levels: ['org', 'user', 'actor'], Component: SummarySection },
  { id: 'time', levels: ['org', 'user', 'actor'], Component: TimeSection },
  { id: 'subjects', levels: ['org'], Component: SubjectsSection },
  { id: 'actors', levels: ['user'], Component: ActorsSection },
  { id: 'routes', levels: ['actor'], Component: RoutesSection },
];
