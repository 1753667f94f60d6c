import { ChartCanvas, SectionData, themedScale, tickFont, type TableColumn } from '../../kit';
import { codeFrequencyTotals, DEFAULT_CHART_POINTS, downsampleCodeFrequency, formatCompact, formatNumber, formatWeekLabel, MINUS } from '../../../utils/metrics';
import type { CodeFrequencyWeek } from '../../../utils/protocol';
import { REPO_STATISTICS } from '../../../utils/github/repoStatistics';
import { isoWeek, repoStatsQuery, type RepoSection } from '../types';

const COLUMNS: TableColumn<CodeFrequencyWeek>[] = [
  { header: 'Week of', value: (w) => isoWeek(w.week) },
  { header: 'Additions', value: 'additions', numeric: true },
  { header: 'Deletions', value: 'deletions', numeric: true },
];

export const TOO_LARGE = 'GitHub does not compute code frequency for repositories with 10,000 or more commits.';

export const codeFrequency: RepoSection<'code-frequency'> = {
  id: 'code-frequency',
  title: REPO_STATISTICS['code-frequency'].title,
  bodyHeight: 204,
  sentences: { 'too-large': TOO_LARGE },
  query: (repo) => repoStatsQuery(repo, 'code-frequency'),
  View({ data, repo }) {
    const totals = codeFrequencyTotals(data);
    // Long histories (15+ years) are summed into at most DEFAULT_CHART_POINTS (260) bars; totals stay exact.
    const points = downsampleCodeFrequency(data, DEFAULT_CHART_POINTS);
    const perBar = points.length < data.length ? ` Each bar sums ${Math.ceil(data.length / points.length)} weeks.` : '';
    return (
      <>
        <p class="sb-summary">
          <span class="sb-add">+{formatNumber(totals.additions)}</span>{' '}
          <span class="sb-del">
            {MINUS}
            {formatNumber(totals.deletions)}
          </span>{' '}
          lines over {formatNumber(data.length)} weeks.{perBar}
        </p>
        <ChartCanvas
          label={`Lines added and deleted per week: ${formatNumber(totals.additions)} added, ${formatNumber(totals.deletions)} deleted over ${data.length} weeks.`}
          height={120}
          dataKey={data}
          describe={(_, i) => {
            const w = points[i];
            return w ? `${perBar ? 'Weeks from' : 'Week of'} ${formatWeekLabel(w.week)}: +${formatNumber(w.additions)} ${MINUS}${formatNumber(w.deletions)}` : '';
          }}
          config={(c) => ({
            type: 'bar',
            data: {
              labels: points.map((w) => formatWeekLabel(w.week)),
              datasets: [
                { label: 'Additions', data: points.map((w) => w.additions), backgroundColor: c.success },
                { label: 'Deletions', data: points.map((w) => -w.deletions), backgroundColor: c.danger },
              ],
            },
            options: {
              // Additions go up and deletions down from 0 at the same x, so unstacked bars (grouped: false,
              // each drawn at its own x) are the same picture without Chart.js' stacking pass over 2 × 260 bars.
              datasets: { bar: { categoryPercentage: 1, barPercentage: 1, grouped: false } },
              scales: {
                x: themedScale(c, { grid: { display: false }, ticks: { ...tickFont(c), maxTicksLimit: 4 } }),
                y: themedScale(c, {
                  ticks: { ...tickFont(c), maxTicksLimit: 5, callback: (v: number | string) => formatCompact(Number(v)) },
                }),
              },
            },
          })}
        />
        <ul class="sb-legend">
          <li>
            <span class="sb-swatch" style={{ background: 'var(--bgColor-success-emphasis, #1f883d)' }} />
            Additions
          </li>
          <li>
            <span class="sb-swatch" style={{ background: 'var(--bgColor-danger-emphasis, #cf222e)' }} />
            Deletions
          </li>
        </ul>
        <SectionData
          section="code-frequency"
          subject={repo.nwo}
          json={data}
          table={{ caption: 'Lines added and deleted per week, oldest first', columns: COLUMNS, rows: data }}
        />
      </>
    );
  },
};

export default codeFrequency;
