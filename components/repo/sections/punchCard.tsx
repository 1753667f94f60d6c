import type { ScriptableContext } from 'chart.js';
import { ChartCanvas, SectionData, themedScale, tickFont, withAlpha, type TableColumn } from '../../kit';
import { busiestPunchSlot, formatNumber, hourLabel, punchGrid, weekdayName } from '../../../utils/metrics';
import { REPO_STATISTICS } from '../../../utils/github/repoStatistics';
import { repoStatsQuery, type RepoSection } from '../types';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const DAYS = [0, 1, 2, 3, 4, 5, 6];

interface Row {
  day: number;
  hour: number;
  commits: number;
}

const COLUMNS: TableColumn<Row>[] = [
  { header: 'Day', value: (r) => weekdayName(r.day) },
  { header: 'Hour', value: (r) => hourLabel(r.hour) },
  { header: 'Commits', value: 'commits', numeric: true },
];

export const punchCard: RepoSection<'punch-card'> = {
  id: 'punch-card',
  title: REPO_STATISTICS['punch-card'].title,
  bodyHeight: 212,
  query: (repo) => repoStatsQuery(repo, 'punch-card'),
  View({ data, repo }) {
    const grid = punchGrid(data);
    const busiest = busiestPunchSlot(grid);
    const rows: Row[] = grid.flatMap((hours, day) => hours.map((commits, hour) => ({ day, hour, commits })));
    const max = Math.max(1, ...rows.map((r) => r.commits));
    const sentence = busiest
      ? `Busiest: ${weekdayName(busiest.day)} at ${hourLabel(busiest.hour)}, ${formatNumber(busiest.commits)} commits.`
      : 'No commits to place on the week.';
    return (
      <>
        <p class="sb-summary">{sentence}</p>
        <ChartCanvas
          label={`Commits by weekday and hour. ${sentence}`}
          height={132}
          dataKey={data}
          describe={(_, i) => {
            const r = rows[i];
            return r ? `${weekdayName(r.day)} ${hourLabel(r.hour)}: ${formatNumber(r.commits)} commits` : '';
          }}
          config={(c) => ({
            type: 'matrix',
            data: {
              datasets: [
                {
                  label: 'Commits',
                  data: rows.map((r) => ({ x: hourLabel(r.hour), y: weekdayName(r.day, 'short'), v: r.commits })),
                  // Empty slots stay visible (the grid reads as a week); others scale with their count.
                  backgroundColor: (ctx: ScriptableContext<'matrix'>) => {
                    const v = (ctx.raw as { v?: number } | undefined)?.v ?? 0;
                    return v === 0 ? c.heatEmpty : withAlpha(c.success, 0.25 + 0.75 * (v / max));
                  },
                  borderWidth: 0,
                  borderRadius: 2,
                  width: ({ chart }) => Math.max(2, (chart.chartArea?.width ?? 240) / 24 - 2),
                  height: ({ chart }) => Math.max(2, (chart.chartArea?.height ?? 100) / 7 - 2),
                },
              ],
            },
            options: {
              // Nearest cell centre: the matrix element's own hit test misses in chartjs-chart-matrix 3.1.
              interaction: { mode: 'nearest', intersect: false },
              scales: {
                x: themedScale(c, {
                  type: 'category',
                  labels: HOURS.map(hourLabel),
                  offset: true,
                  grid: { display: false },
                  ticks: { ...tickFont(c), autoSkip: false, callback: (_: unknown, i: number) => (i % 6 === 0 ? hourLabel(i) : '') },
                }),
                y: themedScale(c, {
                  type: 'category',
                  labels: DAYS.map((d) => weekdayName(d, 'short')),
                  offset: true,
                  // The matrix controller reverses y by default; Sunday goes on top, as on GitHub.
                  reverse: false,
                  grid: { display: false },
                  ticks: { ...tickFont(c), autoSkip: false },
                }),
              },
            },
          })}
        />
        <p class="sb-summary">Hours are in each commit's own time zone.</p>
        <SectionData
          section="punch-card"
          subject={repo.nwo}
          json={data}
          table={{ caption: "Commits by weekday and hour (each commit's own time zone)", columns: COLUMNS, rows }}
        />
      </>
    );
  },
};

export default punchCard;
