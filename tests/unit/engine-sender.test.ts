import { describe, expect, it } from 'vitest';
import type { Browser } from 'wxt/browser';
import { senderKind, type SenderCheck } from '../../utils/engine/portServer';

const check: SenderCheck = {
  runtimeId: 'statboard-id',
  extensionOrigin: 'chrome-extension://statboard-id/',
  gheCom: ['acme.ghe.com'],
  enterpriseServers: ['git.corp.example'],
};
const from = (url: string, id = 'statboard-id') => ({ id, url }) as Browser.runtime.MessageSender;

describe('senderKind', () => {
  it('knows our pages and our content scripts on github.com and the added hosts', () => {
    expect(senderKind(from('chrome-extension://statboard-id/popup.html'), check)).toBe('extension-page');
    expect(senderKind(from('https://github.com/acme/rocket'), check)).toBe('content-script');
    expect(senderKind(from('https://acme.ghe.com/acme/rocket'), check)).toBe('content-script');
    expect(senderKind(from('https://git.corp.example/acme/rocket'), check)).toBe('content-script');
  });

  it('refuses a page on a GHE.com host the user did not add, and anything not ours', () => {
    expect(senderKind(from('https://evil.ghe.com/acme/rocket'), check)).toBeNull();
    expect(senderKind(from('https://acme.ghe.com/acme/rocket'), { ...check, gheCom: [] })).toBeNull();
    expect(senderKind(from('http://github.com/acme/rocket'), check)).toBeNull();
    expect(senderKind(from('https://github.com/acme/rocket', 'other-id'), check)).toBeNull();
  });
});
