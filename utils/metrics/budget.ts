import type { RateLimitInfo } from '../protocol';
import { clockTime } from '../dates';
import { formatNumber } from './format';

/**
 * What the panels and the popup say about GitHub's request budget (pure). The thresholds are the
 * engine's (utils/engine/rateLimitGovernor.ts): below the reserve Statboard loads only what is
 * seen and starts no background work, so that is when the user is told.
 */

/** Kept equal to the governor's RESERVE_REQUESTS / INTERACTIVE_RESERVE (a unit test checks). */
export const BUDGET_RESERVE_REQUESTS = 15;
export const BUDGET_RESERVE_SHARE = 0.1;
/** The limit with a token (FACTS.md: 5,000 an hour; 15,000 for some Enterprise Cloud apps). */
export const TOKEN_LIMIT = 5000;

export interface BudgetNotice {
  level: 'low' | 'spent';
  /** e.g. `12 of 60 requests left this hour.` */
  left: string;
  /** e.g. `They come back at 14:05.` (local time) */
  back: string;
  /** without a token (a limit below a token's): `A token raises the limit to 5,000 an hour.` */
  token?: string;
}

/** The notice for a budget near or at its end, or null while it is healthy (or past its reset). */
export function budgetNotice(info: RateLimitInfo | undefined, now: number): BudgetNotice | null {
  if (!info || info.limit <= 0 || info.resetAt <= now) return null;
  const reserve = Math.max(BUDGET_RESERVE_REQUESTS, Math.ceil(info.limit * BUDGET_RESERVE_SHARE));
  if (info.remaining >= reserve) return null;
  const spent = info.remaining <= 0;
  const requests = (n: number) => `${formatNumber(n)} ${n === 1 ? 'request' : 'requests'}`;
  return {
    level: spent ? 'spent' : 'low',
    left: spent
      ? `All ${requests(info.limit)} this hour are used${info.limit < TOKEN_LIMIT ? ' (without a token GitHub counts every app on your network together)' : ''}.`
      : `${formatNumber(info.remaining)} of ${requests(info.limit)} left this hour: Statboard now loads only what you look at.`,
    back: `They come back at ${clockTime(info.resetAt)}. Saved statistics stay shown with their age.`,
    ...(info.limit < TOKEN_LIMIT ? { token: `A token raises the limit to ${formatNumber(TOKEN_LIMIT)} an hour.` } : {}),
  };
}
