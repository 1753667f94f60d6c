import type { WatchEntry } from '../protocol';
import { watchKey } from './list';

/**
 * The toolbar badge: how many watched organizations have rate-limited requests the user has
 * not seen yet. "Seen" is what the popup showed when it was last opened: for each org, the
 * newest rate-limited time known then (`marks`). API Insights reports requests hours late, so
 * comparing against the opening time alone would miss late-arriving requests.
 */
export interface SeenState {
  /** unix ms the popup was last opened; undefined before the first time */
  openedAt?: number;
  /** per watch key: the newest rate-limited time (ISO) shown at that opening, null for none */
  marks: Record<string, string | null>;
}

function time(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** Whether an org has rate-limited requests newer than what the user saw. */
export function hasUnseenRateLimits(entry: WatchEntry, seen: SeenState): boolean {
  if (entry.kind !== 'org') return false;
  const latest = time(entry.latest?.lastRateLimitedAt);
  if (latest === null) return false;
  const key = watchKey(entry);
  // An org pinned after the last opening has no mark: anything since that opening is new.
  const mark = key in seen.marks ? time(seen.marks[key]) : (seen.openedAt ?? null);
  return mark === null || latest > mark;
}

export function badgeCount(entries: readonly WatchEntry[], seen: SeenState): number {
  return entries.filter((entry) => hasUnseenRateLimits(entry, seen)).length;
}

/** Badge text: empty (hidden) for 0, capped so it fits. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** What the popup has now shown: every org's current newest rate-limited time. */
export function markSeen(entries: readonly WatchEntry[], now: number): SeenState {
  const marks: Record<string, string | null> = {};
  for (const entry of entries) if (entry.kind === 'org') marks[watchKey(entry)] = entry.latest?.lastRateLimitedAt ?? null;
  return { openedAt: now, marks };
}
