import type { TokenKind } from '../protocol';

/**
 * Token text rules, checked before any request is made (in the options page for a quick
 * answer, and again in the background, which never trusts a message).
 */

/** GitHub's token prefixes (FACTS.md "Tokens"); longest first so `github_pat_` wins. */
const PREFIXES: ReadonlyArray<readonly [prefix: string, kind: TokenKind]> = [
  ['github_pat_', 'fine-grained'],
  ['ghp_', 'classic'],
  ['gho_', 'oauth'],
  ['ghu_', 'app-user'],
  ['ghs_', 'app-installation'],
  ['ghr_', 'refresh'],
];

export const MAX_TOKEN_LENGTH = 255;

/** What a kind of token is called in sentences. */
export const TOKEN_KIND_NAMES: Record<TokenKind, string> = {
  classic: 'classic personal access token',
  'fine-grained': 'fine-grained personal access token',
  oauth: 'OAuth app token',
  'app-user': 'GitHub App user token',
  'app-installation': 'GitHub App installation token',
  refresh: 'GitHub App refresh token',
  unknown: 'token',
};

/** The kind of token from its prefix; `unknown` when the prefix is not GitHub's. */
export function tokenKindOf(token: string): TokenKind {
  for (const [prefix, kind] of PREFIXES) if (token.startsWith(prefix)) return kind;
  return 'unknown';
}

export type ParsedToken = { ok: true; token: string; kind: TokenKind } | { ok: false; error: string };

/**
 * Trims what the user pasted and refuses anything that cannot be a GitHub token, with a
 * sentence saying why. The error never quotes the input: it may be a secret.
 */
export function parseToken(raw: string): ParsedToken {
  const token = raw.trim();
  if (token === '') return { ok: false, error: 'Paste a token first.' };
  if (/\s/.test(token)) return { ok: false, error: 'A token has no spaces or line breaks inside; check what was copied.' };
  if (token.length > MAX_TOKEN_LENGTH) {
    return { ok: false, error: `That is longer than a GitHub token (at most ${MAX_TOKEN_LENGTH} characters).` };
  }
  const kind = tokenKindOf(token);
  if (kind === 'unknown') {
    return {
      ok: false,
      error: 'That does not look like a GitHub token: it should start with github_pat_, ghp_, gho_, ghu_, ghs_ or ghr_.',
    };
  }
  // Prefixes alone are not tokens; GitHub's are base62 and underscores after the prefix.
  if (!/^[A-Za-z0-9_]+$/.test(token) || token.length < 8) {
    return { ok: false, error: 'That token looks cut short or has characters GitHub tokens never contain.' };
  }
  return { ok: true, token, kind };
}
