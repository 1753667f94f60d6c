import type { Increment } from '../../../../utils/metrics';
import type { Drill } from '../drill';
import type { ListView, OrgTarget } from '../queries';
import type { StatboardClient } from '../../../../utils/statboardClient';
import type { SummaryResult } from '../useSummary';
import type { WindowChoice } from '../WindowControls';

export type ListSection = 'subjects' | 'actors' | 'routes';

/** What every org section is given by the panel. */
export interface OrgSectionProps {
  client: StatboardClient;
  target: OrgTarget;
  drill: Drill;
  choice: WindowChoice;
  /** the organization's totals for the window and the one before (the panel watches them once) */
  orgSummary: SummaryResult;
  /** "the previous 7 days" */
  previousLabel: string;
  utc: boolean;
  increment: Increment | 'auto';
  view(list: ListSection): ListView;
  setView(list: ListSection, view: ListView): void;
  go(drill: Drill): void;
}

export interface OrgSectionEntry {
  id: 'summary' | 'time' | ListSection;
  /** the drill levels at which the section shows */
  levels: readonly Drill['level'][];
  Component: (props: OrgSectionProps) => preact.JSX.Element;
}
