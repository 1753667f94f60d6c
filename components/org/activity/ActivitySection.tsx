import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { isoWeek } from '../../../utils/dates';
import {
  clockTime,
  ColumnChart,
  downloadText,
  ExportMenu,
  SectionData,
  Sparkline,
  Stat,
  StateMessage,
  type TableColumn,
} from '../../kit';
import { exportFileName, formatChange, formatNumber, toCsv, toJson } from '../../../utils/metrics';
import type { CountedRepo, OrgActivity, OrgContributor } from '../../../utils/metrics/orgActivity';
import type { Snapshot } from '../../../utils/protocol';
import type { StatboardClient } from '../../../utils/statboardClient';
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

const REPO_COLUMNS: TableColumn<CountedRepo>[] = [
  { header: 'Repository', value: 'name' },
  { header: 'Commits, 52 weeks', value: 'total', numeric: true },
  { header: 'Last 4 weeks', value: 'recent', numeric: true },
  { header: '4 weeks before', value: 'previous', numeric: true },
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

function trendText(repo: Pick<CountedRepo, 'recent' | 'previous' | 'change'>): string {
  return repo.recent === 0 && repo.previous === 0 ? '0' : formatChange(repo.change);
}

function RepoTable({
  activity,
  org,
  host,
  notCounted,
  json,
}: {
  activity: OrgActivity;
  org: string;
  host: string;
  notCounted: RepoStatus[];
  json: unknown;
}) {
  return (
    <div class="sb-part">
      <div class="sb-part-head">
        <h4 class="sb-part-title">Repositories by commits</h4>
        <ExportMenu
          onCsv={() => downloadText(exportFileName('activity-repositories', org, 'csv'), 'text/csv', toCsv(REPO_COLUMNS, activity.repos))}
          onJson={() => downloadText(exportFileName('activity-repositories', org, 'json'), 'application/json', toJson(json))}
        />
      </div>
      <div class="sb-table-wrap sb-repos">
        <table class="sb-table" data-table="repositories">
          <caption class="sb-visually-hidden">Counted repositories by commits in the last 52 weeks</caption>
          <thead>
            <tr>
              <th scope="col">Repository</th>
              <th scope="col" class="sb-num">
                Commits, 52 weeks
              </th>
              <th scope="col" class="sb-num">
                Trend, 4 weeks
              </th>
              <th scope="col">
                <span class="sb-visually-hidden">Weekly commits</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {activity.repos.map((repo) => (
              <tr key={repo.name}>
                <td>
                  <a class="sb-link" href={`https://${host}/${encodeURIComponent(org)}/${encodeURIComponent(repo.name)}`}>
                    {repo.name}
                  </a>
                </td>
                <td class="sb-num">{formatNumber(repo.total)}</td>
                <td class="sb-num" title={`${formatNumber(repo.recent)} in the last 4 weeks, ${formatNumber(repo.previous)} in the 4 before`}>
                  {trendText(repo)}
                </td>
                <td>
                  <Sparkline values={repo.weeks} width={96} height={18} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {notCounted.length ? (
        <p class="sb-count sb-caption" data-not-counted>
          Not counted yet:{' '}
          {notCounted.map((r, i) => (
            <span key={r.repo.name} data-progress={r.progress}>
              {i ? ', ' : ''}
              {r.repo.name} ({r.progress === 'counting' ? 'counting' : r.progress === 'held' ? 'waiting for the rate limit' : 'failed'})
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}

const PEOPLE_SHOWN = 10;

function People({ people, host, org }: { people: NonNullable<ActivityResult['people']>; host: string; org: string }) {
  const { result, statuses } = people;
  const commits = (list: OrgContributor[]) => list.reduce((sum, c) => sum + c.commits, 0);
  const counted = statuses.filter((s) => s.progress === 'counted').length;
  const peopleSentence = `${plural(result.people.length, 'person', 'people')}${result.bots.length ? ` and ${plural(result.bots.length, 'bot', 'bots')}` : ''} made ${plural(commits(result.people) + commits(result.bots) + result.unknownCommits, 'commit', 'commits')} in the last 52 weeks`;
  return (
    <div class="sb-part" data-part="people">
      <div class="sb-part-head">
        <h4 class="sb-part-title">Top contributors</h4>
        <ExportMenu
          onCsv={() =>
            downloadText(
              exportFileName('activity-people', org, 'csv'),
              'text/csv',
              toCsv(
                [
                  { header: 'Login', value: 'login' },
                  { header: 'Bot', value: (c: OrgContributor) => (c.isBot ? 'yes' : 'no') },
                  { header: 'Commits, 52 weeks', value: 'commits' },
                  { header: 'Repositories', value: 'repos' },
                ],
                [...result.people, ...result.bots],
              ),
            )
          }
          onJson={() => downloadText(exportFileName('activity-people', org, 'json'), 'application/json', toJson(result))}
        />
      </div>
      <p class="sb-summary" data-people-summary>
        {peopleSentence}
        {counted < statuses.length ? `, in ${formatNumber(counted)} of ${plural(statuses.length, 'repository', 'repositories')} counted so far.` : '.'}
      </p>
      <div class="sb-table-wrap">
        <table class="sb-table" data-table="people">
          <caption class="sb-visually-hidden">Top contributors by commits in the last 52 weeks, bots apart</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col" class="sb-num">
                Commits, 52 weeks
              </th>
              <th scope="col" class="sb-num">
                Repositories
              </th>
            </tr>
          </thead>
          <tbody>
            {result.people.slice(0, PEOPLE_SHOWN).map((c) => (
              <tr key={c.login}>
                <td>
                  <a class="sb-link" href={`https://${host}/${encodeURIComponent(c.login)}`}>
                    {c.login}
                  </a>
                </td>
                <td class="sb-num">{formatNumber(c.commits)}</td>
                <td class="sb-num">{formatNumber(c.repos)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.bots.length ? (
        <p class="sb-count sb-caption" data-bots>
          Bots, apart: {result.bots.map((b) => `${b.login} (${formatNumber(b.commits)})`).join(', ')}.
        </p>
      ) : null}
    </div>
  );
}
