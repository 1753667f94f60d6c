import { openDB, type IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';

/**
 * Settings no web page may read or write: tokens, the host list and the watch list. They live in
 * the extension's own IndexedDB. Chrome and Firefox let content scripts read and write
 * `storage.local`, but a content script runs in the page's origin, so its `indexedDB` is the
 * page's (github.com's), never the extension's. Only the background and the extension's own
 * pages (popup, options), which run in the extension origin, can open this database. One
 * mechanism on both browsers; `storage.local.setAccessLevel` exists only in Chrome.
 *
 * Changes reach the other extension contexts through a BroadcastChannel, which also belongs to
 * the extension origin (web pages and content scripts cannot join it).
 *
 * Earlier versions kept these keys in `storage.local`: the first open moves them here once and
 * deletes them there. After that `storage.local` is never read for them again, so a value a
 * content script writes there later is ignored.
 */

export const PROTECTED_DB = 'statboard-protected';
const STORE = 'items';
const CHANNEL = 'statboard-protected';
/** set once the storage.local keys were moved */
const MIGRATED = 'migratedFromStorageLocal';
/** the storage.local keys of earlier versions that moved here */
export const LEGACY_KEYS = ['tokens', 'hosts', 'watchlist', 'watchlistSeen'] as const;

export interface ProtectedItem<T> {
  readonly key: string;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** called with the new value after a change from this context or another extension context */
  watch(callback: (next: T | null) => void): () => void;
}

/** A content script (a web page's origin) must never use this store: it would be the page's. */
function assertExtensionContext(): void {
  const loc = (globalThis as { location?: { protocol?: string } }).location;
  if (loc && (loc.protocol === 'http:' || loc.protocol === 'https:')) {
    throw new Error("Statboard's protected settings are only for the background and its own pages.");
  }
}

let dbPromise: Promise<IDBPDatabase> | null = null;

async function openAndMigrate(): Promise<IDBPDatabase> {
  const db = await openDB(PROTECTED_DB, 1, {
    upgrade(d) {
      d.createObjectStore(STORE);
    },
  });
  if ((await db.get(STORE, MIGRATED)) !== true) {
    const legacy = (await browser.storage.local.get([...LEGACY_KEYS])) as Record<string, unknown>;
    const tx = db.transaction(STORE, 'readwrite');
    // Another context may have migrated meanwhile: the flag is checked again inside the transaction.
    if ((await tx.store.get(MIGRATED)) !== true) {
      for (const key of LEGACY_KEYS) {
        if (legacy[key] !== undefined && (await tx.store.get(key)) === undefined) await tx.store.put(legacy[key], key);
      }
      await tx.store.put(true, MIGRATED);
    }
    await tx.done;
    await browser.storage.local.remove([...LEGACY_KEYS]);
  }
  return db;
}

function db(): Promise<IDBPDatabase> {
  assertExtensionContext();
  // A failed open is not kept: the next use tries again.
  dbPromise ??= openAndMigrate().catch((error: unknown) => {
    dbPromise = null;
    throw error;
  });
  return dbPromise;
}

type Callback = (next: unknown) => void;
const local = new Map<string, Set<Callback>>();
let channel: BroadcastChannel | null = null;

function notifyLocal(key: string, value: unknown): void {
  for (const callback of [...(local.get(key) ?? [])]) {
    try {
      callback(value);
    } catch {
      // one broken watcher must not stop the others
    }
  }
}

function ensureChannel(): BroadcastChannel | null {
  if (channel || typeof BroadcastChannel === 'undefined') return channel;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<{ key?: unknown; value?: unknown }>) => {
    const key = event.data?.key;
    if (typeof key === 'string' && local.has(key)) notifyLocal(key, event.data.value ?? null);
  };
  // Node (unit tests) would otherwise keep the process alive for the channel.
  (channel as unknown as { unref?: () => void }).unref?.();
  return channel;
}

export function defineProtectedItem<T>(key: string, fallback: T): ProtectedItem<T> {
  return {
    key,
    async getValue() {
      const value = (await (await db()).get(STORE, key)) as T | undefined;
      return value === undefined ? structuredClone(fallback) : value;
    },
    async setValue(value) {
      await (await db()).put(STORE, value, key);
      notifyLocal(key, value);
      try {
        ensureChannel()?.postMessage({ key, value });
      } catch {
        // nobody else listening, or a value the channel cannot clone: the write itself stands
      }
    },
    watch(callback) {
      assertExtensionContext();
      ensureChannel();
      let set = local.get(key);
      if (!set) local.set(key, (set = new Set()));
      const cb = callback as Callback;
      set.add(cb);
      return () => void local.get(key)?.delete(cb);
    },
  };
}

/**
 * For unit tests: forget everything (the next use opens a fresh database and migrates again).
 * `keepData`: only close the connection and forget the watchers, as a worker restart does.
 */
export async function resetProtectedStore(options: { keepData?: boolean } = {}): Promise<void> {
  const open = dbPromise;
  dbPromise = null;
  local.clear();
  if (open) (await open.catch(() => null))?.close();
  if (options.keepData) return;
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(PROTECTED_DB);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}
