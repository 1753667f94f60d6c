import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userAnswer } from './user-answer';
import { createCache } from '../../utils/engine/cache';
import { createEngine } from '../../utils/engine/engine';
import { credentialsFor, engineSettings } from '../../utils/engine';
import { createLiveSettings, type LiveSettings } from '../../utils/engine/liveSettings';
import { DOTCOM } from '../../utils/github/hosts';
import { tokensItem } from '../../utils/settings';
import { accountCommandHandlers } from '../../utils/account/handlers';
import type { TokenRequest } from '../../utils/account/tokenCheck';
import { collect, fakeGitHub, flush, repoQuery, until } from './engine-fakes';

/** Two tokens whose login is unknown (GHE.com managed users, installation tokens, a check not done). */
const TOKEN_A = 'ghs_' + 'a'.repeat(36);
const TOKEN_B = 'ghs_' + 'b'.repeat(36);

let live: LiveSettings;
let dbCount = 0;

beforeEach(() => {
  live = createLiveSettings();
});
afterEach(() => live.stop());

async function useToken(token: string, login?: string) {
  await tokensItem.setValue({ 'github.com': { token, ...(login ? { login } : {}) } });
  await live.tokens.reload();
}

function wiredEngine(github = fakeGitHub()) {
  const engine = createEngine({
    cache: createCache({ capBytes: () => 50 * 1024 * 1024, dbName: `engine-identity-${++dbCount}` }),
    fetch: github.fetch,
    ...engineSettings(live),
  });
  return { engine, github };
}

describe('the cache namespace of a token', () => {
  it('is a fingerprint of the token, never the token; with the login once known', async () => {
    await useToken(TOKEN_A);
    const a = await credentialsFor(live, DOTCOM);
    await useToken(TOKEN_B);
    const b = await credentialsFor(live, DOTCOM);
    expect(a.viewer).toMatch(/^@[0-9a-f]{16}$/);
    expect(b.viewer).toMatch(/^@[0-9a-f]{16}$/);
    expect(a.viewer).not.toBe(b.viewer);
    expect(a.viewer).not.toContain(TOKEN_A.slice(4, 20));
    await useToken(TOKEN_A, 'mona');
    expect((await credentialsFor(live, DOTCOM)).viewer).toBe(`mona${a.viewer}`);
    await tokensItem.setValue({});
    await live.tokens.reload();
    expect((await credentialsFor(live, DOTCOM)).viewer).toBe('anonymous');
  });

  it('keeps the login when a later check cannot reach GitHub (the namespace does not flip)', async () => {
    let answer: 'ok' | 'down' = 'ok';
    const request: TokenRequest = async () => {
      if (answer === 'down') throw new Error('offline');
      return userAnswer(200, {}, { login: 'mona' });
    };
    const changed: string[] = [];
    const handlers = accountCommandHandlers({ request, onTokenChanged: (h) => void changed.push(h) });
    await handlers['token.set']({ type: 'token.set', host: 'github.com', token: TOKEN_A });
    await live.tokens.reload();
    const before = (await credentialsFor(live, DOTCOM)).viewer;
    expect(before).toMatch(/^mona@/);
    answer = 'down';
    expect((await handlers['token.check']({ type: 'token.check', host: 'github.com' })).status).toBe('unreachable');
    await live.tokens.reload();
    expect((await credentialsFor(live, DOTCOM)).viewer).toBe(before);
    // token.set told the engine; the failed re-check did not (nothing changed for the cache).
    expect(changed).toEqual(['github.com']);
  });
});

describe('switching between two tokens without known logins', () => {
  it('token B gets nothing token A cached, and after B’s 404 A’s data is not shown', async () => {
    const github = fakeGitHub();
    const { engine } = wiredEngine(github);
    await useToken(TOKEN_A);
    const panel = collect(engine, repoQuery('punch-card', 'secret'));
    await until(() => panel.last()?.state === 'ready');
    await flush();
    expect(panel.last()?.data).toEqual([{ day: 0, hour: 1, commits: 2 }]);
    const afterA = github.requests.filter((r) => r.path.endsWith('/stats/punch_card')).length;

    // B cannot see the private repository.
    github.script(/\/stats\/punch_card/, [{ status: 404, body: { message: 'Not Found' } }]);
    await useToken(TOKEN_B);
    const switchedAt = panel.snapshots.length;
    engine.credentialsChanged('github.com');
    await until(() => panel.last()?.state === 'no-access');
    await flush();
    // B asked GitHub itself (A's fresh cache entry would have cost zero requests)...
    const stats = github.requests.filter((r) => r.path.endsWith('/stats/punch_card'));
    expect(stats).toHaveLength(afterA + 1);
    expect(stats.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN_B}`);
    // ...and nothing B was shown since the switch holds A's data.
    expect(panel.snapshots.slice(switchedAt).every((s) => s.data === undefined)).toBe(true);
    expect(panel.last()?.meta.reason).toBe('not-found');
    panel.watch.unwatch();

    // A new visit under B: still B's own answer, never A's cached data.
    github.script(/\/stats\/punch_card/, [{ status: 404, body: { message: 'Not Found' } }]);
    const again = collect(engine, repoQuery('punch-card', 'secret'));
    await until(() => again.last()?.state === 'no-access');
    expect(again.snapshots.every((s) => s.data === undefined)).toBe(true);
    again.watch.unwatch();
  });
});
