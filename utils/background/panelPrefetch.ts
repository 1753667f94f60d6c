import type { Engine, Watch } from '../engine/engine';
import { queryKey, type Query, type RepoStat, type Visibility } from '../protocol';
import type { PanelPage } from './panelInjection';

/**
 * The panel's data, started before the panel exists: when the background decides a page may get
 * a panel, it knows the repository (or organization) and holds the queries that panel's first
 * render will watch. From the URL alone the hold is an `offscreen` watch: the engine reads its
 * cache (free) and requests nothing. Once the page's own tags confirm the panel (`confirmed`),
 * the hold becomes a `prefetch` watch: where the budget is roomy (a token's 5,000; the engine's
 * rateLimitGovernor.canPrefetch decides, never on the anonymous 60) what is missing or stale is
 * requested now, behind everything seen, instead of after the panel has mounted and measured
 * what it shows (the panel fetches ahead the same queries anyway once what is seen has settled).
 * So when the panel's own watch arrives the entry is in memory or on its way. Held queries
 * nobody watched are let go after PREFETCH_HOLD_MS.
 */

export const PREFETCH_HOLD_MS = 5_000;

/**
 * The order the held statistics are asked for in (two requests in flight, first come first
 * served): the section in view when the page opens first, then the small answers (the
 * headline's punch card, participation), the contributors last. Its answer is people x weeks
 * (3 MB for 100 people over 800 weeks, 50 times any other), and the small ones queued behind it
 * waited for all of it; now they are done while it arrives.
 */
const PREFETCH_ORDER: readonly RepoStat[] = ['commit-activity', 'punch-card', 'participation', 'code-frequency', 'contributors'];

/**
 * The queries the panel's first render watches: the repository sections the user has on (the
 * same queries as components/repo/types.ts repoStatsQuery), or the org Activity's repository list
 * (components/org/activity/useOrgActivity.ts).
 */
export function panelQueries(page: PanelPage, sections: Partial<Record<RepoStat, boolean>>): Query[] {
  if (page.kind === 'org') return [{ kind: 'org-repos', host: page.host, org: page.org }];
  return PREFETCH_ORDER.filter((stat) => sections[stat] !== false).map((stat) => ({
    kind: 'repo-stats',
    host: page.host,
    owner: page.owner,
    repo: page.repo,
    stat,
  }));
}

export interface PanelPrefetch {
  /** `confirmed`: the page's tags say it is that repository or organization (not only its URL) */
  (page: PanelPage, confirmed?: boolean): void;
  /** queries held now, for tests */
  readonly held: number;
}

export function createPanelPrefetch(
  engine: Pick<Engine, 'watch'>,
  sections: () => Promise<Partial<Record<RepoStat, boolean>>>,
  holdMs = PREFETCH_HOLD_MS,
): PanelPrefetch {
  const holds = new Map<string, { watch: Watch; timer: ReturnType<typeof setTimeout> }>();
  const hold = (query: Query, visibility: Visibility) => {
    const key = queryKey(query);
    const release = () => {
      holds.get(key)?.watch.unwatch();
      holds.delete(key);
    };
    const existing = holds.get(key);
    if (existing) {
      clearTimeout(existing.timer);
      existing.timer = setTimeout(release, holdMs);
      if (visibility === 'prefetch') existing.watch.setVisibility('prefetch');
      return;
    }
    const watch = engine.watch(query, 'background', () => {}, visibility);
    holds.set(key, { watch, timer: setTimeout(release, holdMs) });
  };
  const prefetch = ((page: PanelPage, confirmed = false) => {
    void sections()
      .catch(() => ({}))
      .then((on) => {
        for (const query of panelQueries(page, on)) hold(query, confirmed ? 'prefetch' : 'offscreen');
      });
  }) as PanelPrefetch;
  Object.defineProperty(prefetch, 'held', { get: () => holds.size });
  return prefetch;
}
