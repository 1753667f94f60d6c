export * from './mock-github';
export { expected, insights, makeOrgSpec, buildOrg, routeSplit, bucketRange, sortRows, INCREMENTS, BUCKET_MS } from './org-data';
export type { OrgSpec, OrgData, SubjectSpec, ActorSpec, RouteSpec, Scope, Window, ApiSubject, ApiActor, ApiRoute, ApiTimePoint, ApiSummary } from './org-data';
export { makeRepoSpec, makeContributors, buildRepo, STATS_ENDPOINTS, COMPUTED_ENDPOINTS } from './repo-data';
export type { RepoSpec, RepoData, ContributorSpec, RepoStatsAnswers, StatsEndpoint } from './repo-data';
export { weekStart, isoSeconds } from './random';
export { REPO_LAYOUTS, GITHUB_OWN_PAGES, type RepoLayout } from './pages';
