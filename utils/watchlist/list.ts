import type { HostId, WatchEntry } from '../protocol';
import { isValidOwner, isValidRepo } from '../github/names';

/** Pure rules of the watch list: names, identity, add and remove. */

/** Enough to keep the hourly background refresh cheap (2 requests per org, 1 per repo). */
export const MAX_WATCHED = 30;

/** Whether `name` is a valid `owner/repo` (repo) or org login (org). */
export function isValidWatchName(kind: WatchEntry['kind'], name: string): boolean {
  if (kind === 'org') return isValidOwner(name);
  const [owner, repo, extra] = name.split('/');
  return extra === undefined && isValidOwner(owner) && isValidRepo(repo);
}

/** GitHub names are case-insensitive: `Acme/Widgets` and `acme/widgets` are one entry. */
export function watchKey(entry: { host: HostId; kind: WatchEntry['kind']; name: string }): string {
  return `${entry.host}|${entry.kind}|${entry.name.toLowerCase()}`;
}

export function isWatched(list: readonly WatchEntry[], entry: { host: HostId; kind: WatchEntry['kind']; name: string }): boolean {
  const key = watchKey(entry);
  return list.some((e) => watchKey(e) === key);
}

export type AddResult = { ok: true; list: WatchEntry[] } | { ok: false; error: string };

/** Adds at the top; an entry already there stays where it is (with its numbers). */
export function addWatchEntry(list: readonly WatchEntry[], entry: Omit<WatchEntry, 'addedAt' | 'latest'>, now: number): AddResult {
  if (!isValidWatchName(entry.kind, entry.name)) return { ok: false, error: 'That is not a repository or organization name.' };
  if (isWatched(list, entry)) return { ok: true, list: [...list] };
  if (list.length >= MAX_WATCHED) return { ok: false, error: `The watch list holds at most ${MAX_WATCHED} entries; unpin one first.` };
  return { ok: true, list: [{ host: entry.host, kind: entry.kind, name: entry.name, addedAt: now }, ...list] };
}

export function removeWatchEntry(list: readonly WatchEntry[], entry: { host: HostId; kind: WatchEntry['kind']; name: string }): WatchEntry[] {
  const key = watchKey(entry);
  return list.filter((e) => watchKey(e) !== key);
}
