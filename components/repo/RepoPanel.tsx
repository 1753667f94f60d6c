import { useMemo, useRef } from 'preact/hooks';
import { clockTime, PanelShell, panelState, Section, sharedBlock, shownData, StateMessage, useQueries, type QueryResult } from '../kit';
import type { CommitWeek, ContributorStats, PunchCell, Snapshot } from '../../utils/protocol';
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

/** The repository panel: headline numbers and one section per enabled statistic. */
export function RepoPanel({ client, repo, prefs, initialCollapsed }: RepoPanelProps) {
  const enabled = SECTIONS.filter((s) => prefs.repoSections[s.id] !== false);
  // Hidden sections are not watched: hiding one saves its requests (its headline numbers show a dash).
  const results = useQueries(
    client,
    SECTIONS.map((s) => (prefs.repoSections[s.id] !== false ? s.query(repo) : null)),
  );
  const byId = new Map(SECTIONS.map((s, i) => [s.id, results[i]]));
  const shown = enabled.map((s) => byId.get(s.id)?.snapshot as Snapshot<unknown>);
  const fetched = shown.filter((s) => shownData(s) !== undefined && s.meta.fetchedAt).map((s) => s.meta.fetchedAt as number);
  const subtitle = fetched.length ? `as of ${clockTime(Math.min(...fetched))}` : undefined;
  const block = sharedBlock(shown);

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
          contributors={dataOf<ContributorStats>(byId.get('contributors')?.snapshot)}
        />
        {enabled.map((section) => {
          const result = byId.get(section.id);
          if (!result) return null;
          return <SectionSlot key={section.id} section={section} result={result} repo={repo} prefs={prefs} />;
        })}
      </div>
    </PanelShell>
  );
}

/**
 * One section, rendered again only when its own snapshot (or the repository, or the preferences)
 * changes: every answer re-renders the panel, and the sections already shown are left alone.
 */
function SectionSlot({ section, result, repo, prefs }: { section: RepoSection; result: QueryResult<unknown>; repo: RepoRef; prefs: PanelPreferences }) {
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
      >
        {(data) => <SectionView View={section.View} data={data} repo={repo} prefs={prefs} />}
      </Section>
    ),
    [section, snapshot, repo, prefs],
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
