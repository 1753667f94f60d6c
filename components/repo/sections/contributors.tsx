import { useMemo, useState } from 'preact/hooks';
import { SectionData, Sparkline, usePanel, type TableColumn } from '../../kit';
import { readOnce } from '../../kit/readOnce';
import {
  contributorsSentence,
  contributorTableOf,
  CONTRIBUTOR_WINDOWS,
  displayLogin,
  formatCompact,
  formatNumber,
  formatPercent,
  MINUS,
  summaryWindow,
  type ContributorRow,
  type ContributorWindow,
} from '../../../utils/metrics';
import { REPO_STATISTICS } from '../../../utils/github/repoStatistics';
import { repoStatsQuery, type RepoSection } from '../types';

const WINDOW_LABELS: Record<ContributorWindow, string> = {
  '4w': 'Last 4 weeks',
  '12w': 'Last 12 weeks',
  '52w': 'Last 52 weeks',
  all: 'All time',
};

/** How many people the list shows before "Show all". */
const LIST_LIMIT = 10;

const COLUMNS: TableColumn<ContributorRow>[] = [
  { header: 'Contributor', value: (r) => displayLogin(r.login) },
  { header: 'Commits', value: 'commits', numeric: true },
  { header: 'Additions', value: 'additions', numeric: true },
  { header: 'Deletions', value: 'deletions', numeric: true },
  { header: 'Share of commits', value: (r) => formatPercent(r.share) },
];

/** The profile on the page's own host (GHE too); bots live under /apps/. */
export function profileUrl(host: string, login: string): string {
  const bot = /^(.+)\[bot\]$/i.exec(login);
  return bot ? `https://${host}/apps/${encodeURIComponent(bot[1] ?? '')}` : `https://${host}/${encodeURIComponent(login)}`;
}

export const contributors: RepoSection<'contributors'> = {
  id: 'contributors',
  title: REPO_STATISTICS.contributors.title,
  bodyHeight: 587,
  query: (repo) => repoStatsQuery(repo, 'contributors'),
  // Sums per window from the background: a big repository's 100 x 800 weeks stay there.
  shape: 'contributor-summary',
  View({ data, repo, prefs }) {
    const { client } = usePanel();
    const [window, setWindow] = useState<ContributorWindow>('52w');
    const [showBots, setShowBots] = useState(prefs.showBots);
    const [showAll, setShowAll] = useState(false);
    // Per data, window and bots: "Show all" and re-renders keep the table of 100 people × 800 weeks.
    const table = useMemo(() => contributorTableOf(summaryWindow(data, window), { hideBots: !showBots }), [data, window, showBots]);
    const sparklines = data.windows[window].sparklines;
    const visible = showAll ? table.rows : table.rows.slice(0, LIST_LIMIT);
    const botCount = table.activeBots;
    return (
      <>
        <div class="sb-toolbar" style={{ marginTop: 0, marginBottom: 8 }}>
          <label class="sb-visually-hidden" for={`sb-window-${repo.nwo}`}>
            Contributors window
          </label>
          <select
            id={`sb-window-${repo.nwo}`}
            class="sb-select"
            value={window}
            onChange={(e) => setWindow((e.currentTarget as HTMLSelectElement).value as ContributorWindow)}
            data-control="window"
          >
            {CONTRIBUTOR_WINDOWS.map((w) => (
              <option key={w} value={w}>
                {WINDOW_LABELS[w]}
              </option>
            ))}
          </select>
          <span class="sb-spacer" />
          <label class="sb-check">
            <input type="checkbox" checked={showBots} onChange={() => setShowBots(!showBots)} data-control="bots" />
            Show bots{botCount ? ` (${botCount})` : ''}
          </label>
        </div>
        {/* The select right above names the window, so the usual sentence leaves it out and stays on one line. */}
        <p class="sb-summary">
          {table.rows.length === 0 && table.hiddenBots > 0
            ? `Only bots committed in ${WINDOW_LABELS[window].toLowerCase()}; tick Show bots to list them.`
            : table.rows.length === 0
            ? `No commits in ${WINDOW_LABELS[window].toLowerCase()}.`
            : `${contributorsSentence(table, formatNumber)}.`}
        </p>
        <ol class="sb-people" aria-label={`Top contributors, ${WINDOW_LABELS[window].toLowerCase()}`}>
          {visible.map((row) => (
            <li class="sb-person" key={row.index} data-login={row.login ?? ''}>
              <span class="sb-avatar" aria-hidden="true">
                {(row.login ?? '?').charAt(0).toUpperCase()}
              </span>
              <span class="sb-person-name">
                {row.login ? (
                  <a class="sb-link" href={profileUrl(repo.host, row.login)}>
                    {row.login}
                  </a>
                ) : (
                  displayLogin(null)
                )}
              </span>
              <Sparkline values={sparklines[row.index] ?? []} width={56} height={16} />
              <span class="sb-person-meta">
                <span>{formatNumber(row.commits)} commits</span>
                <span class="sb-add">+{formatCompact(row.additions)}</span>
                <span class="sb-del">
                  {MINUS}
                  {formatCompact(row.deletions)}
                </span>
              </span>
            </li>
          ))}
        </ol>
        {table.rows.length > LIST_LIMIT ? (
          <button type="button" class="sb-btn sb-btn-invisible" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
            {showAll ? 'Show top 10' : `Show all ${formatNumber(table.rows.length)}`}
          </button>
        ) : null}
        <SectionData
          section="contributors"
          subject={repo.nwo}
          // The export holds GitHub's whole answer (every week), which only the background keeps.
          loadJson={() => readOnce(client, repoStatsQuery(repo, 'contributors'))}
          table={{ caption: `Commits, additions and deletions per contributor, ${WINDOW_LABELS[window].toLowerCase()}`, columns: COLUMNS, rows: table.rows }}
        />
      </>
    );
  },
};

export default contributors;
