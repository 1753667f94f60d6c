import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Query } from '../protocol';

/**
 * The cache's IndexedDB database: its stores, their migrations, and one connection that is
 * reopened when it is gone and retried after a failed open.
 */

export const DB_NAME = 'statboard';

export interface CacheEntry {
  /** API base + path + sorted query + `#` + viewer login */
  key: string;
  /** the HTTP status the data stands for: 200, 204 (empty) or 422 (too large) */
  status: number;
  data: unknown;
  etag?: string;
  /** repo stats: the default-branch head the data was computed for */
  headSha?: string;
  /** repo stats asked for an org's activity: the repository's `pushed_at` the data was fetched at */
  pushedAt?: string;
  /** unix ms of the answer that brought `data` */
  fetchedAt: number;
  /** unix ms when the data was last confirmed current (304, same head) */
  validatedAt: number;
  /** approximate bytes (JSON length) */
  size: number;
  lastAccess: number;
}

/** A 202 sequence in progress, persisted so it survives the worker stopping. */
export interface PendingPoll {
  key: string;
  query: Query;
  /** unix ms of the first 202 */
  firstAt: number;
  attempt: number;
  /** unix ms of the next try */
  nextAt: number;
}

export interface StatboardDB extends DBSchema {
  entries: { key: string; value: CacheEntry; indexes: { lastAccess: number } };
  polls: { key: string; value: PendingPoll };
}

type UpgradeTx = IDBPTransaction<StatboardDB, StoreNames<StatboardDB>[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<StatboardDB>, tx: UpgradeTx) => void;

/**
 * One step per version, applied in order from the stored version; the database version is
 * `MIGRATIONS.length`. To add v2: append a step; never edit a released step.
 */
export const MIGRATIONS: readonly Migration[] = [
  // v1: entries by key with an LRU index; pending polls.
  (db) => {
    const entries = db.createObjectStore('entries', { keyPath: 'key' });
    entries.createIndex('lastAccess', 'lastAccess');
    db.createObjectStore('polls', { keyPath: 'key' });
  },
];

export function openStatboardDb(
  name = DB_NAME,
  migrations: readonly Migration[] = MIGRATIONS,
  /** the connection was closed under us (a newer version wants it, or the browser ended it) */
  onGone?: () => void,
): Promise<IDBPDatabase<StatboardDB>> {
  return openDB<StatboardDB>(name, migrations.length, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < migrations.length; v++) migrations[v]!(db, tx);
    },
    blocking(_current, _blocked, event) {
      // A newer version wants the database: let it go rather than block the upgrade.
      (event.target as IDBDatabase).close();
      onGone?.();
    },
    terminated() {
      onGone?.();
    },
  });
}

/**
 * After a failed open, the next try waits this long: IndexedDB that cannot open (a newer-version
 * database left by a downgrade, a broken profile, private modes) is asked again later instead of
 * failing forever; meanwhile every read is a miss and answers come from the network.
 */
export const OPEN_RETRY_MS = 60_000;

/** One database connection, reopened when it is gone and retried after a failed open. */
export interface Opener {
  open: Promise<IDBPDatabase<StatboardDB>> | null;
  failedAt: number;
  error: unknown;
}

export const defaultOpener: Opener = { open: null, failedAt: Number.NEGATIVE_INFINITY, error: null };

export function connect(opener: Opener, name: string, now: () => number): Promise<IDBPDatabase<StatboardDB>> {
  if (opener.open) return opener.open;
  if (opener.error !== null && now() - opener.failedAt < OPEN_RETRY_MS) return Promise.reject(opener.error);
  const attempt = openStatboardDb(name, MIGRATIONS, () => {
    if (opener.open === attempt) opener.open = null;
  });
  opener.open = attempt;
  attempt.then(
    () => {
      opener.error = null;
    },
    (error: unknown) => {
      if (opener.open === attempt) opener.open = null;
      opener.failedAt = now();
      opener.error = error ?? new Error('IndexedDB did not open.');
    },
  );
  return attempt;
}

/** A sentence for the options page when the cache cannot be used, else null. */
export function problemOf(opener: Opener): string | null {
  if (opener.error === null) return null;
  const name = opener.error instanceof DOMException ? ` (${opener.error.name})` : '';
  return `Statboard cannot open its saved answers in this browser profile${name}, so panels fetch from GitHub on every visit and use more of your API budget. Statboard tries again every minute; restarting the browser may help.`;
}
