import type { Snapshot } from '../../utils/protocol';

/** Fallback when the engine sent no sentence (it normally does, naming the exact cause). */
export function noAccessSentence(host: string, what: string): string {
  return `Statboard cannot read ${what.toLowerCase()} on ${host}: the repository may be private, or your token may lack access. Check the token in Statboard's options.`;
}

/**
 * When every section is blocked for the same reason (no access, rate limit) the panel says it
 * once instead of once per section; returns that shared snapshot, or null.
 */
export function sharedBlock(snapshots: readonly Snapshot<unknown>[]): Snapshot<unknown> | null {
  const first = snapshots[0];
  if (!first || (first.state !== 'no-access' && first.state !== 'rate-limited')) return null;
  const same = snapshots.every((s) => s.state === first.state && s.meta.message === first.meta.message && s.data === undefined);
  return same ? first : null;
}
