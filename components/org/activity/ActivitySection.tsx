import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { isoWeek } from '../../../utils/dates';
import { clockTime, ColumnChart, SectionData, Stat, StateMessage, type TableColumn } from '../../kit';
import { formatChange, formatNumber } from '../../../utils/metrics';
import type { OrgActivity } from '../../../utils/metrics/orgActivity';
import type { Snapshot } from '../../../utils/protocol';
import type { StatboardClient } from '../../../utils/statboardClient';
import { People } from './People';
import { RepoTable } from './RepoTable';
import { useOrgActivity, type ActivityResult, type RepoStatus } from './useOrgActivity';

export interface ActivitySectionProps {
  client: StatboardClient;
  host: string;
  org: string;
  /** how many of the most recently pushed repositories to count (preference, 5..30) */
  count: number;
  /** with a token: also the people, from each repository's contributors */
  withPeople: boolean;
  /** told the section's state (the panel root's `data-state`) */
  onState?(state: Snapshot['state']): void;
}

/** ISO date of a week's Sunday (UTC), the weeks table's and the export's week label. */
const isoDay = isoWeek;
const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

const WEEK_COLUMNS: TableColumn<{ week: string; commits: number }>[] = [
  { header: 'Week', value: 'week' },
  { header: 'Commits', value: 'commits', numeric: true },
];


// Heights of the ready view's parts (px), so the reserved space matches what arrives.
const FIXED_HEIGHT = 356;
const ROW_HEIGHT = 29;
const PEOPLE_HEIGHT = 400;

/**
 * Activity, for every visitor: weekly commits summed over the organization's most recently pushed
 * public repositories, the repositories ranked, and (with a token) the people. Totals say how many
 * repositories are in; a repository not yet counted is never shown as 0.
 */
export function ActivitySection({ client, host, org, count, withPeople, onState }: ActivitySectionProps) {
  const [includeAll, setIncludeAll] = useState(false);
  const result = useOrgActivity(client, host, org, { count, includeForksAndArchived: includeAll, withPeople });
  const headingId = useId();
  const { state, pick } = result;
  const expectedRows = pick ? pick.picked.length : count;
  const minHeight = FIXED_HEIGHT + ROW_HEIGHT * expectedRows + (withPeople ? PEOPLE_HEIGHT : 0);
  const listShown = pick !== null;
  useEffect(() => onState?.(state), [state, onState]);

  return (
    <section class="sb-section" data-section="activity" data-state={state} aria-labelledby={headingId}>
      <div class="sb-section-head">
        <h3 class="sb-section-title" id={headingId}>
          Activity
        </h3>
        {listShown ? (
          <label class="sb-check">
            <input type="checkbox" checked={includeAll} onChange={(e) => setIncludeAll(e.currentTarget.checked)} data-control="forks-archived" />
            Forks and archived
          </label>
        ) : null}
      </div>
      <Body result={result} org={org} host={host} minHeight={minHeight} withPeople={withPeople} includeAll={includeAll} />
    </section>
  );
}

function listSentences(org: string, list: Snapshot<unknown>): Partial<Record<Snapshot['state'], string>> {
  const status = list.meta.status;
  return {
    'no-access':
      status === 404
        ? `GitHub did not find ${org}'s repository list (HTTP 404): the organization may have been renamed, or it hides its members' repositories from this token.`
        : `GitHub refused to list ${org}'s repositories (HTTP ${status ?? 403}). ${list.meta.message ?? ''}`.trim(),
    empty: `${org} has no public repositories.`,
  };
}

function Body({
  result,
  org,
  host,
  minHeight,
  withPeople,
  includeAll,
}: {
  result: ActivityResult;
  org: string;
  host: string;
  minHeight: number;
  withPeople: boolean;
  includeAll: boolean;
}) {
  const { state, pick, activity, list } = result;
  if (!pick || !activity) {
    return <StateMessage snapshot={list} onRetry={result.retryList} what="Activity" minHeight={minHeight} sentences={listSentences(org, list)} />;
  }
  if (pick.picked.length === 0) {
    const sentence =
      pick.listed === 0
        ? `${org} has no public repositories.`
        : `All of ${org}'s ${plural(pick.listed, 'public repository is a fork or archived', 'public repositories are forks or archived')}: tick “Forks and archived” to count them.`;
    return (
      <div class="sb-state">
        <p>{sentence}</p>
      </div>
    );
  }
  if (state === 'loading') {
    return <StateMessage snapshot={{ state: 'loading', meta: {} }} onRetry={result.retryList} what="Activity" minHeight={minHeight} sentences={{}} />;
  }
  const counted = activity.repos.length;
  if (counted === 0 && state !== 'computing') {
    const first = result.repos.find((r) => r.progress === 'held' || r.progress === 'failed');
    const snapshot: Snapshot = first?.progress === 'held'
      ? { state: 'rate-limited', meta: { rateLimitedUntil: first.until } }
      : { state: 'error', meta: { retryable: true, message: first?.message } };
    return <StateMessage snapshot={snapshot} onRetry={result.retryRepos} what="Activity" minHeight={minHeight} />;
  }
  return (
    <div style={{ minHeight: `${minHeight}px` }}>
      <ReadyView result={result} activity={activity} org={org} host={host} withPeople={withPeople} includeAll={includeAll} />
    </div>
  );
}

function ruleSentence(org: string, picked: number, everyOne: boolean, leftOut: number): string {
  const which = everyOne ? plural(picked, 'public repository', 'public repositories') : `${formatNumber(picked)} most recently pushed repositories`;
  return `Weekly commits across ${org}'s ${which}${leftOut > 0 ? ' (forks and archived left out)' : ''}, last 52 weeks.`;
}

function progressSentence(repos: readonly RepoStatus[]): string | null {
  const total = repos.length;
  const counted = repos.filter((r) => r.progress === 'counted').length;
  if (counted === total) return null;
  const parts = [`${formatNumber(counted)} of ${plural(total, 'repository', 'repositories')} counted`];
  const counting = repos.filter((r) => r.progress === 'counting').length;
  if (counting) parts.push(`${formatNumber(counting)} counting (GitHub is computing their statistics)`);
  const held = repos.filter((r) => r.progress === 'held');
  if (held.length) {
    const until = Math.max(...held.map((r) => r.until ?? 0));
    parts.push(
      `${formatNumber(held.length)} wait for your hourly API budget${until ? ` (counted after ${clockTime(until)})` : ''}: Statboard keeps the last requests for the pages you open`,
    );
  }
  const failed = repos.filter((r) => r.progress === 'failed').length;
  if (failed) parts.push(`${formatNumber(failed)} could not be counted`);
  return `${parts.join('; ')}.`;
}

function ReadyView({
  result,
  activity,
  org,
  host,
  withPeople,
  includeAll,
}: {
  result: ActivityResult;
  activity: OrgActivity;
  org: string;
  host: string;
  withPeople: boolean;
  includeAll: boolean;
}) {
  const pick = result.pick!;
  const repos = result.repos;
  const progress = progressSentence(repos);
  const partial = progress !== null;
  const eligible = includeAll ? pick.listed : pick.listed - pick.forksLeftOut - pick.archivedLeftOut;
  const rule = ruleSentence(org, pick.picked.length, pick.picked.length >= eligible, includeAll ? 0 : pick.forksLeftOut + pick.archivedLeftOut);
  const weekRows = useMemo(() => activity.weekStarts.map((w, i) => ({ week: isoDay(w), commits: activity.weeks[i] ?? 0 })), [activity]);
  const trendValue = activity.recent === 0 && activity.previous === 0 ? '0' : formatChange(activity.change);
  const so = partial ? ' (so far: the counted repositories only)' : '';
  const notCounted = repos.filter((r) => r.progress !== 'counted');
  const json = {
    org,
    rule,
    repositories: activity.repos.map((r) => ({ name: r.name, commits: r.total, recent: r.recent, previous: r.previous, weeks: r.weeks })),
    notCounted: notCounted.map((r) => ({ name: r.repo.name, progress: r.progress })),
    weeks: weekRows,
  };
  return (
    <>
      <p class="sb-summary" data-activity-rule>
        {rule}
      </p>
      {progress ? (
        <p class="sb-note" role="status" data-activity-progress>
          {progress}{' '}
          {repos.some((r) => r.progress === 'failed') ? (
            <button type="button" class="sb-btn sb-btn-invisible" onClick={result.retryRepos}>
              Retry
            </button>
          ) : null}
        </p>
      ) : null}
      <dl class="sb-headline" aria-label="Activity highlights">
        <Stat stat="commits" label="Commits, 52 weeks" value={formatNumber(activity.total)} why={`Commits to the default branches in the last 52 weeks, merge commits excluded${so}.`} />
        <Stat
          stat="active-repos"
          label="Active repositories"
          value={`${formatNumber(activity.activeRepos)} of ${formatNumber(activity.repos.length)}`}
          why="Counted repositories with at least one commit in the last 52 weeks."
        />
        <Stat
          stat="trend"
          label="Trend, 4 weeks"
          value={trendValue}
          why={`${formatNumber(activity.recent)} commits in the last 4 weeks against ${formatNumber(activity.previous)} in the 4 weeks before${so}.`}
        />
        <Stat
          stat="busiest"
          label="Busiest repository"
          value={activity.busiest ? activity.busiest.name : '—'}
          why={activity.busiest ? `${formatNumber(activity.busiest.total)} commits in the last 52 weeks.` : 'No counted repository has commits in the last 52 weeks.'}
        />
      </dl>
      <ColumnChart
        label={`Weekly commits over 52 weeks across ${formatNumber(activity.repos.length)} repositories: ${formatNumber(activity.total)} in all.`}
        height={112}
        values={activity.weeks}
        labels={weekRows.map((r) => r.week)}
        describe={(i) => (weekRows[i] ? `Week of ${weekRows[i].week}: ${formatNumber(weekRows[i].commits)} commits` : '')}
      />
      <SectionData
        section="activity-weeks"
        subject={org}
        json={json}
        table={{ caption: `Commits per week across the counted repositories, oldest first`, name: 'weeks', columns: WEEK_COLUMNS, rows: weekRows }}
      />
      <RepoTable activity={activity} org={org} host={host} notCounted={notCounted} json={json} />
      {withPeople && result.people ? <People people={result.people} host={host} org={org} /> : null}
    </>
  );
}
