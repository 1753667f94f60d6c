import { describe, expect, it, vi } from 'vitest';
import { userAnswer } from './user-answer';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountCommandHandlers, STALE_CHECK_MS } from '../../utils/account/handlers';
import type { TokenRequest } from '../../utils/account/tokenCheck';
import { hostsItem, tokensItem } from '../../utils/settings';

const TOKEN = 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const NOW = Date.parse('2026-01-10T00:00:00Z');

function valid(): TokenRequest {
  return vi.fn(async () => userAnswer(200, { 'x-oauth-scopes': 'repo' }, { login: 'octocat' }));
}

async function everythingStored(): Promise<string> {
  return JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null)]);
}

describe('token commands', () => {
  it('stores the token, checks it and answers without it', async () => {
    const request = valid();
    const handlers = accountCommandHandlers({ request, now: () => NOW });
    const status = await handlers['token.set']({ type: 'token.set', host: 'github.com', token: `  ${TOKEN} ` });
    expect(status).toMatchObject({ status: 'valid', login: 'octocat', kind: 'classic', scopes: ['repo'] });
    expect(JSON.stringify(status)).not.toContain(TOKEN);
    expect((await tokensItem.getValue())['github.com']?.token).toBe(TOKEN);
    expect(await handlers['token.status']({ type: 'token.status', host: 'github.com' })).toEqual(status);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('never writes the token to storage.sync', async () => {
    await accountCommandHandlers({ request: valid(), now: () => NOW })['token.set']({ type: 'token.set', host: 'github.com', token: TOKEN });
    expect(JSON.stringify(await fakeBrowser.storage.sync.get(null))).not.toContain(TOKEN);
  });

  it('refuses a malformed token without a request or storage', async () => {
    const request = valid();
    const status = await accountCommandHandlers({ request })['token.set']({ type: 'token.set', host: 'github.com', token: 'hello world' });
    expect(status.status).toBe('invalid');
    expect(request).not.toHaveBeenCalled();
    expect(await tokensItem.getValue()).toEqual({});
  });

  it('keeps the token when GitHub cannot be reached', async () => {
    const request: TokenRequest = async () => {
      throw new TypeError('Failed to fetch');
    };
    const status = await accountCommandHandlers({ request, now: () => NOW })['token.set']({ type: 'token.set', host: 'github.com', token: TOKEN });
    expect(status).toMatchObject({ status: 'unreachable', message: expect.stringMatching(/could not reach github/i) });
    expect((await tokensItem.getValue())['github.com']).toMatchObject({ token: TOKEN, status: { status: 'unreachable' } });
  });

  it('keeps a rejected token stored as invalid, and removes it on request', async () => {
    const onTokenChanged = vi.fn();
    const request: TokenRequest = async () => userAnswer(401, {}, { message: 'Bad credentials' });
    const handlers = accountCommandHandlers({ request, onTokenChanged, now: () => NOW });
    expect((await handlers['token.set']({ type: 'token.set', host: 'github.com', token: TOKEN })).status).toBe('invalid');
    const removed = await handlers['token.remove']({ type: 'token.remove', host: 'github.com' });
    expect(removed.status).toBe('missing');
    expect(await tokensItem.getValue()).toEqual({});
    expect(onTokenChanged).toHaveBeenCalledTimes(2);
    expect(await everythingStored()).not.toContain(TOKEN);
  });

  it('refuses a host that is not configured', async () => {
    const request = valid();
    const handlers = accountCommandHandlers({ request });
    const status = await handlers['token.set']({ type: 'token.set', host: 'evil.example', token: TOKEN });
    expect(status.status).toBe('missing');
    expect(request).not.toHaveBeenCalled();
    expect(await tokensItem.getValue()).toEqual({});
  });

  it('keeps one token per host', async () => {
    await hostsItem.setValue({ gheCom: ['acme.ghe.com'], enterpriseServers: [] });
    const request = valid();
    const handlers = accountCommandHandlers({ request, now: () => NOW });
    await handlers['token.set']({ type: 'token.set', host: 'github.com', token: TOKEN });
    await handlers['token.set']({ type: 'token.set', host: 'acme.ghe.com', token: TOKEN.replace('ghp_A', 'ghp_B') });
    expect(Object.keys(await tokensItem.getValue()).sort()).toEqual(['acme.ghe.com', 'github.com']);
    expect(request).toHaveBeenLastCalledWith(expect.objectContaining({ apiBase: 'https://api.acme.ghe.com' }), '/user', expect.anything());
    expect((await handlers['token.status']({ type: 'token.status', host: 'acme.ghe.com' })).status).toBe('valid');
  });

  it('answers missing when no token is set, and re-checks a check cut short', async () => {
    const request = valid();
    let now = NOW;
    const handlers = accountCommandHandlers({ request, now: () => now });
    expect((await handlers['token.status']({ type: 'token.status', host: 'github.com' })).status).toBe('missing');
    await tokensItem.setValue({ 'github.com': { token: TOKEN, status: { host: 'github.com', status: 'checking', checkedAt: NOW } } });
    expect((await handlers['token.status']({ type: 'token.status', host: 'github.com' })).status).toBe('checking');
    now = NOW + 120_000;
    expect((await handlers['token.status']({ type: 'token.status', host: 'github.com' })).status).toBe('valid');
  });

  it('re-checks an unreachable token once the check is old, and tells the engine only when the login changes', async () => {
    const request = valid();
    const onTokenChanged = vi.fn();
    let now = NOW;
    const handlers = accountCommandHandlers({ request, onTokenChanged, now: () => now });
    const unreachable = { host: 'github.com', status: 'unreachable', checkedAt: NOW, message: 'Could not reach GitHub.' } as const;
    await tokensItem.setValue({ 'github.com': { token: TOKEN, status: unreachable } });
    // Fresh: answered from storage, no request.
    expect(await handlers['token.status']({ type: 'token.status', host: 'github.com' })).toEqual(unreachable);
    expect(request).not.toHaveBeenCalled();
    now = NOW + STALE_CHECK_MS + 1;
    expect(await handlers['token.status']({ type: 'token.status', host: 'github.com' })).toMatchObject({ status: 'valid', login: 'octocat' });
    expect(request).toHaveBeenCalledTimes(1);
    expect((await tokensItem.getValue())['github.com']?.status).toMatchObject({ status: 'valid', login: 'octocat' });
    // The login appeared: cached answers of another identity must go.
    expect(onTokenChanged).toHaveBeenCalledTimes(1);
    // The same token checked again with the same login: nothing to tell.
    await handlers['token.check']({ type: 'token.check', host: 'github.com' });
    expect(request).toHaveBeenCalledTimes(2);
    expect(onTokenChanged).toHaveBeenCalledTimes(1);
  });

  it('re-checks an unreachable token that is still unreachable without telling the engine', async () => {
    const onTokenChanged = vi.fn();
    const request: TokenRequest = vi.fn(async () => userAnswer(502, {}, null));
    const handlers = accountCommandHandlers({ request, onTokenChanged, now: () => NOW + 2 * STALE_CHECK_MS });
    await tokensItem.setValue({ 'github.com': { token: TOKEN, status: { host: 'github.com', status: 'unreachable', checkedAt: NOW } } });
    const status = await handlers['token.status']({ type: 'token.status', host: 'github.com' });
    expect(status).toMatchObject({ status: 'unreachable', checkedAt: NOW + 2 * STALE_CHECK_MS });
    expect(request).toHaveBeenCalledTimes(1);
    expect(onTokenChanged).not.toHaveBeenCalled();
  });

  it('shares one GET /user between status calls made while a check runs', async () => {
    let answer!: (response: Awaited<ReturnType<TokenRequest>>) => void;
    const request = vi.fn(valid()).mockImplementationOnce(
      () =>
        new Promise<Awaited<ReturnType<TokenRequest>>>((resolve) => {
          answer = resolve;
        }),
    );
    const onTokenChanged = vi.fn();
    const handlers = accountCommandHandlers({ request, onTokenChanged, now: () => NOW + 2 * STALE_CHECK_MS });
    await tokensItem.setValue({ 'github.com': { token: TOKEN, status: { host: 'github.com', status: 'unreachable', checkedAt: NOW } } });
    const first = handlers['token.status']({ type: 'token.status', host: 'github.com' });
    await vi.waitFor(() => expect(request).toHaveBeenCalledTimes(1));
    const second = handlers['token.status']({ type: 'token.status', host: 'github.com' });
    const third = handlers['token.check']({ type: 'token.check', host: 'github.com' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(request).toHaveBeenCalledTimes(1);
    answer(userAnswer(200, { 'x-oauth-scopes': 'repo' }, { login: 'octocat' }));
    const results = await Promise.all([first, second, third]);
    for (const result of results) expect(result).toMatchObject({ status: 'valid', login: 'octocat' });
    expect(request).toHaveBeenCalledTimes(1);
    expect(onTokenChanged).toHaveBeenCalledTimes(1);
    // Once it is done, a later check asks again.
    await handlers['token.check']({ type: 'token.check', host: 'github.com' });
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('always tells the engine when a new token replaces one with the same login', async () => {
    const onTokenChanged = vi.fn();
    const handlers = accountCommandHandlers({ request: valid(), onTokenChanged, now: () => NOW });
    await handlers['token.set']({ type: 'token.set', host: 'github.com', token: TOKEN });
    await handlers['token.set']({ type: 'token.set', host: 'github.com', token: TOKEN.replace('ghp_A', 'ghp_B') });
    expect(onTokenChanged).toHaveBeenCalledTimes(2);
  });
});
