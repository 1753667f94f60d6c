import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { LRU_TOUCH_AFTER_MS, MIGRATIONS, createCache, openStatboardDb, type Migration } from '../../utils/engine/cache';
import { cacheCommandHandlers, dispatchCommand, registerCommandHandlers, resetCommandHandlers } from '../../utils/engine/commands';

const entry = (key: string, bytes: number) => ({ key, status: 200, data: 'x'.repeat(bytes), fetchedAt: 1, validatedAt: 1 });

describe('cache', () => {
  it('evicts least recently used entries past the cap', async () => {
    let t = 1000;
    // Entries of 40 % of the cap: allowed here (maxEntryShare) so three of them pass it.
    const cache = createCache({ capBytes: () => 2500, now: () => t++, dbName: 'lru', maxEntryShare: 1 });
    await cache.put(entry('a', 1000));
    await cache.put(entry('b', 1000));
    t += LRU_TOUCH_AFTER_MS;
    await cache.get('a'); // a is now more recent than b
    await cache.put(entry('c', 1000));
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('c')).toBeDefined();
    const report = await cache.sizeReport();
    expect(report.entries).toBe(2);
    expect(report.bytes).toBeLessThanOrEqual(2500);
  });

  it("a put leaves its caller at once: the entry's size is counted after, and stored", async () => {
    const cache = createCache({ capBytes: () => 1e9, dbName: 'size-later' });
    const data = { weeks: [1, 2, 3], rows: ['é'] };
    const stringify = vi.spyOn(JSON, 'stringify');
    const kept = cache.put({ key: 'k', status: 200, data, fetchedAt: 1, validatedAt: 1 });
    // The engine emits the answer right after put() returns: nothing of the data was serialized yet.
    expect(stringify.mock.calls.some(([value]) => value === data)).toBe(false);
    expect(await kept).toBe(true);
    stringify.mockRestore();
    const bytes = new TextEncoder().encode(JSON.stringify(data)).length + 'k'.length;
    expect(await cache.get('k')).toMatchObject({ size: bytes });
    expect(await cache.sizeReport()).toEqual({ bytes, entries: 1 });
  });

  it('an entry being written is read back before IndexedDB commits it, and stays after', async () => {
    const cache = createCache({ capBytes: () => 1e9, dbName: 'write-behind' });
    const kept = cache.put(entry('a', 10));
    // Not awaited: the engine shows an answer at once and a visit right after must find it.
    expect(await cache.get('a')).toMatchObject({ key: 'a', data: 'x'.repeat(10) });
    await cache.markValidated('a', 42);
    expect(await kept).toBe(true);
    expect(await cache.get('a')).toMatchObject({ key: 'a', validatedAt: 42 });
    // Deleted while being written: gone for reads at once.
    const again = cache.put(entry('b', 10));
    await cache.delete('b');
    expect(await cache.get('b')).toBeUndefined();
    await again;
  });

  it('a read within ten minutes of the last access writes nothing; a later one records it', async () => {
    let t = 1000;
    const cache = createCache({ capBytes: () => 1e9, now: () => t, dbName: 'touch-throttle' });
    await cache.put(entry('a', 1000));
    const writes = vi.spyOn(IDBObjectStore.prototype, 'put');
    try {
      t += LRU_TOUCH_AFTER_MS - 1;
      expect(await cache.get('a')).toMatchObject({ lastAccess: 1000 });
      expect(writes).not.toHaveBeenCalled();
      t += 1;
      expect(await cache.get('a')).toMatchObject({ lastAccess: 1000 + LRU_TOUCH_AFTER_MS });
      expect(writes).toHaveBeenCalledTimes(1);
    } finally {
      writes.mockRestore();
    }
    expect(await cache.get('a')).toMatchObject({ lastAccess: 1000 + LRU_TOUCH_AFTER_MS });
  });

  it('a touch never writes back older data over a put that landed after the read', async () => {
    let t = 1000;
    const cache = createCache({ capBytes: () => 1e9, now: () => t, dbName: 'touch-race' });
    await cache.put({ ...entry('a', 10), data: 'old' });
    t += LRU_TOUCH_AFTER_MS;
    // The read and a newer answer's put race; whatever the order, the newer data stays.
    const [read] = await Promise.all([cache.get('a'), cache.put({ ...entry('a', 10), data: 'new' })]);
    expect(['old', 'new']).toContain(read?.data);
    expect((await cache.get('a'))?.data).toBe('new');
  });

  it('a touch that cannot be written (disk full) still returns the entry', async () => {
    let t = 1000;
    const cache = createCache({ capBytes: () => 1e9, now: () => t, dbName: 'touch-full' });
    await cache.put({ ...entry('a', 10), data: 'kept' });
    t += LRU_TOUCH_AFTER_MS;
    const full = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      expect(await cache.get('a')).toMatchObject({ data: 'kept' });
      expect(full).toHaveBeenCalled();
    } finally {
      full.mockRestore();
    }
  });

  it('a put under the cap reads no other entry (a running total, not a scan per put)', async () => {
    const cache = createCache({ capBytes: () => 1e9, dbName: 'running-total' });
    for (let i = 0; i < 20; i++) await cache.put(entry(`k${i}`, 100));
    const scans = vi.spyOn(IDBObjectStore.prototype, 'openCursor');
    try {
      for (let i = 20; i < 30; i++) await cache.put(entry(`k${i}`, 100));
      expect(scans).not.toHaveBeenCalled();
    } finally {
      scans.mockRestore();
    }
    expect(await cache.sizeReport()).toMatchObject({ entries: 30 });
  });

  it('the running total follows replaced, deleted and cleared entries', async () => {
    let t = 1000;
    const cache = createCache({ capBytes: () => 2500, now: () => t++, dbName: 'running-total-kept', maxEntryShare: 1 });
    // One key written five times counts once: nothing is evicted.
    for (let i = 0; i < 5; i++) await cache.put(entry('a', 1000));
    await cache.put(entry('b', 1000));
    expect((await cache.sizeReport()).entries).toBe(2);
    // A deleted entry no longer counts: c fits beside b.
    await cache.delete('a');
    await cache.put(entry('c', 1000));
    expect((await cache.sizeReport()).entries).toBe(2);
    // Past the cap the least recently used goes, and only it.
    await cache.put(entry('d', 1000));
    expect(await cache.get('b')).toBeUndefined();
    expect((await cache.sizeReport()).entries).toBe(2);
    // After clearAll the count starts from zero.
    await cache.clearAll();
    await cache.put(entry('e', 1000));
    await cache.put(entry('f', 1000));
    expect((await cache.sizeReport()).entries).toBe(2);
  });

  it('clearAll empties it; sizeReport counts', async () => {
    const cache = createCache({ capBytes: () => 1e9, dbName: 'clear' });
    await cache.put(entry('a', 10));
    await cache.put(entry('b', 10));
    expect((await cache.sizeReport()).entries).toBe(2);
    await cache.clearAll();
    expect(await cache.sizeReport()).toEqual({ bytes: 0, entries: 0 });
  });

  it('upgrades an existing v1 database to a later version without losing entries', async () => {
    // A v1 database as released, with data in it.
    const v1 = await openStatboardDb('upgrade');
    await v1.put('entries', { ...entry('kept', 3), size: 3, lastAccess: 5 });
    v1.close();
    // v2 adds an index; the v1 step must not run again.
    // (cast: the v1 schema type does not know the index v2 adds)
    const v2: Migration = (_db, tx) => (tx.objectStore('entries') as unknown as IDBObjectStore).createIndex('status', 'status');
    const db = await openStatboardDb('upgrade', [...MIGRATIONS, v2]);
    expect(db.version).toBe(2);
    expect((await db.get('entries', 'kept'))?.data).toBe('xxx');
    expect([...db.transaction('entries').store.indexNames].sort()).toEqual(['lastAccess', 'status']);
    db.close();
  });

  it('builds the v1 shape from an empty (version 0) database', async () => {
    const raw = await openDB('fresh', 1);
    raw.close();
    indexedDB.deleteDatabase('fresh');
    const db = await openStatboardDb('fresh');
    expect([...db.objectStoreNames].sort()).toEqual(['entries', 'polls']);
    db.close();
  });
});

describe('commands', () => {
  const page = { from: 'extension-page' } as const;

  it('routes cache.size and cache.clear; rejects unknown or malformed commands', async () => {
    resetCommandHandlers();
    const cache = createCache({ capBytes: () => 1e9, dbName: 'commands' });
    registerCommandHandlers(cacheCommandHandlers(cache));
    await cache.put(entry('a', 10));
    expect(await dispatchCommand({ type: 'cache.size' }, page)).toMatchObject({ entries: 1 });
    expect(await dispatchCommand({ type: 'cache.clear' }, page)).toEqual({ ok: true });
    expect(await dispatchCommand({ type: 'cache.size' }, page)).toEqual({ bytes: 0, entries: 0 });
    await expect(dispatchCommand({ type: 'cache.drop' }, page)).rejects.toThrow();
    await expect(dispatchCommand({ type: 'cache.size', extra: 1 }, page)).rejects.toThrow();
    await expect(dispatchCommand({ type: 'token.set', host: 'github.com', token: 'x'.repeat(256) }, page)).rejects.toThrow();
    await expect(dispatchCommand({ type: 'token.status', host: 'github.com' }, page)).rejects.toThrow(/No handler/);
    registerCommandHandlers({ 'token.status': async (c) => ({ host: c.host, status: 'missing' }) });
    expect(await dispatchCommand({ type: 'token.status', host: 'github.com' }, page)).toEqual({ host: 'github.com', status: 'missing' });
  });

  it('a content script (inside a GitHub page) may only send what a panel needs', async () => {
    resetCommandHandlers();
    const cache = createCache({ capBytes: () => 1e9, dbName: 'commands-content' });
    registerCommandHandlers(cacheCommandHandlers(cache));
    registerCommandHandlers({
      'token.set': async (c) => ({ host: c.host, status: 'valid' }),
      'token.status': async (c) => ({ host: c.host, status: 'missing' }),
    });
    await cache.put(entry('kept', 10));
    const content = { from: 'content-script', sender: { url: 'https://github.com/acme/rocket' } } as const;
    await expect(dispatchCommand({ type: 'cache.clear' }, content)).rejects.toThrow(/only for Statboard's own pages/);
    await expect(dispatchCommand({ type: 'token.set', host: 'github.com', token: 'ghp_' + 'a'.repeat(36) }, content)).rejects.toThrow(/only for/);
    // No origin said: treated like a content script.
    await expect(dispatchCommand({ type: 'cache.clear' })).rejects.toThrow(/only for/);
    expect(await dispatchCommand({ type: 'cache.size' }, page)).toMatchObject({ entries: 1 });
    expect(await dispatchCommand({ type: 'token.status', host: 'github.com' }, content)).toEqual({ host: 'github.com', status: 'missing' });
  });
});
