import type { TokenKind, TokenStatus } from '../protocol';
import type { GitHubHost } from '../github/hosts';
import { isoDate, utcClockTime } from '../dates';
import { loginOf } from '../github/schemas';
import type { SupportAnswer } from '../engine/types';
import { tokenKindOf } from './token';

/**
 * Checks a token with `GET /user` (background only). The request function is injected so the
 * same code runs against the engine's `githubRequest` and against a stub in tests; its answer is
 * the engine's own result (`SupportAnswer`), read as it is.
 */

export type TokenRequest = (host: GitHubHost, path: string, init: { token?: string; accept?: string }) => Promise<SupportAnswer>;

function header(headers: Headers, name: string): string | undefined {
  return headers.get(name) ?? undefined;
}

/** `X-OAuth-Scopes: repo, read:org` → `['repo', 'read:org']`; undefined when absent. */
export function parseScopes(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope !== '');
}

/**
 * `GitHub-Authentication-Token-Expiration` (e.g. `2026-03-01 12:00:00 UTC` or with `+0100`)
 * as an ISO string; undefined when absent or unreadable.
 */
export function parseExpiry(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*(UTC|Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!match) return undefined;
  const zone = !match[3] || match[3] === 'UTC' || match[3] === 'Z' ? 'Z' : match[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const time = Date.parse(`${match[1]}T${match[2]}${zone}`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The warnings that change what the user will see, in plain sentences. */
export function tokenWarnings(input: {
  kind: TokenKind;
  scopes?: string[];
  expiresAt?: string;
  hasApiInsights: boolean;
  now: number;
}): string[] {
  const warnings: string[] = [];
  const { kind, scopes } = input;
  if ((kind === 'classic' || kind === 'oauth') && scopes && !scopes.includes('repo')) {
    warnings.push('This token has no "repo" scope: private repositories will not show.');
  }
  if (input.hasApiInsights) {
    if (kind === 'fine-grained') {
      warnings.push(
        'Organization API Insights need the organization permission "API Insights" (read) on this token, and you must be an organization owner or hold the "View organization API insights" role.',
      );
    } else if (kind !== 'app-user' && kind !== 'app-installation') {
      warnings.push(
        'Organization API Insights need a fine-grained token with the organization permission "API Insights" (read); this kind of token may be refused there.',
      );
    }
  }
  if (input.expiresAt) {
    const left = Date.parse(input.expiresAt) - input.now;
    const day = isoDate(Date.parse(input.expiresAt));
    if (left <= 0) warnings.push(`This token expired on ${day}.`);
    else if (left < 14 * DAY_MS) warnings.push(`This token expires on ${day}; make a new one soon.`);
  }
  return warnings;
}

/** Latest reset time believed: GitHub's windows are an hour; `1e20` is a bad header, not a time. */
const MAX_RESET_AHEAD_MS = 24 * 60 * 60_000;

function resetTime(reset: number, now: number): string | null {
  // toISOString throws on a date past year 275760: an absurd reset must not stop the check.
  if (!Number.isFinite(reset) || reset <= 0 || reset > now + MAX_RESET_AHEAD_MS) return null;
  return utcClockTime(reset);
}

/** Turns the engine's answer to `GET /user` into a TokenStatus. Pure: `now` is given. */
export function interpretUserResponse(host: GitHubHost, kind: TokenKind, answer: SupportAnswer, now: number): TokenStatus {
  const base = { host: host.id, kind, checkedAt: now };
  switch (answer.kind) {
    case 'network-error':
    case 'redirected':
    case 'unknown-host':
      // The error text could name the URL or worse; the user needs only the fact.
      return { ...base, status: 'unreachable', message: `Could not reach GitHub at ${host.apiBase}. The token is saved and will be checked again.` };
    case 'refused':
      // Nothing was sent: not a connection problem, and checking again will not help.
      return {
        ...base,
        status: 'unreachable',
        message: `Statboard did not check the token: ${answer.message}. The API address for ${host.id} needs fixing in the options.`,
      };
    case 'rate-limited':
      // The engine's own guard: the budget is spent until `until`.
      return rateLimitedStatus(base, resetTime(answer.until, now));
  }
  const status = answer.kind === 'ok' || answer.kind === 'http-error' ? answer.status : answer.info.status;
  const headers = answer.info.headers;
  if (answer.kind === 'ok' && status === 200) {
    const scopes = kind === 'classic' || kind === 'oauth' ? parseScopes(header(headers, 'x-oauth-scopes')) : undefined;
    const expiresAt = parseExpiry(header(headers, 'github-authentication-token-expiration'));
    const login = loginOf(answer.body);
    const warnings = tokenWarnings({ kind, scopes, expiresAt, hasApiInsights: host.hasApiInsights, now });
    return {
      ...base,
      status: 'valid',
      ...(login ? { login } : {}),
      ...(scopes ? { scopes } : {}),
      ...(expiresAt ? { expiresAt } : {}),
      warnings,
      message: login ? `Signed in to ${host.id} as ${login}.` : `The token works on ${host.id}.`,
    };
  }
  if (status === 401) {
    return {
      ...base,
      status: 'invalid',
      message:
        kind === 'refresh'
          ? 'GitHub rejected this token: a refresh token cannot call the API. Use the access token it gives you.'
          : 'GitHub rejected this token: it is expired, revoked or mistyped.',
    };
  }
  const rateLimited =
    status === 429 || (status === 403 && (header(headers, 'x-ratelimit-remaining') === '0' || header(headers, 'retry-after') !== undefined));
  if (rateLimited) return rateLimitedStatus(base, resetTime(Number(header(headers, 'x-ratelimit-reset')) * 1000, now));
  if (status === 403 && kind === 'app-installation') {
    // Installation tokens act as an app, not a user: /user refuses them, yet they work for repos.
    return { ...base, status: 'valid', warnings: [], message: `The installation token works on ${host.id} (it has no user).` };
  }
  if (status === 403) {
    return { ...base, status: 'invalid', message: 'GitHub refused this token (403): it may be blocked by an organization policy or lack access.' };
  }
  return {
    ...base,
    status: 'unreachable',
    message: `Could not reach GitHub: ${host.id} answered HTTP ${status}. The token is saved and will be checked again.`,
  };
}

function rateLimitedStatus(base: Pick<TokenStatus, 'host' | 'kind' | 'checkedAt'>, reset: string | null): TokenStatus {
  return {
    ...base,
    status: 'unreachable',
    message: `GitHub's rate limit is used up${reset ? ` until ${reset}` : ''}; the token is saved and will be checked again.`,
  };
}

/** Checks `token` against `host` with `GET /user`. Never throws; never puts the token in the result. */
export async function checkToken(
  host: GitHubHost,
  token: string,
  request: TokenRequest,
  now: () => number = Date.now,
): Promise<TokenStatus> {
  const kind = tokenKindOf(token);
  let answer: SupportAnswer;
  try {
    answer = await request(host, '/user', { token, accept: 'application/vnd.github+json' });
  } catch {
    // The engine's request never throws; anything else that does is "not reached".
    answer = { kind: 'network-error', message: 'Could not reach GitHub.', timedOut: false };
  }
  try {
    return interpretUserResponse(host, kind, answer, now());
  } catch {
    // An answer this code cannot read must still end the check (never `checking` forever).
    return {
      host: host.id,
      kind,
      status: 'unreachable',
      checkedAt: now(),
      message: `GitHub sent an answer Statboard could not read while checking the token on ${host.id}. The token is saved and will be checked again.`,
    };
  }
}
