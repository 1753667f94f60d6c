import { ChartCanvas, SectionData, themedScale, type TableColumn } from '../../kit';
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
        <ChartCanvas
          label={`Weekly commits over the last 52 weeks, ${formatNumber(summary.commits)} in total.`}
          height={112}
          dataKey={data}
          describe={(_, i) => (data[i] ? `Week of ${formatWeekLabel(data[i].week)}: ${formatNumber(data[i].total)} commits` : '')}
          config={(c) => ({
            type: 'bar',
            data: {
              labels: data.map((w) => formatWeekLabel(w.week)),
              datasets: [{ label: 'Commits', data: data.map((w) => w.total), backgroundColor: c.success, categoryPercentage: 1, barPercentage: 0.8 }],
            },
            options: {
              scales: {
                x: themedScale(c, { grid: { display: false }, ticks: { ...tickFont(c), maxTicksLimit: 4 } }),
                y: themedScale(c, { beginAtZero: true, ticks: { ...tickFont(c), maxTicksLimit: 4, precision: 0 } }),
              },
            },
          })}
        />
        <p class="sb-summary sb-caption">By weekday</p>
        <ChartCanvas
          label={`Commits per weekday: ${DAYS.map((d) => `${weekdayName(d)} ${formatNumber(summary.weekdays[d] ?? 0)}`).join(', ')}.`}
          height={64}
          dataKey={data}
          describe={(_, d) => `${weekdayName(d)}: ${formatNumber(summary.weekdays[d] ?? 0)} commits`}
          config={(c) => ({
            type: 'bar',
            data: {
              labels: DAYS.map((d) => weekdayName(d, 'short')),
              datasets: [{ label: 'Commits', data: summary.weekdays, backgroundColor: c.accent, borderRadius: 2 }],
            },
            options: {
              scales: {
                x: themedScale(c, { grid: { display: false }, ticks: tickFont(c) }),
                y: { display: false, beginAtZero: true },
              },
            },
          })}
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

export function tickFont(c: { muted: string }) {
  return { color: c.muted, font: { size: 10 }, padding: 4, maxRotation: 0 };
}

export default commitActivity;
