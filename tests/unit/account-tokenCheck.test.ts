import { describe, expect, it, vi } from 'vitest';
import { userAnswer } from './user-answer';
import { checkToken, interpretUserResponse, parseExpiry, parseScopes, tokenWarnings, type TokenRequest } from '../../utils/account/tokenCheck';
import { DOTCOM, resolveHost } from '../../utils/github/hosts';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const classic = 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const fine = 'github_pat_11AAAAAAA0123456789abcdefghijklmnopqrstuvwxyz';

function answer(status: number, headers: Record<string, string> = {}, body: unknown = {}): TokenRequest {
  return vi.fn(async () => userAnswer(status, headers, body));
}

describe('parseScopes / parseExpiry', () => {
  it('splits the scopes header', () => {
    expect(parseScopes('repo, read:org,  gist')).toEqual(['repo', 'read:org', 'gist']);
    expect(parseScopes('')).toEqual([]);
    expect(parseScopes(undefined)).toBeUndefined();
  });

  it('reads GitHub expiry formats', () => {
    expect(parseExpiry('2026-03-01 12:00:00 UTC')).toBe('2026-03-01T12:00:00.000Z');
    expect(parseExpiry('2026-03-01 12:00:00 +0100')).toBe('2026-03-01T11:00:00.000Z');
    expect(parseExpiry('soon')).toBeUndefined();
    expect(parseExpiry(undefined)).toBeUndefined();
  });
});

describe('tokenWarnings', () => {
  it('warns a classic token without repo that private repositories will not show', () => {
    const warnings = tokenWarnings({ kind: 'classic', scopes: ['read:org'], hasApiInsights: true, now: NOW });
    expect(warnings.join(' ')).toMatch(/private repositories will not show/);
    expect(warnings.join(' ')).toMatch(/fine-grained token.*API Insights/);
  });

  it('does not warn about repo when it is granted', () => {
    const warnings = tokenWarnings({ kind: 'classic', scopes: ['repo'], hasApiInsights: false, now: NOW });
    expect(warnings).toEqual([]);
  });

  it('tells a fine-grained token what API Insights need', () => {
    const warnings = tokenWarnings({ kind: 'fine-grained', hasApiInsights: true, now: NOW });
    expect(warnings.join(' ')).toMatch(/"API Insights" \(read\).*View organization API insights/);
  });

  it('warns about expiry within two weeks or in the past, not later', () => {
    const soon = tokenWarnings({ kind: 'fine-grained', expiresAt: '2026-01-15T00:00:00.000Z', hasApiInsights: false, now: NOW });
    expect(soon).toEqual(['This token expires on 2026-01-15; make a new one soon.']);
    const past = tokenWarnings({ kind: 'fine-grained', expiresAt: '2026-01-01T00:00:00.000Z', hasApiInsights: false, now: NOW });
    expect(past).toEqual(['This token expired on 2026-01-01.']);
    const later = tokenWarnings({ kind: 'fine-grained', expiresAt: '2026-06-01T00:00:00.000Z', hasApiInsights: false, now: NOW });
    expect(later).toEqual([]);
  });
});

describe('checkToken', () => {
  it('reads login, kind, scopes and expiry of a valid classic token', async () => {
    const request = answer(200, { 'X-OAuth-Scopes': 'repo, read:org', 'GitHub-Authentication-Token-Expiration': '2026-06-01 00:00:00 UTC' }, { login: 'octocat' });
    const status = await checkToken(DOTCOM, classic, request, () => NOW);
    expect(request).toHaveBeenCalledWith(DOTCOM, '/user', expect.objectContaining({ token: classic }));
    expect(status).toMatchObject({
      status: 'valid',
      host: 'github.com',
      login: 'octocat',
      kind: 'classic',
      scopes: ['repo', 'read:org'],
      expiresAt: '2026-06-01T00:00:00.000Z',
    });
  });

  it('does not invent scopes for a fine-grained token', async () => {
    const status = await checkToken(DOTCOM, fine, answer(200, { 'x-oauth-scopes': '' }, { login: 'octocat' }), () => NOW);
    expect(status.status).toBe('valid');
    expect(status.kind).toBe('fine-grained');
    expect(status.scopes).toBeUndefined();
  });

  it('accepts a Headers object', async () => {
    const request: TokenRequest = async () => userAnswer(200, new Headers({ 'x-oauth-scopes': 'gist' }), { login: 'a-b' });
    const status = await checkToken(DOTCOM, classic, request, () => NOW);
    expect(status.scopes).toEqual(['gist']);
    expect(status.warnings?.join(' ')).toMatch(/private repositories/);
  });

  it('marks a 401 invalid', async () => {
    const status = await checkToken(DOTCOM, classic, answer(401, {}, { message: 'Bad credentials' }), () => NOW);
    expect(status).toMatchObject({ status: 'invalid', message: expect.stringMatching(/rejected/) });
  });

  it('says GitHub could not be reached on a network failure', async () => {
    const request: TokenRequest = async () => {
      throw new TypeError(`Failed to fetch https://api.github.com/user ${classic}`);
    };
    const status = await checkToken(DOTCOM, classic, request, () => NOW);
    expect(status.status).toBe('unreachable');
    expect(status.message).toMatch(/could not reach github/i);
    expect(JSON.stringify(status)).not.toContain(classic);
  });

  it('treats 5xx and a spent rate limit as unreachable, not invalid', async () => {
    expect((await checkToken(DOTCOM, classic, answer(502), () => NOW)).status).toBe('unreachable');
    const limited = await checkToken(DOTCOM, classic, answer(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 600) }), () => NOW);
    expect(limited).toMatchObject({ status: 'unreachable', message: expect.stringMatching(/rate limit.*00:10 UTC/) });
  });

  it('a 403 with x-ratelimit-reset 1e20 or NaN ends the check (rate limit, no time) instead of throwing', async () => {
    for (const reset of ['1e20', 'NaN', '-1', '99999999999999']) {
      const status = await checkToken(DOTCOM, classic, answer(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }), () => NOW);
      expect(status).toMatchObject({ status: 'unreachable', message: "GitHub's rate limit is used up; the token is saved and will be checked again." });
    }
  });

  it('an address the engine refused to build is said as such, not as a connection problem', async () => {
    const { tokenRequestVia } = await import('../../utils/account/engineRequest');
    const request = tokenRequestVia({ githubRequest: async () => ({ kind: 'refused', message: 'it could not build a safe address for it' }) });
    const status = await checkToken(DOTCOM, classic, request, () => NOW);
    expect(status.status).toBe('unreachable');
    expect(status.message).toMatch(/did not check the token: it could not build a safe address/);
    expect(status.message).not.toMatch(/could not reach/i);
  });

  it('treats a 403 as valid only for an installation token', () => {
    expect(interpretUserResponse(DOTCOM, 'app-installation', userAnswer(403, {}, {}), NOW).status).toBe('valid');
    expect(interpretUserResponse(DOTCOM, 'classic', userAnswer(403, {}, {}), NOW).status).toBe('invalid');
  });

  it('does not warn about API Insights on Enterprise Server', async () => {
    const ghes = resolveHost('git.corp.example', ['git.corp.example']);
    if (!ghes) throw new Error('host rule broke');
    const status = await checkToken(ghes, fine, answer(200, {}, { login: 'me' }), () => NOW);
    expect(status.warnings).toEqual([]);
  });

  it('keeps a login out of the result when it is not a plain login', async () => {
    const status = await checkToken(DOTCOM, classic, answer(200, { 'x-oauth-scopes': 'repo' }, { login: '<img src=x>' }), () => NOW);
    expect(status.login).toBeUndefined();
  });
});
