import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCache } from '../../utils/engine/cache';
import { createEngine } from '../../utils/engine/engine';
import { resolveHost } from '../../utils/github/hosts';
import { collect, fakeGitHub, flush, repoQuery, until, useFakeTime } from './engine-fakes';

beforeEach(useFakeTime);
afterEach(() => vi.useRealTimers());

describe('a token stored while a panel is open', () => {
  it('re-runs the live queries of that host under the new identity, and only those', async () => {
    const github = fakeGitHub();
    // Anonymous: the private repository looks missing. With the token: the real answer.
    github.script(/\/stats\/punch_card/, [{ status: 404, body: { message: 'Not Found' } }]);
    let token: string | undefined = undefined; // set below, read by the engine
    const engine = createEngine({
      cache: createCache({ capBytes: () => 50 * 1024 * 1024, dbName: 'engine-credentials' }),
      fetch: github.fetch,
      resolveHost: async (id) => resolveHost(id, ['git.corp.example']),
      credentials: async () => (token ? { token, viewer: 'mona' } : { viewer: 'anonymous' }),
      settings: async () => ({ freshnessMinutes: 10, insightsTtlMinutes: 10 }),
    });

    const panel = collect(engine, repoQuery('punch-card', 'secret'));
    await until(() => panel.last()?.state === 'no-access');
    expect(panel.last()?.meta.reason).toBe('no-token');

    await flush(); // the head check of the cold visit finishes too
    token = 'ghp_' + 'a'.repeat(36);
    const before = github.requests.length;
    engine.credentialsChanged('git.corp.example'); // another host: nothing happens
    await flush();
    expect(github.requests.length).toBe(before);

    engine.credentialsChanged('github.com');
    await until(() => panel.last()?.state === 'ready');
    expect(panel.last()?.data).toEqual([{ day: 0, hour: 1, commits: 2 }]);
    const statsRequest = github.requests.slice(before).find((r) => r.path.endsWith('/stats/punch_card'));
    expect(statsRequest?.headers.authorization).toBe(`Bearer ${token}`);
  });
});
