import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Ref } from 'preact';
import { isNear } from '../kit/near';
import { BudgetNotice, clockTime, PanelShell, panelState, Section, sharedBlock, shownData, StateMessage, useQueries, type QueryResult } from '../kit';
import type { CommitWeek, ContributorSummary, PunchCell, Snapshot, Visibility } from '../../utils/protocol';
import type { InputStatus } from './headlineStats';
import type { PanelPreferences } from '../../utils/page/panelSettings';
import type { StatboardClient } from '../../utils/statboardClient';
import { Headline } from './Headline';
import { PinButton } from './PinButton';
import { SECTIONS } from './sections';
import type { RepoRef, RepoSection } from './types';

export interface RepoPanelProps {
  client: StatboardClient;
  repo: RepoRef;
  prefs: PanelPreferences;
  initialCollapsed: boolean;
}

// The headline and "as of" follow the sections: numbers stay while GitHub recomputes after a
// push (computing), while rate limited and after a failed refresh, as the sections' data does.
function dataOf<T>(snapshot: Snapshot<unknown> | undefined): T | undefined {
  return shownData(snapshot) as T | undefined;
}

/**
 * How near the viewport a section counts as seen (its statistics are then requested). Small on
 * purpose: without a token each section seen costs one to two of 60 requests an hour, and a
 * larger margin made a 900 px window's first view ask for a third section (6 requests a visit
 * instead of 4). With a token the rest are fetched ahead anyway once the visible ones settle.
 */
export const SEEN_MARGIN_PX = 48;

/**
 * Which sections are near the viewport (IntersectionObserver with a margin). The first answer is
 * measured in a layout effect, before the watches leave (useQueries' effect runs after this
 * one), so a section in view is asked for at once and one below is never asked for at all.
 * A collapsed panel (its body hidden) sees nothing; expanding it makes its sections seen at once.
 */
function useSeenSections(ids: readonly string[], prefetch: boolean): { visibilities: Visibility[]; refFor(id: string): Ref<HTMLElement> } {
  const elements = useRef(new Map<string, HTMLElement>());
  const observer = useRef<IntersectionObserver | null>(null);
  const [seen, setSeen] = useState<ReadonlySet<string>>(() => new Set());
  const visibilities = ids.map((id): Visibility => (seen.has(id) ? 'visible' : prefetch ? 'prefetch' : 'offscreen'));
  const firstRender = useRef(visibilities);

  useLayoutEffect(() => {
    const first = new Set([...elements.current].filter(([, el]) => isNear(el, SEEN_MARGIN_PX)).map(([id]) => id));
    // The array useQueries reads in this same commit: patched in place before its effect runs.
    ids.forEach((id, i) => {
      if (first.has(id)) firstRender.current[i] = 'visible';
    });
    setSeen(first);
    const io = new IntersectionObserver(
      (changes) =>
        setSeen((prev) => {
          const next = new Set(prev);
          for (const change of changes) {
            const id = (change.target as HTMLElement).dataset.section;
            if (!id) continue;
            if (change.isIntersecting) next.add(id);
            else next.delete(id);
          }
          return next.size === prev.size && [...next].every((id) => prev.has(id)) ? prev : next;
        }),
      { rootMargin: `${SEEN_MARGIN_PX}px 0px` },
    );
    observer.current = io;
    for (const el of elements.current.values()) io.observe(el);
    return () => {
      io.disconnect();
      observer.current = null;
    };
  }, []);

  const refs = useRef(new Map<string, Ref<HTMLElement>>());
  const refFor = useCallback((id: string): Ref<HTMLElement> => {
    let ref = refs.current.get(id);
    if (!ref) {
      ref = (el: HTMLElement | null) => {
        const old = elements.current.get(id);
        if (old && old !== el) observer.current?.unobserve(old);
        if (el) {
          elements.current.set(id, el);
          observer.current?.observe(el);
        } else elements.current.delete(id);
      };
      refs.current.set(id, ref);
    }
    return ref;
  }, []);
  return { visibilities, refFor };
}

/** A section's answer is in (or failed): nothing more is on its way for it right now. */
function settledView(snapshot: Snapshot<unknown> | undefined): boolean {
  if (!snapshot) return true;
  if (snapshot.meta.deferred) return false;
  if (snapshot.state === 'loading' || snapshot.state === 'computing') return false;
  return !(snapshot.state === 'ready' && snapshot.meta.stale && !snapshot.meta.offline && !snapshot.meta.refreshProblem);
}

/** Why a headline input has no data yet (see InputStatus). */
function inputStatus(snapshot: Snapshot<unknown> | undefined, enabled: boolean): InputStatus {
  if (!enabled || !snapshot) return 'off';
  if (snapshot.meta.deferred) return 'deferred';
  if (snapshot.state === 'loading' || snapshot.state === 'computing') return 'loading';
  if (snapshot.state === 'rate-limited') return 'limited';
  return 'off';
}

/** The repository panel: headline numbers and one section per enabled statistic. */
export function RepoPanel({ client, repo, prefs, initialCollapsed }: RepoPanelProps) {
  const enabled = SECTIONS.filter((s) => prefs.repoSections[s.id] !== false);
  // Fetching ahead (with a roomy budget; the engine decides) waits until what is seen has settled.
  const [prefetch, setPrefetch] = useState(false);
  const { visibilities, refFor } = useSeenSections(
    SECTIONS.map((s) => s.id),
    prefetch,
  );
  // Hidden sections are not watched: hiding one saves its requests (its headline numbers show a dash).
  // Sections out of view are watched `offscreen`: served from the cache, never requested.
  const results = useQueries(
    client,
    SECTIONS.map((s) => (prefs.repoSections[s.id] !== false ? s.query(repo) : null)),
    'interactive',
    false,
    visibilities,
    SECTIONS.map((s) => s.shape),
  );
  const byId = new Map(SECTIONS.map((s, i) => [s.id, results[i]]));
  const seenAndOn = SECTIONS.map((s, i) => visibilities[i] === 'visible' && prefs.repoSections[s.id] !== false);
  const seenSettled = seenAndOn.some(Boolean) && SECTIONS.every((_, i) => !seenAndOn[i] || settledView(results[i]?.snapshot as Snapshot<unknown>));
  useLayoutEffect(() => {
    if (seenSettled && !prefetch) setPrefetch(true);
  }, [seenSettled, prefetch]);
  const statusOf = (id: RepoSection['id']) => inputStatus(byId.get(id)?.snapshot as Snapshot<unknown> | undefined, prefs.repoSections[id] !== false);
  const shown = enabled.map((s) => byId.get(s.id)?.snapshot as Snapshot<unknown>);
  const fetched = shown.filter((s) => shownData(s) !== undefined && s.meta.fetchedAt).map((s) => s.meta.fetchedAt as number);
  const subtitle = fetched.length ? `as of ${clockTime(Math.min(...fetched))}` : undefined;
  // Sections not asked for yet (out of view) would fail the same way: the block speaks for them too.
  const block = sharedBlock(shown.filter((s) => !s.meta.deferred));

  return (
    <PanelShell
      kind="repo"
      client={client}
      host={repo.host}
      title="Repository statistics"
      subtitle={subtitle}
      state={panelState(shown.map((s) => s.state))}
      initialCollapsed={initialCollapsed}
      actions={<PinButton kind="repo" name={repo.nwo} />}
    >
      <BudgetNotice client={client} host={repo.host} />
      {block ? (
        <div class="sb-section">
          <StateMessage snapshot={block} onRetry={() => undefined} what="These statistics" minHeight={0} />
        </div>
      ) : null}
      {/* Sections stay in the DOM while a shared block is shown (their data-state is a test hook). */}
      <div hidden={block !== null}>
        <Headline
          commitActivity={dataOf<CommitWeek[]>(byId.get('commit-activity')?.snapshot)}
          punchCard={dataOf<PunchCell[]>(byId.get('punch-card')?.snapshot)}
          contributors={dataOf<ContributorSummary>(byId.get('contributors')?.snapshot)}
          status={{ commitActivity: statusOf('commit-activity'), punchCard: statusOf('punch-card'), contributors: statusOf('contributors') }}
        />
        {enabled.map((section) => {
          const result = byId.get(section.id);
          if (!result) return null;
          return <SectionSlot key={section.id} section={section} result={result} repo={repo} prefs={prefs} sectionRef={refFor(section.id)} />;
        })}
      </div>
    </PanelShell>
  );
}

/**
 * One section, rendered again only when its own snapshot (or the repository, or the preferences)
 * changes: every answer re-renders the panel, and the sections already shown are left alone.
 */
function SectionSlot({ section, result, repo, prefs, sectionRef }: { section: RepoSection; result: QueryResult<unknown>; repo: RepoRef; prefs: PanelPreferences; sectionRef: Ref<HTMLElement> }) {
  // Retry is a new closure on every render; the memoized element calls the latest.
  const retry = useRef(result.retry);
  retry.current = result.retry;
  const { snapshot } = result;
  return useMemo(
    () => (
      <Section
        id={section.id}
        title={section.title}
        snapshot={snapshot as Snapshot<unknown>}
        onRetry={() => retry.current()}
        bodyHeight={section.bodyHeight}
        sentences={section.sentences}
        sectionRef={sectionRef}
      >
        {(data) => <SectionView View={section.View} data={data} repo={repo} prefs={prefs} />}
      </Section>
    ),
    [section, snapshot, repo, prefs, sectionRef],
  );
}

/**
 * A section's view, rendered again only when its own data (or the repository, or the preferences)
 * changes: the five answers arrive one by one, and each used to re-render every section shown so
 * far (the contributors' table of a big repository was rebuilt for each later answer). The same
 * element returned again is skipped by Preact.
 */
function SectionView({ View, data, repo, prefs }: { View: RepoSection['View']; data: unknown; repo: RepoRef; prefs: PanelPreferences }) {
  return useMemo(() => <View data={data as never} repo={repo} prefs={prefs} />, [View, data, repo, prefs]);
}
