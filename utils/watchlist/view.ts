import type { RateLimitInfo, WatchEntry } from '../protocol';
import type { GitHubHost } from '../github/hosts';
import { formatChange, formatCompact, formatNumber, formatPercent, formatRelativeTime } from '../metrics/format';

/** Words and links the popup shows, as pure functions of the data. */

/** The page a watched entry (or the current target) opens. */
export function pageUrl(host: Pick<GitHubHost, 'pagesOrigin'>, name: string): string {
  return `${host.pagesOrigin}/${name.split('/').map(encodeURIComponent).join('/')}`;
}

/** When fewer than this share of requests is left, the popup warns. */
export const LOW_RATE_SHARE = 0.1;

export interface RateLimitView {
  text: string;
  low: boolean;
}

export function rateLimitView(info: RateLimitInfo, now: number): RateLimitView {
  const low = info.limit > 0 && info.remaining / info.limit < LOW_RATE_SHARE;
  const reset = info.resetAt > now ? `, resets ${formatRelativeTime(info.resetAt, now)}` : '';
  return {
    text: `${formatNumber(info.remaining)} of ${formatNumber(info.limit)} requests left${reset}`,
    low,
  };
}

/**
 * One line with a watched entry's latest numbers, or why there are none. When the last refresh
 * failed, the older numbers it kept are shown with the failure and their age.
 */
export function entrySummary(entry: WatchEntry, now: number): string {
  const latest = entry.latest;
  if (!latest || latest.total === undefined) {
    if (latest?.message) return latest.message;
    return 'Waiting for the first refresh';
  }
  let numbers: string;
  if (entry.kind === 'repo') numbers = `${formatCompact(latest.total)} commits in 52 weeks`;
  else if (latest.activity) numbers = activitySummary(latest.total, latest.activity);
  else {
    const share = latest.total > 0 ? `, ${formatPercent((latest.rateLimited ?? 0) / latest.total)} rate limited` : '';
    numbers = `${formatCompact(latest.total)} requests in 24 hours${share}`;
  }
  if (latest.state === 'ready' || latest.state === 'empty') return numbers;
  const age = latest.fetchedAt !== undefined ? ` (numbers from ${formatRelativeTime(latest.fetchedAt, now)})` : '';
  return `${numbers} · ${latest.message ?? 'last refresh failed'}${age}`;
}

/** An org's Activity headline in one line: commits, active repositories, trend, the busiest one. */
export function activitySummary(total: number, a: NonNullable<WatchEntry['latest']>['activity'] & object): string {
  const trend = a.recent === 0 && a.previous === 0 ? '' : `, ${formatChange(a.previous === 0 ? null : (a.recent - a.previous) / a.previous)} over 4 weeks`;
  const counted = a.counted < a.repos ? ` (${a.counted} of ${a.repos} counted)` : '';
  const busiest = a.busiest ? `; busiest ${a.busiest}` : '';
  return `${formatCompact(total)} commits in 52 weeks, ${a.activeRepos} of ${a.counted} repositories active${counted}${trend}${busiest}`;
}
