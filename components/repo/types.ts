import type { ComponentChildren } from 'preact';
import type { ContributorSummary, DataShape, QueryState, RepoStat, RepoStatData, RepoStatsQuery } from '../../utils/protocol';
import type { PanelPreferences } from '../../utils/page/panelSettings';

/** The repository a panel is about. */
export interface RepoRef {
  /** page host, e.g. `github.com` */
  host: string;
  owner: string;
  repo: string;
  /** `owner/repo` */
  nwo: string;
}

/** What each section's view gets: its statistic's data, or the shape its section asks for. */
export type RepoSectionData = Omit<RepoStatData, 'contributors'> & { contributors: ContributorSummary };

export interface SectionViewProps<S extends RepoStat> {
  data: RepoSectionData[S];
  repo: RepoRef;
  prefs: PanelPreferences;
}

/** One repository section: one file in `sections/`, found by `sections/index.ts` for its statistic. */
export interface RepoSection<S extends RepoStat = RepoStat> {
  id: S;
  title: string;
  /** the ready view's height (px), reserved while loading so GitHub's content does not jump */
  bodyHeight: number;
  /** per-state sentences that replace the engine's */
  sentences?: Partial<Record<QueryState, string>>;
  query(repo: RepoRef): RepoStatsQuery;
  /** the background sends this shape of the data instead of all of it (contributors: sums per window) */
  shape?: DataShape;
  View(props: SectionViewProps<S>): ComponentChildren;
}

export function repoStatsQuery(repo: RepoRef, stat: RepoStat): RepoStatsQuery {
  return { kind: 'repo-stats', host: repo.host, owner: repo.owner, repo: repo.repo, stat };
}

// `2026-03-01` for a stats week: the date module's (utils/dates.ts).
export { isoWeek } from '../../utils/dates';
