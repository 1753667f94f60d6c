import type { HostId, TokenStatus } from '../protocol';
import { hostsItem, tokensItem } from '../settings';
import { configuredHost, type GitHubHost } from '../github/hosts';
import type { CommandHandler } from '../engine/commands';
import { parseToken } from './token';
import { checkToken, type TokenRequest } from './tokenCheck';

export interface AccountDeps {
  /** the engine's low-level request (`githubRequest`), used for `GET /user` */
  request: TokenRequest;
  /** told after a token is stored or removed, so cached answers made with another token go */
  onTokenChanged?: (host: HostId) => void | Promise<void>;
  now?: () => number;
}

/**
 * A stored "checking" older than this was cut short (the worker stopped), and a stored
 * "unreachable" this old is due for the promised second try: `token.status` checks again.
 */
export const STALE_CHECK_MS = 60_000;

function missing(host: HostId, message = 'No token is set for this host.'): TokenStatus {
  return { host, status: 'missing', message };
}

async function hostOrNull(id: HostId): Promise<GitHubHost | null> {
  return configuredHost(id, await hostsItem.getValue());
}

/**
 * Stores a check's answer; returns whether the token's identity changed (its login, which is part
 * of the cache namespace: utils/engine/index.ts credentialsFor). A check that could not reach
 * GitHub keeps the login found before: the same token still belongs to the same account.
 */
async function saveStatus(host: HostId, token: string, status: TokenStatus): Promise<boolean> {
  const tokens = await tokensItem.getValue();
  const stored = tokens[host];
  // The user may have removed or replaced the token while GitHub was answering.
  if (stored?.token !== token) return false;
  const before = stored.login ?? stored.status?.login;
  const login = status.status === 'valid' ? status.login : status.status === 'invalid' ? undefined : before;
  await tokensItem.setValue({ ...tokens, [host]: { token, status, ...(login ? { login } : {}) } });
  return login !== before;
}

/**
 * `token.set`, `token.check`, `token.remove`, `token.status`. Every answer is a TokenStatus,
 * which never holds the token: the token stays in the protected store (utils/protectedStore.ts).
 */
export function accountCommandHandlers(deps: AccountDeps): {
  'token.set': CommandHandler<'token.set'>;
  'token.check': CommandHandler<'token.check'>;
  'token.remove': CommandHandler<'token.remove'>;
  'token.status': CommandHandler<'token.status'>;
} {
  const now = deps.now ?? Date.now;

  /** Checks in flight, so concurrent `token.status` calls share one `GET /user`. */
  const inFlight = new Map<HostId, { token: string; promise: Promise<TokenStatus> }>();

  /**
   * Checks `token` and stores the answer. `tokenReplaced`: the token itself is new, so the
   * engine is always told; a re-check of the same token tells it only when the login changed
   * (cached answers are keyed by the token's fingerprint and its login, once known).
   */
  function runCheck(host: GitHubHost, token: string, tokenReplaced: boolean): Promise<TokenStatus> {
    const running = inFlight.get(host.id);
    if (running && running.token === token && !tokenReplaced) return running.promise;
    const promise = (async () => {
      const status = await checkToken(host, token, deps.request, now);
      const identityChanged = await saveStatus(host.id, token, status);
      if (tokenReplaced || identityChanged) await deps.onTokenChanged?.(host.id);
      return status;
    })();
    const mine = { token, promise };
    inFlight.set(host.id, mine);
    const forget = (): void => {
      if (inFlight.get(host.id) === mine) inFlight.delete(host.id);
    };
    promise.then(forget, forget);
    return promise;
  }

  return {
    async 'token.set'(command) {
      const host = await hostOrNull(command.host);
      if (!host) return missing(command.host, 'Add this host in the options first.');
      // Checked again here: the background never trusts what a page sends.
      const parsed = parseToken(typeof command.token === 'string' ? command.token : '');
      if (!parsed.ok) return { ...missing(host.id), status: 'invalid', message: parsed.error };
      const checking: TokenStatus = { host: host.id, status: 'checking', kind: parsed.kind, checkedAt: now() };
      await tokensItem.setValue({ ...(await tokensItem.getValue()), [host.id]: { token: parsed.token, status: checking } });
      return runCheck(host, parsed.token, true);
    },

    async 'token.check'(command) {
      const host = await hostOrNull(command.host);
      const stored = host ? (await tokensItem.getValue())[host.id] : undefined;
      if (!host || !stored) return missing(command.host);
      return runCheck(host, stored.token, false);
    },

    async 'token.remove'(command) {
      const host = await hostOrNull(command.host);
      const id = host?.id ?? command.host;
      const tokens = await tokensItem.getValue();
      if (id in tokens) {
        const { [id]: _removed, ...rest } = tokens;
        await tokensItem.setValue(rest);
        await deps.onTokenChanged?.(id);
      }
      return missing(id, 'The token is removed.');
    },

    async 'token.status'(command) {
      const host = await hostOrNull(command.host);
      const stored = host ? (await tokensItem.getValue())[host.id] : undefined;
      if (!host || !stored) return missing(command.host);
      const status = stored.status;
      const due = (status?.status === 'checking' || status?.status === 'unreachable') && now() - (status.checkedAt ?? 0) > STALE_CHECK_MS;
      if (!status || due) return runCheck(host, stored.token, false);
      return status;
    },
  };
}
