/**
 * The schedule for asking again after GitHub answers 202 ("computing"): about 1 s, doubling,
 * capped at 30 s, giving up once the sequence has run 3 minutes. The sequence itself is
 * persisted (cache.ts `polls`) so it resumes when the worker wakes up again.
 */

export const POLL_FIRST_DELAY_MS = 1_000;
export const POLL_MAX_DELAY_MS = 30_000;
export const POLL_GIVE_UP_MS = 3 * 60_000;
/** Chrome's alarms fire no sooner than 30 s: shorter waits rely on timers only. */
export const ALARM_MIN_MS = 30_000;
export const POLL_ALARM = 'statboard-poll';

/** The wait after the `attempt`-th 202 (1-based). */
export function pollDelay(attempt: number): number {
  return Math.min(POLL_FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1), POLL_MAX_DELAY_MS);
}

/** Whether a sequence that started at `firstAt` has run long enough to give up. */
export function shouldGiveUp(firstAt: number, now: number): boolean {
  return now - firstAt >= POLL_GIVE_UP_MS;
}

/**
 * Below the budget's reserve a visible section still polls, four times slower (at least 4 s,
 * at most a minute): each poll costs one of the few requests left.
 */
export function lowBudgetPollDelay(attempt: number): number {
  return Math.min(Math.max(4_000, pollDelay(attempt) * 4), 60_000);
}
