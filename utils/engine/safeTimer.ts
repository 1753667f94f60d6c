/**
 * Timers that cannot overflow. `setTimeout` keeps its delay in a signed 32-bit integer: a delay
 * over 2^31-1 ms (about 24.8 days), or one that is not a finite number, fires at once. A
 * `retry-after: 3000000` or a reset time far in the future handed straight to a timer made the
 * engine ask again immediately, over and over (thousands of snapshots a second). Every engine
 * wait goes through here.
 */

/** Chrome's alarms fire no sooner than 30 s: shorter waits rely on timers only. */
export const ALARM_MIN_MS = 30_000;

/** The longest delay `setTimeout` honours. */
export const TIMER_MAX_MS = 2 ** 31 - 1;

/**
 * The longest the engine waits before asking GitHub again, whatever an answer says: GitHub's
 * own windows are an hour at most, so a longer wait is a bad header, and asking again after an
 * hour costs one request and learns the real wait.
 */
export const MAX_WAIT_MS = 60 * 60_000;

/** A delay a timer can take: finite, 0 or more, at most MAX_WAIT_MS. NaN counts as "at once". */
export function safeDelay(ms: number): number {
  if (Number.isNaN(ms) || ms <= 0) return 0;
  return Math.min(ms, MAX_WAIT_MS, TIMER_MAX_MS);
}

/** A point in time no further than MAX_WAIT_MS from `now` (NaN or past: `now`). */
export function capUntil(until: number, now: number): number {
  return now + safeDelay(until - now);
}

/** `setTimeout` with the delay made safe (see safeDelay). */
export function setSafeTimeout(run: () => void, ms: number): ReturnType<typeof setTimeout> {
  return setTimeout(run, safeDelay(ms));
}
