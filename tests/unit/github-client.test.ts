import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiUrl, send, type RequestOptions } from '../../utils/github/client';

const TOKEN = 'ghp_secretSECRETsecret0123456789abcdef';

function recorder(response: () => Response | Promise<Response>) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    return response();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
}

afterEach(() => vi.useRealTimers());

/** What the engine's transport does: a URL under the API base, then `send`. */
function get(apiBase: string, path: string, options: RequestOptions = {}) {
  const url = apiUrl(apiBase, path);
  if (!url) throw new Error(`no URL for ${path}`);
  return send(url, new URL(apiBase).origin, options);
}

describe('GitHub client', () => {
  it("sends GitHub's headers, the token and If-None-Match", async () => {
    const r = recorder(() => new Response('{"a":1}', { status: 200, headers: { etag: '"e1"', 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4990', 'x-ratelimit-reset': '1800000000', 'x-ratelimit-used': '10', 'x-ratelimit-resource': 'core' } }));
    const result = await get('https://api.github.com', '/repos/a/b/stats/punch_card', { token: TOKEN, etag: '"e0"', fetch: r.fetch });
    expect(r.calls[0]?.headers).toEqual({
      Accept: 'application/vnd.github+json',
      'X-GitHub-Api-Version': '2022-11-28',
      Authorization: `Bearer ${TOKEN}`,
      'If-None-Match': '"e0"',
    });
    expect(result).toMatchObject({ kind: 'ok', status: 200, body: { a: 1 }, info: { etag: '"e1"', rate: { limit: 5000, remaining: 4990, used: 10, resetAt: 1_800_000_000_000, resource: 'core' } } });
  });

  it('sends the token only to its own API origin, over https', async () => {
    const r = recorder(() => new Response('{}'));
    await send(new URL('https://api.github.com/user'), 'https://api.github.com', { token: TOKEN, fetch: r.fetch });
    await send(new URL('https://evil.example/user'), 'https://api.github.com', { token: TOKEN, fetch: r.fetch });
    await send(new URL('http://api.github.com/user'), 'http://api.github.com', { token: TOKEN, fetch: r.fetch });
    expect(r.calls.map((c) => 'Authorization' in c.headers)).toEqual([true, false, false]);
  });

  it('never builds a URL outside the API base', () => {
    expect(apiUrl('https://git.corp/api/v3', '/repos/a/b')?.href).toBe('https://git.corp/api/v3/repos/a/b');
    expect(apiUrl('http://api.github.com', '/user')).toBeNull();
    expect(apiUrl('https://api.github.com', '//evil.example/x')).toBeNull();
    expect(apiUrl('https://api.github.com', '/../x')).toBeNull();
    expect(apiUrl('https://api.github.com', 'user')).toBeNull();
    expect(apiUrl('https://api.github.com', '/x?y=1')).toBeNull();
  });

  it('turns every outcome into a result', async () => {
    const at = (status: number, body: string | null = null, headers: Record<string, string> = {}) =>
      get('https://api.github.com', '/x', { fetch: recorder(() => new Response(body, { status, headers })).fetch });
    expect((await at(304)).kind).toBe('not-modified');
    expect((await at(202, '{}')).kind).toBe('accepted');
    expect((await at(204)).kind).toBe('no-content');
    expect(await at(403, '{"message":"API rate limit exceeded"}', { 'retry-after': '30' })).toMatchObject({
      kind: 'http-error', status: 403, message: 'API rate limit exceeded', info: { retryAfter: 30 },
    });
    expect(await at(200, 'not json{')).toMatchObject({ kind: 'ok', body: undefined });
    const sha = await get('https://api.github.com', '/repos/a/b/commits/HEAD', {
      accept: 'application/vnd.github.sha',
      fetch: recorder(() => new Response('abc123\n')).fetch,
    });
    expect(sha).toMatchObject({ kind: 'ok', body: 'abc123' });
  });

  it('a network failure or timeout never carries the token or the thrown text', async () => {
    const failing = vi.fn(async () => {
      throw new TypeError(`Failed to fetch with Bearer ${TOKEN}`);
    }) as unknown as typeof globalThis.fetch;
    const result = await get('https://api.github.com', '/x', { token: TOKEN, fetch: failing });
    expect(result.kind).toBe('network-error');
    expect(JSON.stringify(result)).not.toContain(TOKEN);

    vi.useFakeTimers();
    const hanging = vi.fn((_url: string, init: RequestInit) => new Promise<Response>((_, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    })) as unknown as typeof globalThis.fetch;
    const pending = get('https://api.github.com', '/x', { token: TOKEN, fetch: hanging, timeoutMs: 5000 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toEqual({ kind: 'network-error', message: 'GitHub did not answer in time.', timedOut: true });
  });
});
