import { Sparkline } from '../kit/Sparkline';
import type { WatchEntry } from '../../utils/protocol';
import type { GitHubHost } from '../../utils/github/hosts';
import { entrySummary, pageUrl } from '../../utils/watchlist/view';
import { watchKey } from '../../utils/watchlist/list';
import { formatRelativeTime } from '../../utils/metrics/format';

export interface WatchListProps {
  entries: WatchEntry[];
  hosts: GitHubHost[];
  onOpen(url: string): void;
  onUnpin(entry: WatchEntry): void;
}

/** The pinned repositories and organizations with their last numbers; a row opens its page. */
export function WatchList({ entries, hosts, onOpen, onUnpin }: WatchListProps) {
  if (entries.length === 0) {
    return (
      <p class="sb-small sb-muted sb-watch-empty" data-watchlist-empty>
        Nothing pinned yet. Open a repository or an organization on GitHub, then pin it here to follow its numbers.
      </p>
    );
  }
  const newest = Math.max(0, ...entries.map((e) => e.latest?.refreshedAt ?? 0));
  const now = Date.now();
  return (
    <>
      <ul class="sb-watch" aria-label="Watch list">
        {entries.map((entry) => {
          const host = hosts.find((h) => h.id === entry.host);
          const summary = entrySummary(entry, now);
          const label = `${entry.name}${entry.host === 'github.com' ? '' : ` on ${entry.host}`}`;
          return (
            <li key={watchKey(entry)} class="sb-watch-row" data-watch-entry={`${entry.kind}:${entry.host}/${entry.name}`} data-state={entry.latest?.state ?? 'loading'}>
              <button
                type="button"
                class="sb-watch-open"
                disabled={!host}
                onClick={() => host && onOpen(pageUrl(host, entry.name))}
                aria-label={`Open ${label}: ${summary}`}
              >
                <span class="sb-watch-text">
                  <span class="sb-watch-name">
                    <span class="sb-watch-kind" aria-hidden="true">{entry.kind === 'org' ? 'Org' : 'Repo'}</span> {label}
                  </span>
                  <span class="sb-small sb-muted sb-watch-summary">{summary}</span>
                </span>
                {entry.latest?.series && entry.latest.series.length > 1 && <Sparkline values={entry.latest.series} width={72} height={24} />}
              </button>
              <button type="button" class="sb-btn sb-btn-invisible sb-btn-sm sb-unpin" onClick={() => onUnpin(entry)} aria-label={`Unpin ${label}`} title="Unpin">
                ✕
              </button>
            </li>
          );
        })}
      </ul>
      {newest > 0 && <p class="sb-small sb-muted sb-watch-note">Refreshed {formatRelativeTime(newest, now)}, in the background.</p>}
    </>
  );
}
