import type { HostId } from '../protocol';
import type { EndpointRequest } from '../github/endpoints';
import { userRequest } from '../github/endpoints';
import type { GitHubResult } from '../github/client';
import { RefusedAddressError, type TokenRequest } from './tokenCheck';

/** The part of the engine a token check needs. */
export interface EngineRequester {
  githubRequest(
    host: HostId,
    request: EndpointRequest,
    options?: { token?: string },
  ): Promise<GitHubResult | { kind: 'unknown-host' } | { kind: 'rate-limited'; until: number } | { kind: 'refused'; message: string }>;
}

/**
 * Adapts the engine's `githubRequest` (which never throws) to the token check's request
 * function: a network failure becomes a throw (→ "could not reach GitHub", token kept), the
 * engine's own rate-limit guard becomes a 429 with the reset time.
 */
export function tokenRequestVia(engine: EngineRequester): TokenRequest {
  return async (host, _path, init) => {
    const result = await engine.githubRequest(host.id, userRequest(), { token: init.token });
    switch (result.kind) {
      case 'network-error':
      case 'redirected':
      case 'unknown-host':
        throw new Error('GitHub could not be reached.');
      case 'refused':
        // Nothing was sent: not a connection problem, and checking again will not help.
        throw new RefusedAddressError(result.message);
      case 'rate-limited':
        return { status: 429, headers: { 'x-ratelimit-reset': String(Math.ceil(result.until / 1000)) }, body: null };
      case 'ok':
        return { status: result.status, headers: result.info.headers, body: result.body };
      case 'http-error':
        return { status: result.status, headers: result.info.headers, body: { message: result.message } };
      default:
        return { status: result.info.status, headers: result.info.headers, body: null };
    }
  };
}
