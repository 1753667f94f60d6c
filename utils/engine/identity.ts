import type { GitHubHost } from '../github/hosts';
import type { Credentials } from './types';
import type { LiveSettings } from './liveSettings';

/**
 * Whose answers a request gets: the identity part of every cache key and of the watch list's
 * numbers (background only: it reads the token).
 */

/** Fingerprints already computed, per token (background memory only, like the tokens). */
const fingerprints = new Map<string, Promise<string>>();

/**
 * A token's fingerprint: the first 16 hex digits (64 bits) of its SHA-256. It names the token's
 * cache namespace without the token itself ever being written into a cache key.
 */
export function tokenFingerprint(token: string): Promise<string> {
  let known = fingerprints.get(token);
  if (!known) {
    known = crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)).then((digest) =>
      [...new Uint8Array(digest).slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join(''),
    );
    // A handful of tokens per worker life at most; keep the map from growing without bound.
    if (fingerprints.size >= 16) fingerprints.clear();
    fingerprints.set(token, known);
  }
  return known;
}

/**
 * The token and the identity its cached answers belong to: `anonymous` without a token, else
 * `LOGIN@FINGERPRINT` when a check found the login and `@FINGERPRINT` before that (or for tokens
 * without a user: installation tokens, GHE.com managed users). Two tokens never share cached
 * answers, whether or not their logins are known.
 */
export async function credentialsFor(settings: Pick<LiveSettings, 'tokens'>, host: Pick<GitHubHost, 'id'>): Promise<Credentials> {
  const stored = (await settings.tokens.get())[host.id];
  const token = stored?.token?.trim() || undefined;
  if (!token) return { viewer: 'anonymous' };
  const login = stored?.login ?? stored?.status?.login ?? '';
  return { token, viewer: `${login}@${await tokenFingerprint(token)}` };
}
