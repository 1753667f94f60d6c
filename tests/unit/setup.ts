// Real IndexedDB semantics in Node for the cache tests; WXT's fakeBrowser for `browser.*`.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

beforeEach(() => {
  fakeBrowser.reset();
});
