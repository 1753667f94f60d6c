import { describe, expect, it } from 'vitest';
import { addWatchEntry, isValidWatchName, isWatched, MAX_WATCHED, removeWatchEntry } from '../../utils/watchlist/list';
import type { WatchEntry } from '../../utils/protocol';

const repo = { host: 'github.com', kind: 'repo', name: 'octo/widgets' } as const;
const org = { host: 'github.com', kind: 'org', name: 'acme' } as const;

function add(list: WatchEntry[], entry: Omit<WatchEntry, 'addedAt'>, now = 1): WatchEntry[] {
  const result = addWatchEntry(list, entry, now);
  if (!result.ok) throw new Error(result.error);
  return result.list;
}

describe('watch list', () => {
  it('adds newest first', () => {
    const list = add(add([], repo, 1), org, 2);
    expect(list.map((e) => e.name)).toEqual(['acme', 'octo/widgets']);
    expect(list[0]?.addedAt).toBe(2);
  });

  it('does not add the same entry twice, whatever the case', () => {
    const list = add([], repo);
    expect(add(list, { ...repo, name: 'Octo/Widgets' }, 5)).toEqual(list);
  });

  it('keeps the same name apart across kinds and hosts', () => {
    const list = add(add(add([], org), { ...org, kind: 'repo', name: 'acme/acme' }), { ...org, host: 'acme.ghe.com' });
    expect(list).toHaveLength(3);
  });

  it('removes one entry, case-insensitively', () => {
    const list = add(add([], repo), org);
    expect(removeWatchEntry(list, { ...repo, name: 'OCTO/widgets' }).map((e) => e.name)).toEqual(['acme']);
    expect(isWatched(list, org)).toBe(true);
    expect(isWatched(removeWatchEntry(list, org), org)).toBe(false);
  });

  it('refuses bad names and a full list', () => {
    expect(addWatchEntry([], { ...repo, name: 'octo' }, 1).ok).toBe(false);
    expect(addWatchEntry([], { ...org, name: 'a/b' }, 1).ok).toBe(false);
    let list: WatchEntry[] = [];
    for (let i = 0; i < MAX_WATCHED; i++) list = add(list, { ...org, name: `org${i}` });
    expect(addWatchEntry(list, org, 1)).toMatchObject({ ok: false, error: expect.stringMatching(/at most/) });
  });

  it('checks names like GitHub does', () => {
    expect(isValidWatchName('repo', 'octo/.github')).toBe(true);
    expect(isValidWatchName('repo', 'octo/..')).toBe(false);
    expect(isValidWatchName('repo', 'octo/a/b')).toBe(false);
    expect(isValidWatchName('org', '-acme')).toBe(false);
    expect(isValidWatchName('org', 'a'.repeat(40))).toBe(false);
  });
});
