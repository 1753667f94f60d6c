import type { Participation } from '../protocol';
import { countAt, shareOf } from './series';

/**
 * Participation (`stats/participation`): 52 weeks oldest first, `all` commits and the `owner`'s
 * (a subset of all). Both arrays are read up to the length of `all`; a missing owner week is 0.
 */

export interface ParticipationSeries {
  all: number[];
  owner: number[];
  /** all − owner per week, never below 0 (GitHub's two counts are computed separately) */
  others: number[];
}

export function participationSeries(participation: Participation): ParticipationSeries {
  const length = participation.all.length;
  const all = new Array<number>(length);
  const owner = new Array<number>(length);
  const others = new Array<number>(length);
  for (let i = 0; i < length; i++) {
    all[i] = countAt(participation.all, i);
    owner[i] = countAt(participation.owner, i);
    others[i] = Math.max(0, (all[i] as number) - (owner[i] as number));
  }
  return { all, owner, others };
}

/**
 * The owner's share of all commits in the period, 0..1. Each owner week is capped at that
 * week's total so inconsistent data cannot exceed 100 %. Null when there were no commits.
 */
export function ownerShare(participation: Participation): number | null {
  let all = 0;
  let owner = 0;
  for (let i = 0; i < participation.all.length; i++) {
    const weekAll = countAt(participation.all, i);
    all += weekAll;
    owner += Math.min(weekAll, countAt(participation.owner, i));
  }
  return shareOf(owner, all);
}
