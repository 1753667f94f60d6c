/**
 * The only code that talks to GitHub. It adds GitHub's headers, sends the token only to the
 * host's own API origin over HTTPS, reads rate-limit and ETag headers, enforces a timeout, and
 * turns every outcome into a plain result (it never throws). The token is never logged and
 * never copied into a result or a message.
 */

export const API_VERSION = '2022-11-28';
export const JSON_MEDIA_TYPE = 'application/vnd.github+json';
const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * The largest answer Statboard reads (bytes of body as received). The biggest real statistics
 * (100 contributors x 800 weeks) are about 3 MB; a 17 MB answer was stored as about 63 MB and
 * emptied the cache. A larger body is not read past this point (the request is aborted).
 */
export const MAX_ANSWER_BYTES = 10 * 1024 * 1024;
/** An error body is only read for GitHub's `message`. */
const MAX_ERROR_BYTES = 64 * 1024;

export interface RateHeaders {
  limit: number;
  remaining: number;
  used?: number;
  /** unix ms */
  resetAt: number;
  resource: string;
}

export interface ResponseInfo {
  status: number;
  headers: Headers;
  etag?: string;
  rate?: RateHeaders;
  /** seconds, from `retry-after` */
  retryAfter?: number;
}

export type GitHubResult =
  | { kind: 'ok'; status: number; body: unknown; info: ResponseInfo }
  | { kind: 'not-modified'; info: ResponseInfo }
  | { kind: 'accepted'; info: ResponseInfo }
  | { kind: 'no-content'; info: ResponseInfo }
  | { kind: 'http-error'; status: number; message: string; info: ResponseInfo }
  /** the body is larger than `maxBytes` (MAX_ANSWER_BYTES): not read, not used */
  | { kind: 'oversized'; limitBytes: number; info: ResponseInfo }
  /**
   * the answer came from somewhere else than the API origin (a redirect): discarded, headers
   * included, and with a token no redirect is followed at all
   */
  | { kind: 'redirected'; message: string }
  | { kind: 'network-error'; message: string; timedOut: boolean };

export interface RequestOptions {
  token?: string;
  accept?: string;
  etag?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** the largest body read (default MAX_ANSWER_BYTES) */
  maxBytes?: number;
}

const REDIRECTED = 'GitHub answered with a redirect to another address; Statboard did not use that answer.';

/** The URL for a path under an API base, or null when the result would leave that base. */
export function apiUrl(apiBase: string, path: string, search = ''): URL | null {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('..') || /[?#\\]/.test(path)) return null;
  let base: URL;
  try {
    base = new URL(apiBase);
  } catch {
    return null;
  }
  if (base.protocol !== 'https:') return null;
  const url = new URL(base.href.replace(/\/$/, '') + path);
  if (url.origin !== base.origin) return null;
  url.search = search;
  return url;
}

/** GET a prepared URL. The token goes only to `apiOrigin`, and only over HTTPS. */
export async function send(url: URL, apiOrigin: string, options: RequestOptions = {}): Promise<GitHubResult> {
  const headers: Record<string, string> = {
    Accept: options.accept ?? JSON_MEDIA_TYPE,
    'X-GitHub-Api-Version': API_VERSION,
  };
  if (options.token && url.protocol === 'https:' && url.origin === apiOrigin) {
    headers.Authorization = `Bearer ${options.token}`;
  }
  if (options.etag) headers['If-None-Match'] = options.etag;

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  try {
    const response = await doFetch(url.href, {
      method: 'GET',
      headers,
      signal: controller.signal,
      // Extension fetches carry no cookies: the token is the only credential.
      credentials: 'omit',
      cache: 'no-store',
      // With a token, no redirect is followed: the browser would send the request on, and what
      // it drops of our headers on the way differs by browser and version. Without one, a
      // redirect is followed and the answer is kept only if it ended on the API origin.
      redirect: headers.Authorization ? 'manual' : 'follow',
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304)) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'redirected', message: REDIRECTED };
    }
    if (response.url && new URL(response.url).origin !== apiOrigin) {
      // Another origin's answer is not GitHub's data, and its headers are not GitHub's budget.
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'redirected', message: REDIRECTED };
    }
    const info = readInfo(response);
    const status = response.status;
    if (status === 304) return { kind: 'not-modified', info };
    if (status === 202) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'accepted', info };
    }
    if (status === 204) return { kind: 'no-content', info };
    const ok = status >= 200 && status < 300;
    const limit = ok ? (options.maxBytes ?? MAX_ANSWER_BYTES) : MAX_ERROR_BYTES;
    const text = await readLimited(response, limit, controller);
    if (ok) return text === null ? { kind: 'oversized', limitBytes: limit, info } : { kind: 'ok', status, body: decodeBody(text, options.accept), info };
    return { kind: 'http-error', status, message: text === null ? `HTTP ${status}` : errorMessage(text, status), info };
  } catch {
    // Never echo the thrown error: some runtimes put request details in it.
    return {
      kind: 'network-error',
      message: timedOut ? 'GitHub did not answer in time.' : 'Could not reach GitHub.',
      timedOut,
    };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The body as text, or null when it is larger than `limit` bytes: a declared `content-length`
 * over the limit is not read at all, and a body that grows past it while streaming is aborted.
 */
async function readLimited(response: Response, limit: number, controller: AbortController): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    controller.abort();
    return null;
  }
  if (!response.body) {
    const text = await response.text();
    return new TextEncoder().encode(text).length > limit ? null : text;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      controller.abort();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** JSON for JSON media types; the raw text for `application/vnd.github.sha`. Undecodable → undefined. */
function decodeBody(text: string, accept: string | undefined): unknown {
  if (accept && !accept.includes('json')) return text.trim();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** GitHub's own `message`, trimmed; it is API text, shown as text. */
function errorMessage(text: string, status: number): string {
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed.message === 'string') return parsed.message.slice(0, 300);
  } catch {
    // not JSON
  }
  return `HTTP ${status}`;
}

function num(headers: Headers, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function readInfo(response: Response): ResponseInfo {
  const headers = response.headers;
  const info: ResponseInfo = { status: response.status, headers };
  const etag = headers.get('etag');
  if (etag) info.etag = etag;
  const limit = num(headers, 'x-ratelimit-limit');
  const remaining = num(headers, 'x-ratelimit-remaining');
  const reset = num(headers, 'x-ratelimit-reset');
  if (limit !== undefined && remaining !== undefined && reset !== undefined) {
    const used = num(headers, 'x-ratelimit-used');
    info.rate = {
      limit,
      remaining,
      resetAt: reset * 1000,
      resource: headers.get('x-ratelimit-resource') ?? 'core',
      ...(used !== undefined ? { used } : {}),
    };
  }
  const retryAfter = num(headers, 'retry-after');
  if (retryAfter !== undefined && retryAfter >= 0) info.retryAfter = retryAfter;
  return info;
}
