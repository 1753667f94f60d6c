import type { QueryState } from './protocol';

/**
 * One precedence of query states for every place that shows several queries as one: the problem
 * a user must act on first (no access, then the rate limit, then errors), then what will not
 * change by waiting (too large), then "still working".
 */
export const STATE_PRECEDENCE: readonly QueryState[] = ['no-access', 'rate-limited', 'error', 'too-large', 'computing', 'loading'];

/**
 * A panel's overall state: `ready` as soon as any section is, otherwise the first state in
 * STATE_PRECEDENCE that a section is in (an access problem explains everything below it),
 * `empty` when that is all there is, `loading` when nothing is known.
 */
export function panelState(states: readonly QueryState[]): QueryState {
  if (states.includes('ready')) return 'ready';
  const problem = STATE_PRECEDENCE.find((state) => state !== 'loading' && states.includes(state));
  return problem ?? (states.includes('empty') ? 'empty' : 'loading');
}

/**
 * One state for a group of queries shown together (a drill-down section): every part must be
 * ready for the group to be, so the first state in STATE_PRECEDENCE any part is in wins; `empty`
 * only when every part is empty.
 */
export function combineStates(states: readonly QueryState[]): QueryState {
  const first = STATE_PRECEDENCE.find((state) => states.includes(state));
  if (first) return first;
  if (states.length > 0 && states.every((s) => s === 'empty')) return 'empty';
  return 'ready';
}
