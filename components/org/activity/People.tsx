import { DataTable, downloadText, ExportMenu } from '../../kit';
import { exportFileName, formatNumber, toCsv, toJson } from '../../../utils/metrics';
import type { OrgContributor } from '../../../utils/metrics/orgActivity';
import type { ActivityResult } from './useOrgActivity';

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

const PEOPLE_SHOWN = 10;

/** The top contributors across the counted repositories (with a token), bots apart. */
export function People({ people, host, org }: { people: NonNullable<ActivityResult['people']>; host: string; org: string }) {
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
      <DataTable
        table={{
          caption: 'Top contributors by commits in the last 52 weeks, bots apart',
          name: 'people',
          captionHidden: true,
          columns: [
            {
              header: 'Person',
              value: 'login',
              cell: (c) => (
                <a class="sb-link" href={`https://${host}/${encodeURIComponent(c.login)}`}>
                  {c.login}
                </a>
              ),
            },
            { header: 'Commits, 52 weeks', value: 'commits', numeric: true },
            { header: 'Repositories', value: 'repos', numeric: true },
          ],
          rows: result.people.slice(0, PEOPLE_SHOWN),
        }}
      />
      {result.bots.length ? (
        <p class="sb-count sb-caption" data-bots>
          Bots, apart: {result.bots.map((b) => `${b.login} (${formatNumber(b.commits)})`).join(', ')}.
        </p>
      ) : null}
    </div>
  );
}
