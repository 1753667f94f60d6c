import type { Engine, Watch } from '../engine/engine';
import { queryKey, REPO_STATS, type Query, type RepoStat } from '../protocol';
import type { PanelPage } from './panelInjection';

/**
 * The panel's data, started before the panel exists: when the background decides a page may get
 * a panel, it knows the repository (or organization) and holds the queries that panel's first
 * render will watch. The hold is an `offscreen` watch: the engine reads its cache (free) and
 * requests nothing (the budget rules stand: only what is seen is fetched), so when the panel's
 * own watch arrives the entry is already in memory. Held queries nobody watched are let go after
 * PREFETCH_HOLD_MS.
 */

export const PREFETCH_HOLD_MS = 5_000;

/**
 * The queries the panel's first render watches: the repository sections the user has on (the
 * same queries as components/repo/types.ts repoStatsQuery), or the org Activity's repository list
 * (components/org/activity/useOrgActivity.ts).
 */
export function panelQueries(page: PanelPage, sections: Partial<Record<RepoStat, boolean>>): Query[] {
  if (page.kind === 'org') return [{ kind: 'org-repos', host: page.host, org: page.org }];
  return REPO_STATS.filter((stat) => sections[stat] !== false).map((stat) => ({
    kind: 'repo-stats',
    host: page.host,
    owner: page.owner,
    repo: page.repo,
    stat,
  }));
}

export interface PanelPrefetch {
  (page: PanelPage): void;
  /** queries held now, for tests */
  readonly held: number;
}

export function createPanelPrefetch(
  engine: Pick<Engine, 'watch'>,
  sections: () => Promise<Partial<Record<RepoStat, boolean>>>,
  holdMs = PREFETCH_HOLD_MS,
): PanelPrefetch {
  const holds = new Map<string, { watch: Watch; timer: ReturnType<typeof setTimeout> }>();
  const hold = (query: Query) => {
    const key = queryKey(query);
    const release = () => {
      holds.get(key)?.watch.unwatch();
      holds.delete(key);
    };
    const existing = holds.get(key);
    if (existing) {
      clearTimeout(existing.timer);
      existing.timer = setTimeout(release, holdMs);
      return;
    }
    const watch = engine.watch(query, 'background', () => {}, 'offscreen');
    holds.set(key, { watch, timer: setTimeout(release, holdMs) });
  };
  const prefetch = ((page: PanelPage) => {
    void sections()
      .catch(() => ({}))
      .then((on) => {
        for (const query of panelQueries(page, on)) hold(query);
      });
  }) as PanelPrefetch;
  Object.defineProperty(prefetch, 'held', { get: () => holds.size });
  return prefetch;
}
