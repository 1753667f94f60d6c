import {
  busiestPunchDay,
  busiestPunchHour,
  concentrationOf,
  formatChange,
  formatNumber,
  hourLabel,
  punchGrid,
  summarizeCommitActivity,
  summaryWindow,
  weekdayName,
} from '../../utils/metrics';
import type { CommitWeek, ContributorSummary, PunchCell } from '../../utils/protocol';

export interface HeadlineStat {
  /** stable hook: `data-stat` */
  id: 'commits' | 'active-weeks' | 'trend' | 'busiest-day' | 'busiest-hour' | 'concentration';
  label: string;
  /** the number; until its input arrives, what holds it up (`Not loaded yet`, `Loading…`), or `—` */
  value: string;
  /** one line: what the number means */
  why: string;
  /** set while the value is not a number yet: `data-pending` */
  pending?: InputStatus;
}

/**
 * Why an input has no data yet: its section is not fetched until seen (`deferred`), it is on its
 * way (`loading`: requested, or GitHub is computing), GitHub's limit holds it up (`limited`), or
 * it will not come (`off`: the section is turned off, or failed; its own section says why).
 */
export type InputStatus = 'deferred' | 'loading' | 'limited' | 'off';

export interface HeadlineInputs {
  commitActivity?: CommitWeek[];
  punchCard?: PunchCell[];
  /** the background's summary of contributors (what the panel gets) */
  contributors?: ContributorSummary;
  /** for inputs without data: why (default `off`, a dash) */
  status?: { commitActivity?: InputStatus; punchCard?: InputStatus; contributors?: InputStatus };
}

const NONE = '—';
const PENDING: Record<InputStatus, string> = { deferred: 'Not loaded yet', loading: 'Loading…', limited: 'Not loaded yet', off: NONE };
const SOURCE = { commitActivity: 'commit activity', punchCard: 'punch card', contributors: 'contributors' } as const;

/** An item whose input has not arrived says why, instead of a dash that looks like missing data. */
function pendingItem(stat: HeadlineStat, input: keyof typeof SOURCE, status: InputStatus | undefined): HeadlineStat {
  const why = status ?? 'off';
  if (why === 'off') return stat;
  return {
    ...stat,
    value: PENDING[why],
    pending: why,
    why:
      why === 'deferred'
        ? `From the ${SOURCE[input]} section: Statboard asks GitHub for it when you scroll to it (each request counts against GitHub's limit).`
        : why === 'limited'
          ? `From the ${SOURCE[input]} section: not loaded, GitHub's request limit is reached.`
          : `From the ${SOURCE[input]} section, on its way.`,
  };
}

/** The headline row; items whose input has not arrived say so (see InputStatus). */
export function headlineStats(inputs: HeadlineInputs): HeadlineStat[] {
  const { status = {} } = inputs;
  const stats = headlineValues(inputs);
  const inputOf: Record<HeadlineStat['id'], keyof typeof SOURCE> = {
    commits: 'commitActivity',
    'active-weeks': 'commitActivity',
    trend: 'commitActivity',
    'busiest-day': 'punchCard',
    'busiest-hour': 'punchCard',
    concentration: 'contributors',
  };
  return stats.map((stat) => {
    const input = inputOf[stat.id];
    return inputs[input] === undefined ? pendingItem(stat, input, status[input]) : stat;
  });
}

/** The headline numbers from whatever data has arrived; each stat says where it comes from. */
function headlineValues({ commitActivity, punchCard, contributors }: HeadlineInputs): HeadlineStat[] {
  const activity = commitActivity ? summarizeCommitActivity(commitActivity) : null;
  const grid = punchCard ? punchGrid(punchCard) : null;
  const day = grid ? busiestPunchDay(grid) : null;
  const hour = grid ? busiestPunchHour(grid) : null;
  const concentration = contributors ? concentrationOf(summaryWindow(contributors, '52w')) : null;
  const trend = activity?.trend;

  return [
    {
      id: 'commits',
      label: 'Commits, 52 weeks',
      value: activity ? formatNumber(activity.commits) : NONE,
      why: 'Commits to the default branch in the last 52 weeks, merge commits excluded.',
    },
    {
      id: 'active-weeks',
      label: 'Active weeks',
      value: activity ? `${activity.activeWeeks} of 52` : NONE,
      why: 'Weeks in the last year with at least one commit.',
    },
    {
      id: 'trend',
      label: 'Trend, 4 weeks',
      value: trend ? (trend.recent === 0 && trend.previous === 0 ? '0' : formatChange(trend.change)) : NONE,
      why: trend
        ? `${formatNumber(trend.recent)} commits in the last 4 weeks against ${formatNumber(trend.previous)} in the 4 weeks before.`
        : 'Commits in the last 4 weeks against the 4 weeks before.',
    },
    {
      id: 'busiest-day',
      label: 'Busiest day',
      value: day ? weekdayName(day.day) : NONE,
      why: day
        ? `${formatNumber(day.commits)} commits were made on ${weekdayName(day.day)}s, more than on any other weekday.`
        : 'The weekday with the most commits, from the punch card.',
    },
    {
      id: 'busiest-hour',
      label: 'Busiest hour',
      value: hour ? hourLabel(hour.hour) : NONE,
      why: hour
        ? `${formatNumber(hour.commits)} commits were made in the hour from ${hourLabel(hour.hour)}, in each commit's own time zone.`
        : "The hour of day with the most commits, in each commit's own time zone.",
    },
    {
      id: 'concentration',
      label: 'Half the commits by',
      value: concentration ? (concentration.count === 0 ? NONE : `${concentration.count} ${concentration.count === 1 ? 'person' : 'people'}`) : NONE,
      why:
        concentration && concentration.count > 0
          ? `${concentration.people.map((p) => p.login ?? 'unknown').join(', ')} made ${formatNumber(concentration.coveredCommits)} of the last year's ${formatNumber(concentration.totalCommits)} commits.`
          : "The fewest contributors who together made half of the last year's commits.",
    },
  ];
}
