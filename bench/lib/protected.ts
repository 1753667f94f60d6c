import type { Page, Worker } from '@playwright/test';

/** The extension's service worker, or one of its pages (options, popup): both are its origin. */
type ExtensionContext = Worker | Page;

/**
 * Reads a key of the protected store (utils/protectedStore.ts: the extension's IndexedDB
 * `statboard-protected`, where tokens, hosts and the watch list live) from the extension's
 * service worker, the way a test inspects what the background keeps.
 */
export function readProtected(worker: ExtensionContext, key: string): Promise<unknown> {
  return (worker as Worker).evaluate(
    (k) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('statboard-protected', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('items');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('items').objectStore('items').get(k);
          get.onsuccess = () => {
            db.close();
            resolve(get.result);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

/**
 * Writes a key of the protected store from the service worker and announces it on the store's
 * BroadcastChannel, so the background's in-memory copy follows (as after a write by the options
 * page). For set-ups a command cannot make (an unchecked token, a watch list with numbers).
 */
export function writeProtected(worker: ExtensionContext, key: string, value: unknown): Promise<void> {
  return (worker as Worker).evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('statboard-protected', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('items');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('items', 'readwrite');
          tx.objectStore('items').put(v, k);
          tx.oncomplete = () => {
            db.close();
            const channel = new BroadcastChannel('statboard-protected');
            channel.postMessage({ key: k, value: v });
            channel.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [key, value] as const,
  );
}
