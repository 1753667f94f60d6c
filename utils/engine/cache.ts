import type { IDBPDatabase } from 'idb';
import { DB_NAME, connect, defaultOpener, problemOf, type CacheEntry, type Opener, type PendingPoll, type StatboardDB } from './cacheDb';

/**
 * The IndexedDB cache of GitHub answers (background only), plus the small store of pending
 * 202 polls. Entries are evicted least-recently-used first once the total passes a cap. The
 * database itself (stores, migrations, the connection) is cacheDb.ts.
 */

export { DB_NAME, MIGRATIONS, OPEN_RETRY_MS, openStatboardDb, type CacheEntry, type Migration, type PendingPoll, type StatboardDB } from './cacheDb';

function sizeOf(data: unknown): number {
  const text = JSON.stringify(data ?? null);
  return new TextEncoder().encode(text).length;
}

/**
 * An answer larger than this share of the cap is shown but not stored: keeping it would evict
 * most of the cache to fit one entry (one big punch card took a 1 MB cache from 6 entries to 0).
 */
export const MAX_ENTRY_SHARE = 0.25;

export interface CacheOptions {
  /** the cap in bytes, read when evicting */
  capBytes: () => Promise<number> | number;
  now?: () => number;
  dbName?: string;
  /** the share of the cap one entry may take (default MAX_ENTRY_SHARE) */
  maxEntryShare?: number;
}

export interface Cache {
  get(key: string): Promise<CacheEntry | undefined>;
  /** stores an answer; false when it is larger than MAX_ENTRY_SHARE of the cap (not stored) */
  put(entry: Omit<CacheEntry, 'size' | 'lastAccess'>): Promise<boolean>;
  /** updates validation facts of an existing entry without touching its data */
  markValidated(key: string, validatedAt: number, extra?: { headSha?: string; etag?: string; pushedAt?: string }): Promise<void>;
  delete(key: string): Promise<void>;
  clearAll(): Promise<void>;
  sizeReport(): Promise<{ bytes: number; entries: number }>;
  /** why the cache cannot be used right now (IndexedDB did not open), or null */
  problem(): string | null;
  /** evicts least recently used entries until the total fits the cap; `keep` is never evicted */
  evict(keep?: string): Promise<void>;
  polls: PollStore;
}

export interface PollStore {
  save(poll: PendingPoll): Promise<void>;
  remove(key: string): Promise<void>;
  all(): Promise<PendingPoll[]>;
}

/**
 * A read moves an entry up the LRU order only when its last access is older than this. IndexedDB
 * has no partial update, so a touch rewrites the whole entry (a big repository's statistics are
 * megabytes); doing that on every read held up the other reads of a page visit (a warm
 * `acme/monolith` panel was ready 23 % sooner without it). LRU order to within ten minutes is
 * plenty for choosing what to evict past the cap.
 */
export const LRU_TOUCH_AFTER_MS = 10 * 60_000;

/**
 * Records a read in its own transaction, re-reading the entry there: a put that landed since the
 * read keeps its newer data (writing back the entry that was read would undo it).
 */
async function touch(d: IDBPDatabase<StatboardDB>, key: string, at: number): Promise<void> {
  const tx = d.transaction('entries', 'readwrite');
  const current = await tx.store.get(key);
  if (current && current.lastAccess < at) {
    current.lastAccess = at;
    await tx.store.put(current);
  }
  await tx.done;
}

export function createCache(options: CacheOptions): Cache {
  const now = options.now ?? Date.now;
  const opener: Opener = options.dbName ? { open: null, failedAt: Number.NEGATIVE_INFINITY, error: null } : defaultOpener;
  const db = () => connect(opener, options.dbName ?? DB_NAME, now);

  /**
   * The running byte total of the entries, so a put does not read (and deserialize) every entry
   * to decide about eviction. Counted once by a scan, then kept by each committed change. It
   * assumes this instance is the only writer of its database (the background's single cache).
   */
  let knownBytes: number | null = null;
  let counting: Promise<void> | null = null;
  const totalBytes = async (): Promise<number> => {
    if (knownBytes === null) {
      counting ??= cache.sizeReport().then(
        (r) => void (knownBytes ??= r.bytes),
        () => void (counting = null),
      );
      await counting;
    }
    return knownBytes ?? 0;
  };
  // Synchronous once counted: concurrent changes never lose each other's delta.
  const adjust = (delta: number) => {
    if (knownBytes !== null) knownBytes = Math.max(0, knownBytes + delta);
  };
  /** evictions run one at a time (each deletes by the total it sees) */
  let evicting: Promise<void> = Promise.resolve();

  /**
   * Entries being written: a get sees them at once, so an answer can be shown before IndexedDB
   * commits it (30 commits of an org's activity queue up one after another) and a visit right
   * after still finds it.
   */
  const writing = new Map<string, CacheEntry>();

  const cache: Cache = {
    problem: () => problemOf(opener),
    async get(key) {
      const pending = writing.get(key);
      if (pending) return { ...pending };
      const d = await db();
      const entry = await d.get('entries', key);
      if (!entry) return undefined;
      const at = now();
      if (at - entry.lastAccess >= LRU_TOUCH_AFTER_MS) {
        try {
          await touch(d, key, at);
        } catch {
          // The LRU touch is best effort: a full disk must not hide data that reads fine.
        }
        entry.lastAccess = at;
      }
      return entry;
    },
    async put(entry) {
      // Seen by get from here on (before the first await: the caller may show it right away).
      const full: CacheEntry = { ...entry, size: 0, lastAccess: now() };
      writing.set(full.key, full);
      try {
        const d = await db();
        // Measured after the first await, while the caller shows the answer: the JSON text of a
        // big repository's contributors (1 MB) took 4-5 ms of the worker before its snapshot left.
        full.size = sizeOf(entry.data) + entry.key.length;
        await totalBytes();
        if (full.size > (await options.capBytes()) * (options.maxEntryShare ?? MAX_ENTRY_SHARE)) return false;
        // Deleted, cleared or written again meanwhile: this one must not come back.
        if (writing.get(full.key) !== full) return false;
        const tx = d.transaction('entries', 'readwrite');
        const old = await tx.store.get(full.key);
        await tx.store.put(full);
        await tx.done;
        adjust(full.size - (old?.size ?? 0));
      } finally {
        if (writing.get(full.key) === full) writing.delete(full.key);
      }
      await cache.evict(full.key);
      return true;
    },
    async markValidated(key, validatedAt, extra = {}) {
      const pending = writing.get(key);
      if (pending) {
        pending.validatedAt = validatedAt;
        if (extra.headSha !== undefined) pending.headSha = extra.headSha;
        if (extra.etag !== undefined) pending.etag = extra.etag;
        if (extra.pushedAt !== undefined) pending.pushedAt = extra.pushedAt;
      }
      const d = await db();
      const tx = d.transaction('entries', 'readwrite');
      const entry = await tx.store.get(key);
      if (entry) {
        entry.validatedAt = validatedAt;
        entry.lastAccess = now();
        if (extra.headSha !== undefined) entry.headSha = extra.headSha;
        if (extra.etag !== undefined) entry.etag = extra.etag;
        if (extra.pushedAt !== undefined) entry.pushedAt = extra.pushedAt;
        await tx.store.put(entry);
      }
      await tx.done;
    },
    async delete(key) {
      writing.delete(key);
      const d = await db();
      await totalBytes();
      const tx = d.transaction('entries', 'readwrite');
      const old = await tx.store.get(key);
      if (old) await tx.store.delete(key);
      await tx.done;
      if (old) adjust(-old.size);
    },
    async clearAll() {
      writing.clear();
      const d = await db();
      await d.clear('entries');
      knownBytes = 0;
    },
    async sizeReport() {
      const d = await db();
      let bytes = 0;
      let entries = 0;
      let cursor = await d.transaction('entries').store.openCursor();
      while (cursor) {
        bytes += cursor.value.size;
        entries++;
        cursor = await cursor.continue();
      }
      return { bytes, entries };
    },
    evict(keep) {
      const run = async () => {
        const cap = await options.capBytes();
        const before = await totalBytes();
        if (before <= cap) return;
        const d = await db();
        const tx = d.transaction('entries', 'readwrite');
        let left = before;
        let freed = 0;
        let cursor = await tx.store.index('lastAccess').openCursor();
        while (cursor && left > cap) {
          // The entry just stored is what the user is looking at: never evicted to fit itself.
          if (cursor.value.key !== keep) {
            left -= cursor.value.size;
            freed += cursor.value.size;
            await cursor.delete();
          }
          cursor = await cursor.continue();
        }
        await tx.done;
        adjust(-freed);
      };
      const next = evicting.then(run);
      evicting = next.catch(() => undefined);
      return next;
    },
    polls: {
      async save(poll) {
        await (await db()).put('polls', poll);
      },
      async remove(key) {
        await (await db()).delete('polls', key);
      },
      async all() {
        return (await db()).getAll('polls');
      },
    },
  };
  return cache;
}

/** The cache key of an answer: API base + path + sorted query + the viewer it was fetched as. */
export function entryKey(apiBase: string, path: string, search: string, viewer: string): string {
  return `${apiBase}${path}${search ? `?${search}` : ''}#${viewer}`;
}
