import { ColumnChart, SectionData, type TableColumn } from '../../kit';
import { formatNumber, formatWeekLabel, summarizeCommitActivity, weekdayName } from '../../../utils/metrics';
import type { CommitWeek } from '../../../utils/protocol';
import { REPO_STATISTICS } from '../../../utils/github/repoStatistics';
import { isoWeek, repoStatsQuery, type RepoSection } from '../types';

const DAYS = [0, 1, 2, 3, 4, 5, 6];

const COLUMNS: TableColumn<CommitWeek>[] = [
  { header: 'Week of', value: (w) => isoWeek(w.week) },
  { header: 'Commits', value: 'total', numeric: true },
  ...DAYS.map((d): TableColumn<CommitWeek> => ({ header: weekdayName(d, 'short'), value: (w) => w.days[d] ?? 0, numeric: true })),
];

export const commitActivity: RepoSection<'commit-activity'> = {
  id: 'commit-activity',
  title: REPO_STATISTICS['commit-activity'].title,
  bodyHeight: 282,
  query: (repo) => repoStatsQuery(repo, 'commit-activity'),
  View({ data, repo }) {
    const summary = summarizeCommitActivity(data);
    const busiest = summary.busiestWeekday;
    return (
      <>
        <p class="sb-summary">
          {formatNumber(summary.commits)} commits in the last 52 weeks
          {busiest ? `; most on ${weekdayName(busiest.day)}s.` : '.'}
        </p>
        {/* DOM columns, not Chart.js: this section is the one in view when a repository page
            opens, and without a Chart.js chart there, most page views never load Chart.js. */}
        <ColumnChart
          label={`Weekly commits over the last 52 weeks, ${formatNumber(summary.commits)} in total.`}
          height={112}
          tone="success"
          values={data.map((w) => w.total)}
          labels={data.map((w) => formatWeekLabel(w.week))}
          describe={(i) => (data[i] ? `Week of ${formatWeekLabel(data[i].week)}: ${formatNumber(data[i].total)} commits` : '')}
        />
        <p class="sb-summary sb-caption">By weekday</p>
        <ColumnChart
          label={`Commits per weekday: ${DAYS.map((d) => `${weekdayName(d)} ${formatNumber(summary.weekdays[d] ?? 0)}`).join(', ')}.`}
          height={64}
          values={summary.weekdays}
          labels={DAYS.map((d) => weekdayName(d, 'short'))}
          xTicks={7}
          valueAxis={false}
          describe={(d) => `${weekdayName(d)}: ${formatNumber(summary.weekdays[d] ?? 0)} commits`}
        />
        <SectionData
          section="commit-activity"
          subject={repo.nwo}
          json={data}
          table={{ caption: 'Commits per week, oldest first (days Sunday first)', columns: COLUMNS, rows: data }}
        />
      </>
    );
  },
};

export default commitActivity;
