import { browser } from 'wxt/browser';
import { Sparkline } from '../kit/Sparkline';
import { Stat } from '../kit/Stat';
import { useQuery } from '../kit/useQuery';
import type { StatboardClient } from '../../utils/statboardClient';
import type { OrgInsightsQuery, RepoStatsQuery, Snapshot } from '../../utils/protocol';
import type { PageTarget } from '../../utils/watchlist/target';
import { summarizeCommitActivity } from '../../utils/metrics/commitActivity';
import { rateLimitedShare } from '../../utils/metrics/insights';
import { orgQueries } from '../../utils/watchlist/refresh';
import { formatChange, formatCompact, formatNumber, formatPercent, formatRelativeTime } from '../../utils/metrics/format';
import { downsample } from '../../utils/metrics/sparkline';
import { noAccessSentence } from '../kit/stateSentences';

type RepoTarget = Extract<PageTarget, { kind: 'repo' }>;
type OrgTarget = Extract<PageTarget, { kind: 'org' }>;

/** A sentence for a snapshot that has no numbers to show (null when it has). */
function stateSentence(snapshot: Snapshot<unknown>, host: string, what: string): string | null {
  if (snapshot.data !== undefined) return null;
  switch (snapshot.state) {
    case 'loading':
      return `Nothing cached yet for ${what}; asking GitHub…`;
    case 'computing':
      return 'GitHub is computing these statistics; they will show in a moment.';
    case 'no-access':
      return snapshot.meta.message ?? noAccessSentence(host, what);
    case 'empty':
      return 'No commits in the last year.';
    default:
      return snapshot.meta.message ?? 'Statboard could not load these numbers.';
  }
}

/** "as of 5 min ago" when the numbers come from the cache and could not be refreshed. */
function Freshness({ snapshot }: { snapshot: Snapshot<unknown> }) {
  const { fetchedAt, stale, offline } = snapshot.meta;
  if (!fetchedAt || !(stale || offline)) return null;
  return <p class="sb-small sb-muted sb-asof">{offline ? 'Offline: ' : ''}as of {formatRelativeTime(fetchedAt, Date.now())}</p>;
}

export function RepoSummary({ client, target }: { client: StatboardClient; target: RepoTarget }) {
  const query: RepoStatsQuery & { stat: 'commit-activity' } = { kind: 'repo-stats', host: target.host.id, owner: target.owner, repo: target.repo, stat: 'commit-activity' };
  const { snapshot, retry } = useQuery(client, query);
  const sentence = stateSentence(snapshot, target.host.id, 'this repository’s commit activity');
  const weeks = snapshot.data ?? [];
  const summary = summarizeCommitActivity(weeks);
  const totals = weeks.slice(-52).map((w) => w.total);
  return (
    <div class="sb-current-body" data-state={snapshot.state}>
      {sentence ? (
        <StatePara sentence={sentence} retry={snapshot.meta.retryable ? retry : undefined} options={snapshot.state === 'no-access'} />
      ) : (
        <>
          <dl class="sb-stats">
            <Stat stat="commits" label="Commits, 52 weeks" value={formatNumber(summary.commits)} why="Commits to the default branch in the last 52 weeks, merges excluded." />
            <Stat stat="trend" label="Last 4 weeks" value={formatChange(summary.trend.change)} why={`${formatNumber(summary.trend.recent)} commits in the last 4 weeks against ${formatNumber(summary.trend.previous)} in the 4 before.`} />
            <Stat stat="active-weeks" label="Active weeks" value={`${summary.activeWeeks} of 52`} why="Weeks with at least one commit." />
          </dl>
          <Sparkline values={totals} width={328} height={32} label={`Weekly commits over 52 weeks, ${formatNumber(summary.commits)} in all`} />
          <Freshness snapshot={snapshot} />
        </>
      )}
    </div>
  );
}

export function OrgSummary({ client, target }: { client: StatboardClient; target: OrgTarget }) {
  // The watch list's own query for this org's last 24 hours, the one the org panel's 24-hour
  // preset asks too: popup, watch refresh and panel share one cached answer.
  const timeQuery: (OrgInsightsQuery & { report: 'time' }) | null = target.host.hasApiInsights
    ? orgQueries({ host: target.host.id, name: target.org }, Date.now()).time
    : null;
  const summaryQuery: (OrgInsightsQuery & { report: 'summary' }) | null = timeQuery && {
    kind: 'org-insights',
    host: timeQuery.host,
    org: timeQuery.org,
    scope: timeQuery.scope,
    minTimestamp: timeQuery.minTimestamp,
    maxTimestamp: timeQuery.maxTimestamp,
    report: 'summary',
  };
  const summary = useQuery(client, summaryQuery);
  const time = useQuery(client, timeQuery);
  if (!target.host.hasApiInsights) {
    return <div class="sb-current-body" data-state="no-access"><StatePara sentence={`${target.host.id} is a GitHub Enterprise Server: it has no API Insights.`} /></div>;
  }
  const snapshot = summary.snapshot;
  // From the URL alone `/NAME` may be a user: say so rather than blame the token.
  const sentence =
    snapshot.state === 'no-access' && !target.certain && snapshot.meta.reason === 'not-found'
      ? 'No API Insights here: this is a user, or an organization your token cannot read insights for.'
      : stateSentence(snapshot, target.host.id, 'this organization’s API Insights');
  const data = snapshot.data;
  const share = data ? rateLimitedShare(data) : null;
  const series = (time.snapshot.data ?? []).map((p) => p.totalRequests);
  return (
    <div class="sb-current-body" data-state={snapshot.state}>
      {sentence || !data ? (
        <StatePara sentence={sentence ?? ''} retry={snapshot.meta.retryable ? summary.retry : undefined} options={snapshot.state === 'no-access'} />
      ) : (
        <>
          <dl class="sb-stats">
            <Stat stat="requests" label="Requests, 24 hours" value={formatCompact(data.totalRequests)} why={`${formatNumber(data.totalRequests)} API requests to this organization in the last 24 hours (reported hours late).`} />
            <Stat stat="rate-limited" label="Rate limited" value={share === null ? '—' : formatPercent(share)} why={`${formatNumber(data.rateLimitedRequests)} of those requests were rate limited.`} />
          </dl>
          {series.length > 1 && <Sparkline values={downsample(series, 48, 'sum')} width={328} height={32} label="Requests over the last 24 hours" />}
          <Freshness snapshot={snapshot} />
        </>
      )}
    </div>
  );
}

/** The popup is an extension page: it opens the options itself (a content script must ask the background). */
const openOptions = () => void browser.runtime.openOptionsPage();

/** A state sentence with its action: retry, or the options where a token is added or fixed (no-access). */
function StatePara({ sentence, retry, options }: { sentence: string; retry?: () => void; options?: boolean }) {
  return (
    <div class="sb-state-line">
      <p>{sentence}</p>
      {retry && (
        <button type="button" class="sb-btn sb-btn-sm" onClick={retry}>
          Retry
        </button>
      )}
      {options && (
        <button type="button" class="sb-btn sb-btn-sm" onClick={openOptions} data-open-options>
          Open Statboard options
        </button>
      )}
    </div>
  );
}
