import { userRequest } from '../github/endpoints';
import type { Engine } from '../engine/types';
import type { TokenRequest } from './tokenCheck';

/**
 * The token check's request, through the engine's `githubRequest` (which never throws): its
 * result goes to the check as it is (tokenCheck.ts interpretUserResponse reads it).
 */
export function tokenRequestVia(engine: Pick<Engine, 'githubRequest'>): TokenRequest {
  return (host, _path, init) => engine.githubRequest(host.id, userRequest(), { token: init.token });
}
