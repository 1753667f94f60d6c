import { formatDateTime, formatNumber, incrementMs, type Increment, type InsightsPreset } from '../../../utils/metrics';

const MINUTE = 60_000;
import type { InsightsTimePoint } from '../../../utils/protocol';

/** The insights view's words: windows, intervals, kinds of caller, routes. */

export const DELAY_SENTENCE =
  'No API requests are recorded in this window yet. GitHub usually adds requests to API Insights 4 to 6 hours after they are made.';

export const PRESET_LABELS: Record<InsightsPreset, string> = {
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

/** "the previous 7 days", for comparisons; a custom window is "the previous period". */
export function previousLabel(preset: InsightsPreset | 'custom'): string {
  switch (preset) {
    case '24h':
      return 'the previous 24 hours';
    case '7d':
      return 'the previous 7 days';
    case '30d':
      return 'the previous 30 days';
    default:
      return 'the previous period of the same length';
  }
}

const INCREMENT_WORDS: Record<Increment, string> = {
  '5m': '5 minutes',
  '10m': '10 minutes',
  '15m': '15 minutes',
  '30m': '30 minutes',
  '1h': 'hour',
  '2h': '2 hours',
  '3h': '3 hours',
  '6h': '6 hours',
  '12h': '12 hours',
  '1d': 'day',
};

/** "every 5 minutes", "every hour", "every day" */
export function incrementLabel(increment: Increment): string {
  return `every ${INCREMENT_WORDS[increment]}`;
}

/**
 * The chart's text alternative: the window, the busiest bucket and the rate-limited total, so a
 * screen reader user gets what the eye takes from the lines.
 */
export function timeSeriesSentence(points: readonly InsightsTimePoint[], increment: Increment, utc: boolean, windowEnd?: number): string {
  if (points.length === 0) return 'No requests in this window.';
  let total = 0;
  let limited = 0;
  let peak = points[0]!;
  for (const point of points) {
    total += point.totalRequests;
    limited += point.rateLimitedRequests;
    if (point.totalRequests > peak.totalRequests) peak = point;
  }
  const from = formatDateTime(points[0]!.time, { utc });
  const lastEnd = points[points.length - 1]!.time + incrementMs(increment);
  const to = formatDateTime(windowEnd === undefined ? lastEnd : Math.min(lastEnd, windowEnd), { utc });
  const busiest =
    peak.totalRequests > 0
      ? ` Busiest: ${formatNumber(peak.totalRequests)} requests from ${formatDateTime(peak.time, { utc })}.`
      : '';
  return `Requests ${incrementLabel(increment)} from ${from} to ${to}: ${formatNumber(total)} in all, ${formatNumber(limited)} rate limited.${busiest}`;
}

/** Axis tick text: the time of day for short windows, the date for long ones. */
export function tickLabel(ms: number, windowMs: number, utc: boolean): string {
  const full = formatDateTime(ms, { utc }); // `Mar 3, 2026 14:05 UTC`
  const [monthDay = '', rest = ''] = full.split(', ');
  const time = rest.split(' ')[1] ?? '';
  return windowMs <= 2 * 24 * 60 * MINUTE ? time : monthDay;
}

const KIND_LABELS: Record<string, string> = {
  user: 'User',
  installation: 'GitHub App',
  github_app_user_to_server: 'GitHub App for a user',
  oauth_app: 'OAuth app',
  classic_pat: 'Personal access token (classic)',
  fine_grained_pat: 'Fine-grained personal access token',
};

/** What a subject or actor type is called in GitHub's UI; unknown types are shown as sent. */
export function kindLabel(type: string): string {
  return KIND_LABELS[type] ?? type;
}

/** A route split after each `/`, so a long route wraps between its parts, not inside a word. */
export function routeParts(route: string): string[] {
  return route.split(/(?<=\/)/);
}
