// Real IndexedDB semantics in Node for the cache tests; WXT's fakeBrowser for `browser.*`.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';
import { resetProtectedStore } from '../../utils/protectedStore';

beforeEach(async () => {
  fakeBrowser.reset();
  // Tokens, hosts and the watch list live in the extension's IndexedDB (utils/protectedStore.ts).
  await resetProtectedStore();
});
