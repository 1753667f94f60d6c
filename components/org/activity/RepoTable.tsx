import { DataTable, downloadText, ExportMenu, Sparkline, type TableColumn } from '../../kit';
import { exportFileName, formatChange, formatNumber, toCsv, toJson } from '../../../utils/metrics';
import type { CountedRepo, OrgActivity } from '../../../utils/metrics/orgActivity';
import type { RepoStatus } from './useOrgActivity';

const REPO_COLUMNS: TableColumn<CountedRepo>[] = [
  { header: 'Repository', value: 'name' },
  { header: 'Commits, 52 weeks', value: 'total', numeric: true },
  { header: 'Last 4 weeks', value: 'recent', numeric: true },
  { header: '4 weeks before', value: 'previous', numeric: true },
];

/** The table as shown: linked names, the trend with its two counts on hover, a sparkline each. */
function shownColumns(host: string, org: string): TableColumn<CountedRepo>[] {
  return [
    {
      header: 'Repository',
      value: 'name',
      cell: (repo) => (
        <a class="sb-link" href={`https://${host}/${encodeURIComponent(org)}/${encodeURIComponent(repo.name)}`}>
          {repo.name}
        </a>
      ),
    },
    { header: 'Commits, 52 weeks', value: 'total', numeric: true },
    {
      header: 'Trend, 4 weeks',
      value: (repo) => trendText(repo),
      numeric: true,
      cell: (repo) => <span title={`${formatNumber(repo.recent)} in the last 4 weeks, ${formatNumber(repo.previous)} in the 4 before`}>{trendText(repo)}</span>,
    },
    { header: 'Weekly commits', value: () => '', headerHidden: true, cell: (repo) => <Sparkline values={repo.weeks} width={96} height={18} /> },
  ];
}

function trendText(repo: Pick<CountedRepo, 'recent' | 'previous' | 'change'>): string {
  return repo.recent === 0 && repo.previous === 0 ? '0' : formatChange(repo.change);
}

/** The counted repositories by commits, with a trend and a sparkline each, and those not counted yet. */
export function RepoTable({
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
      <DataTable
        table={{
          caption: 'Counted repositories by commits in the last 52 weeks',
          name: 'repositories',
          captionHidden: true,
          wrapClass: 'sb-repos',
          columns: shownColumns(host, org),
          rows: activity.repos,
        }}
      />
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
