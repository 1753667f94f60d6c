import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCache } from '../../utils/engine/cache';
import { createEngine } from '../../utils/engine/engine';
import { userRequest } from '../../utils/github/endpoints';
import { resolveHost } from '../../utils/github/hosts';
import { collect, fakeGitHub, flush, repoQuery, until, useFakeTime } from './engine-fakes';

beforeEach(useFakeTime);
afterEach(() => vi.useRealTimers());


/**
 * An engine whose stats requests wait at a gate until `open()` (only the first one with
 * `firstOnly`), with the token set through `setToken`, so a token change can land while a stats
 * request under the old identity is still out.
 */
function engineWithHeldStats(github: ReturnType<typeof fakeGitHub>, dbName: string, options: { firstOnly?: boolean } = {}) {
  const inner = github.fetch;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let held = 0;
  github.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    if (String(input).includes('/stats/') && !(options.firstOnly && held > 0)) {
      held++;
      await gate;
    }
    return inner(input, init);
  }) as typeof fetch;
  let token: string | undefined = undefined;
  const engine = createEngine({
    cache: createCache({ capBytes: () => 50 * 1024 * 1024, dbName }),
    fetch: github.fetch,
    resolveHost: async (id) => resolveHost(id, []),
    credentials: async () => (token ? { token, viewer: 'mona' } : { viewer: 'anonymous' }),
    settings: async () => ({ freshnessMinutes: 10, insightsTtlMinutes: 10 }),
  });
  return { engine, open, setToken: (next: string) => void (token = next) };
}

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

describe('a token added after the anonymous budget is spent', () => {
  const TOKEN = 'ghp_' + 'b'.repeat(36);

  function engineWith(github: ReturnType<typeof fakeGitHub>, dbName: string, tokenRef: { token?: string }) {
    return createEngine({
      cache: createCache({ capBytes: () => 50 * 1024 * 1024, dbName }),
      fetch: github.fetch,
      resolveHost: async (id) => resolveHost(id, []),
      credentials: async () => (tokenRef.token ? { token: tokenRef.token, viewer: 'mona' } : { viewer: 'anonymous' }),
      settings: async () => ({ freshnessMinutes: 10, insightsTtlMinutes: 10 }),
    });
  }

  async function exhaustAnonymous(github: ReturnType<typeof fakeGitHub>, engine: ReturnType<typeof createEngine>) {
    github.state.rate = { limit: 60, remaining: 0 };
    github.script(/\/stats\/punch_card/, [{ status: 403, body: { message: 'API rate limit exceeded for 203.0.113.7.' } }]);
    const panel = collect(engine, repoQuery('punch-card'));
    await until(() => panel.last()?.state === 'rate-limited');
    await flush();
    expect(engine.governor.blockedUntil('https://api.github.com', 'interactive')).toBeGreaterThan(Date.now());
    return panel;
  }

  it('the re-run panels go out with the token at once, not after the anonymous reset', async () => {
    const github = fakeGitHub();
    const tokenRef: { token?: string } = {};
    const engine = engineWith(github, 'engine-credentials-budget', tokenRef);
    const panel = await exhaustAnonymous(github, engine);

    tokenRef.token = TOKEN;
    github.state.rate = { limit: 5000, remaining: 4999 };
    const before = github.requests.length;
    engine.credentialsChanged('github.com');
    await until(() => panel.last()?.state === 'ready');
    expect(panel.last()?.data).toEqual([{ day: 0, hour: 1, commits: 2 }]);
    const statsRequest = github.requests.slice(before).find((r) => r.path.endsWith('/stats/punch_card'));
    expect(statsRequest?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    // The budget now shown is the token's, learned from the new answers.
    expect(engine.governor.current('https://api.github.com')).toMatchObject({ limit: 5000, remaining: 4999 });
    expect(engine.governor.blockedUntil('https://api.github.com', 'interactive')).toBeNull();
  });

  it('the token check (GET /user) is sent despite the block, and its headers are recorded', async () => {
    const github = fakeGitHub();
    const tokenRef: { token?: string } = {};
    const engine = engineWith(github, 'engine-credentials-check', tokenRef);
    await exhaustAnonymous(github, engine);

    github.state.rate = { limit: 5000, remaining: 4990 };
    github.script(/^\/user$/, [{ status: 200, body: { login: 'mona', id: 1 } }]);
    const before = github.requests.length;
    const result = await engine.githubRequest('github.com', userRequest(), { token: TOKEN });
    expect(result).toMatchObject({ kind: 'ok', status: 200 });
    const sent = github.requests.slice(before);
    expect(sent.map((r) => r.path)).toEqual(['/user']);
    expect(sent[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(engine.governor.current('https://api.github.com')).toMatchObject({ limit: 5000, remaining: 4990 });
  });
});

describe('a token stored while a refresh is running', () => {
  it('is not lost: the query runs again under the new identity once the running refresh ends', async () => {
    const github = fakeGitHub();
    github.script(/\/stats\/punch_card/, [{ status: 404, body: { message: 'Not Found' } }]);
    const { engine, open, setToken } = engineWithHeldStats(github, 'engine-credentials-running');

    const panel = collect(engine, repoQuery('punch-card', 'secret'));
    await until(() => panel.last()?.state === 'loading');
    await flush();
    // The anonymous stats request is still out when the token is stored.
    const token = 'ghp_' + 'c'.repeat(36);
    setToken(token);
    engine.credentialsChanged('github.com');
    await flush();
    open();
    await until(() => panel.last()?.state === 'ready');
    // The anonymous 404 came back after the token changed: it is the old identity's answer and
    // is never shown (it would say "add a token" to someone who just did).
    expect(panel.snapshots.some((s) => s.state === 'no-access')).toBe(false);
    expect(panel.last()?.data).toEqual([{ day: 0, hour: 1, commits: 2 }]);
    const stats = github.requests.filter((r) => r.path.endsWith('/stats/punch_card'));
    expect(stats.map((r) => r.headers.authorization)).toEqual([undefined, `Bearer ${token}`]);
  });
});

describe('an answer under the old identity that comes back after the token changed', () => {
  it('does not write its rate-limit headers into the new identity’s budget', async () => {
    const github = fakeGitHub();
    const reset = String(Math.floor(Date.now() / 1000) + 3600);
    // The anonymous answer says the anonymous budget is spent.
    github.script(/\/stats\/punch_card/, [
      { status: 200, body: [[0, 1, 2]], headers: { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } },
    ]);
    const { engine, open, setToken } = engineWithHeldStats(github, 'engine-credentials-generation', { firstOnly: true });

    const panel = collect(engine, repoQuery('punch-card'));
    await until(() => panel.last()?.state === 'loading');
    await flush();
    const token = 'ghp_' + 'd'.repeat(36);
    setToken(token);
    engine.credentialsChanged('github.com');
    await flush();
    expect(engine.governor.current('https://api.github.com')).toBeUndefined();
    open(); // the anonymous answer arrives after the forget
    await flush();
    expect(engine.governor.current('https://api.github.com')?.limit).not.toBe(60);
    expect(engine.governor.blockedUntil('https://api.github.com', 'interactive')).toBeNull();
    // The re-run under the token goes out at once and teaches the token's budget.
    await until(() => github.requests.filter((r) => r.path.endsWith('/stats/punch_card')).length === 2);
    await until(() => panel.last()?.state === 'ready' && !panel.last()?.meta.stale);
    const stats = github.requests.filter((r) => r.path.endsWith('/stats/punch_card'));
    expect(stats[1]?.headers.authorization).toBe(`Bearer ${token}`);
    expect(engine.governor.current('https://api.github.com')).toMatchObject({ limit: 5000, remaining: 4999 });
  });
});
