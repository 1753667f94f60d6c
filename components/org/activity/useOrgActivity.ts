import { useMemo } from 'preact/hooks';
import { shownData, useQueries, useQuery } from '../../kit';
import {
  orgActivity,
  orgContributors,
  pickActivityRepos,
  type OrgActivity,
  type OrgContributors,
  type RepoPick,
} from '../../../utils/metrics/orgActivity';
import type { ContributorStats, OrgRepo, Participation, QueryState, RepoStatsQuery, Snapshot } from '../../../utils/protocol';
import type { StatboardClient } from '../../../utils/statboardClient';

/**
 * The activity section's queries: the org's repository list, then one participation query per
 * picked repository (and, with a token, one contributors query each). Each repository query
 * carries the list's `pushed_at`, so the engine skips the head check and keeps the interactive
 * reserve. Cached answers cost nothing; only what is missing is asked for.
 */

/** Where one repository's numbers are. */
export type RepoProgress = 'counted' | 'counting' | 'held' | 'failed';

export interface RepoStatus {
  repo: OrgRepo;
  progress: RepoProgress;
  /** the sentence for held or failed ones */
  message?: string;
  /** held: when the rate limit lets the request go (unix ms) */
  until?: number;
  /** counting because GitHub answered 202 (not only waiting for a first answer) */
  computing?: boolean;
}

export interface ActivityResult {
  /** the list's snapshot (the section's state when there is no list) */
  list: Snapshot<OrgRepo[]>;
  retryList(): void;
  pick: RepoPick | null;
  /** the section's state: see activityState */
  state: QueryState;
  activity: OrgActivity | null;
  repos: RepoStatus[];
  /** people (with a token): null without one */
  people: { result: OrgContributors; statuses: RepoStatus[] } | null;
  retryRepos(): void;
}

function statusOf(repo: OrgRepo, snapshot: Snapshot<unknown>): RepoStatus {
  if (shownData(snapshot) !== undefined || snapshot.state === 'empty') return { repo, progress: 'counted' };
  switch (snapshot.state) {
    case 'loading':
    case 'computing':
      return { repo, progress: 'counting', computing: snapshot.state === 'computing' };
    case 'rate-limited':
      return { repo, progress: 'held', until: snapshot.meta.rateLimitedUntil, message: snapshot.meta.message };
    default:
      return { repo, progress: 'failed', message: snapshot.meta.message };
  }
}

/** ready once every picked repository is counted or settled; computing while some are on the way. */
export function activityState(list: Snapshot<OrgRepo[]>, pick: RepoPick | null, statuses: readonly RepoStatus[]): QueryState {
  if (!pick) return list.state === 'ready' ? 'loading' : list.state;
  if (pick.picked.length === 0) return 'empty';
  const counted = statuses.filter((s) => s.progress === 'counted').length;
  if (statuses.some((s) => s.progress === 'counting')) {
    // Nothing in and nothing computed at GitHub yet: plain loading (the skeleton).
    return counted === 0 && statuses.every((s) => s.progress === 'counting' && !s.computing) ? 'loading' : 'computing';
  }
  if (counted > 0) return 'ready';
  return statuses.some((s) => s.progress === 'held') ? 'rate-limited' : 'error';
}

function statsQuery(host: string, repo: OrgRepo, stat: 'participation' | 'contributors'): RepoStatsQuery {
  return { kind: 'repo-stats', host, owner: repo.owner, repo: repo.name, stat, pushedAt: repo.pushedAt ?? '' };
}

export function useOrgActivity(
  client: StatboardClient,
  host: string,
  org: string,
  options: { count: number; includeForksAndArchived: boolean; withPeople: boolean },
): ActivityResult {
  const list = useQuery(client, { kind: 'org-repos', host, org });
  const listData = shownData(list.snapshot);
  const pick = useMemo(
    () => (listData ? pickActivityRepos(listData, options.count, options.includeForksAndArchived) : null),
    [listData, options.count, options.includeForksAndArchived],
  );
  const picked = pick?.picked ?? [];
  // Up to 30 answers each: applied once a frame, not one render per answer.
  const participation = useQueries(client, picked.map((r) => statsQuery(host, r, 'participation')), 'interactive', true);
  const contributors = useQueries(client, options.withPeople ? picked.map((r) => statsQuery(host, r, 'contributors')) : [], 'interactive', true);

  const snapshots = participation.map((p) => p.snapshot as Snapshot<Participation>);
  const peopleSnapshots = contributors.map((c) => c.snapshot as Snapshot<ContributorStats>);
  // Recomputed only when an answer changes (each snapshot is a new object only then).
  const activity = useMemo(() => {
    if (!pick) return null;
    const now = Date.now();
    return orgActivity(
      pick.picked.map((repo, i) => {
        const snapshot = snapshots[i];
        const data = snapshot ? shownData(snapshot) : undefined;
        const known = data ? data.all : snapshot?.state === 'empty' ? [] : null;
        return { name: repo.name, weeks: known, fetchedAt: snapshot?.meta.fetchedAt ?? now };
      }),
      now,
    );
  }, [pick, ...snapshots]);
  const people = useMemo(() => {
    if (!options.withPeople || !pick) return null;
    const known: ContributorStats[] = [];
    for (const snapshot of peopleSnapshots) {
      const data = shownData(snapshot);
      if (data) known.push(data);
    }
    return {
      result: orgContributors(known, Date.now()),
      statuses: pick.picked.map((repo, i) => statusOf(repo, peopleSnapshots[i] ?? { state: 'loading', meta: {} })),
    };
  }, [pick, options.withPeople, ...peopleSnapshots]);

  const repos = picked.map((repo, i) => statusOf(repo, snapshots[i] ?? { state: 'loading', meta: {} }));
  return {
    list: list.snapshot,
    retryList: list.retry,
    pick,
    state: activityState(list.snapshot, pick, repos),
    activity,
    repos,
    people,
    retryRepos: () => {
      participation.forEach((p, i) => repos[i]?.progress === 'failed' && p.retry());
      contributors.forEach((c, i) => people?.statuses[i]?.progress === 'failed' && c.retry());
    },
  };
}
