import { ChartCanvas, SectionData, themedScale, tickFont, type TableColumn } from '../../kit';
import { formatNumber, formatPercent, ownerShare, participationSeries } from '../../../utils/metrics';
import { REPO_STATISTICS } from '../../../utils/github/repoStatistics';
import { repoStatsQuery, type RepoSection } from '../types';

interface Row {
  weeksAgo: number;
  all: number;
  owner: number;
  others: number;
}

const COLUMNS: TableColumn<Row>[] = [
  { header: 'Weeks ago', value: 'weeksAgo', numeric: true },
  { header: 'All commits', value: 'all', numeric: true },
  { header: 'Owner', value: 'owner', numeric: true },
  { header: 'Everyone else', value: 'others', numeric: true },
];

function weeksAgoLabel(n: number): string {
  return n === 0 ? 'this week' : `${n}w ago`;
}

export const participation: RepoSection<'participation'> = {
  id: 'participation',
  title: REPO_STATISTICS.participation.title,
  bodyHeight: 214,
  query: (repo) => repoStatsQuery(repo, 'participation'),
  View({ data, repo }) {
    const series = participationSeries(data);
    const share = ownerShare(data);
    const total = series.all.reduce((a, b) => a + b, 0);
    const n = series.all.length;
    const rows: Row[] = series.all.map((all, i) => ({ weeksAgo: n - 1 - i, all, owner: series.owner[i] ?? 0, others: series.others[i] ?? 0 }));
    const sentence =
      share === null
        ? 'No commits in the last 52 weeks.'
        : `The owner made ${formatPercent(share)} of the ${formatNumber(total)} commits in the last 52 weeks.`;
    return (
      <>
        <p class="sb-summary">{sentence}</p>
        <ChartCanvas
          label={`Weekly commits by the owner and by everyone else over 52 weeks. ${sentence}`}
          height={112}
          dataKey={data}
          describe={(_, i) => {
            const r = rows[i];
            return r ? `${weeksAgoLabel(r.weeksAgo)}: owner ${formatNumber(r.owner)}, everyone else ${formatNumber(r.others)}` : '';
          }}
          config={(c) => ({
            type: 'bar',
            data: {
              labels: rows.map((r) => weeksAgoLabel(r.weeksAgo)),
              datasets: [
                { label: 'Owner', data: series.owner, backgroundColor: c.accent },
                { label: 'Everyone else', data: series.others, backgroundColor: c.neutral },
              ],
            },
            options: {
              datasets: { bar: { categoryPercentage: 1, barPercentage: 0.8 } },
              scales: {
                x: themedScale(c, { stacked: true, grid: { display: false }, ticks: { ...tickFont(c), maxTicksLimit: 3 } }),
                y: themedScale(c, { stacked: true, beginAtZero: true, ticks: { ...tickFont(c), maxTicksLimit: 4, precision: 0 } }),
              },
            },
          })}
        />
        <ul class="sb-legend">
          <li>
            <span class="sb-swatch" style={{ background: 'var(--bgColor-accent-emphasis, #0969da)' }} />
            Owner
          </li>
          <li>
            <span class="sb-swatch" style={{ background: 'var(--bgColor-neutral-emphasis, #59636e)' }} />
            Everyone else
          </li>
        </ul>
        <SectionData
          section="participation"
          subject={repo.nwo}
          json={data}
          table={{ caption: 'Commits per week by the owner and everyone else, oldest first', columns: COLUMNS, rows }}
        />
      </>
    );
  },
};

export default participation;
