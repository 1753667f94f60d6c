import type { ContributorStats, ContributorSummary } from '../protocol';
import { CONTRIBUTOR_WINDOWS, windowSums } from './contributors';
import { downsample } from './sparkline';

/** Points per sparkline in the contributors list (its 56 px wide lines). */
export const SUMMARY_SPARKLINE_POINTS = 26;

/**
 * The contributors section's and the headline's numbers, without the weekly arrays: per window
 * ('4w', '12w', '52w', 'all', each ending at the answer's last week, as the panel shows them),
 * every person's commits, additions and deletions and a 26-point sparkline. Run in the
 * background before the data crosses the port: a big repository's 100 people x 800 weeks
 * (240,000 numbers) become about 12,000. `contributorTable` and `commitConcentration` give the
 * same answers from this as from the full data.
 */
export function summarizeContributors(stats: ContributorStats, sparklinePoints = SUMMARY_SPARKLINE_POINTS): ContributorSummary {
  const people = stats.contributors.map(({ login, id, htmlUrl, avatarUrl, isBot, total }) => ({ login, id, htmlUrl, avatarUrl, isBot, total }));
  const windows = {} as ContributorSummary['windows'];
  for (const window of CONTRIBUTOR_WINDOWS) {
    const { span, commits, additions, deletions } = windowSums(stats, window);
    const sparklines = stats.contributors.map((person) => downsample(person.commits, sparklinePoints, 'sum', span.from, span.to));
    windows[window] = { span, commits: [...commits], additions: [...additions], deletions: [...deletions], sparklines };
  }
  return { shape: 'contributor-summary', weekCount: stats.weeks.length, people, windows };
}

/** Whether contributors data is the background's summary rather than the full answer. */
export function isContributorSummary(data: ContributorStats | ContributorSummary): data is ContributorSummary {
  return (data as ContributorSummary).shape === 'contributor-summary';
}
