import { describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { MAX_WATCHES_PER_PORT, portAccess, servePort, type PortAccess } from '../../utils/engine/portServer';
import type { Engine } from '../../utils/engine/engine';
import type { Query, ServerMessage } from '../../utils/protocol';

/** A port stand-in: what the page side sends, what the background posts back. */
function fakePort() {
  const onMessage: ((m: unknown) => void)[] = [];
  type Single = Extract<ServerMessage, { type: 'snapshot' }>;
  /** every snapshot posted, a `snapshots` batch unpacked in order */
  const posted: Single[] = [];
  /** the messages themselves */
  const messages: ServerMessage[] = [];
  const port = {
    name: 'statboard',
    postMessage: (m: ServerMessage) => {
      messages.push(m);
      posted.push(...(m.type === 'snapshots' ? m.items.map((item): Single => ({ type: 'snapshot', ...item })) : [m]));
    },
    disconnect: vi.fn(),
    onMessage: { addListener: (l: (m: unknown) => void) => void onMessage.push(l) },
    onDisconnect: { addListener: () => undefined },
  } as unknown as Browser.runtime.Port;
  return { port, posted, messages, send: (m: unknown) => onMessage.forEach((l) => l(m)) };
}

function fakeEngine() {
  const watched: Query[] = [];
  const unwatched: Query[] = [];
  const engine = {
    watch: (query: Query) => {
      watched.push(query);
      return { retry: () => undefined, unwatch: () => void unwatched.push(query) };
    },
  } as unknown as Engine;
  return { engine, watched, unwatched };
}

const repo = (n: number, host = 'github.com'): Query => ({ kind: 'repo-stats', host, owner: 'acme', repo: `r${n}`, stat: 'punch-card' });
const settle = () => new Promise((r) => setTimeout(r, 0));
const contentScript: PortAccess = { from: 'content-script', pageHost: 'github.com' };

describe('the port server', () => {
  it(`holds at most ${MAX_WATCHES_PER_PORT} live watches per port and refuses more with an error snapshot`, async () => {
    const { port, posted, send } = fakePort();
    const { engine, watched } = fakeEngine();
    servePort(port, engine, Promise.resolve(contentScript));
    for (let i = 0; i < MAX_WATCHES_PER_PORT + 10; i++) send({ type: 'watch', id: `w${i}`, query: repo(i) });
    await settle();
    expect(watched).toHaveLength(MAX_WATCHES_PER_PORT);
    const refused = posted.filter((m) => m.snapshot.state === 'error');
    expect(refused.map((m) => m.id)).toEqual(Array.from({ length: 10 }, (_, i) => `w${MAX_WATCHES_PER_PORT + i}`));
    expect(refused[0]?.snapshot.meta.message).toMatch(/at most 64/);
    // Re-watching an id it holds is no new watch; after an unwatch there is room again.
    send({ type: 'watch', id: 'w0', query: repo(0) });
    send({ type: 'unwatch', id: 'w1' });
    send({ type: 'watch', id: 'extra', query: repo(999) });
    await settle();
    expect(watched).toHaveLength(MAX_WATCHES_PER_PORT + 2);
  });

  it('a content script watches only its own page’s host', async () => {
    const { port, posted, send } = fakePort();
    const { engine, watched } = fakeEngine();
    servePort(port, engine, Promise.resolve(contentScript));
    send({ type: 'watch', id: 'corp', query: repo(1, 'git.corp.example') });
    send({ type: 'watch', id: 'own', query: repo(2, 'GitHub.com') });
    await settle();
    expect(watched.map((q) => q.host)).toEqual(['GitHub.com']);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ id: 'corp', snapshot: { state: 'error', meta: { message: expect.stringMatching(/only show statistics of its own host/) } } });
  });

  it('the popup (an extension page) watches any configured host', async () => {
    const { port, send } = fakePort();
    const { engine, watched } = fakeEngine();
    servePort(port, engine, Promise.resolve({ from: 'extension-page' }));
    send({ type: 'watch', id: 'corp', query: repo(1, 'git.corp.example') });
    await settle();
    expect(watched).toHaveLength(1);
  });

  it('knows a content script’s page host from its sender', () => {
    const check = { runtimeId: 'ext', extensionOrigin: 'chrome-extension://ext/', gheCom: [], enterpriseServers: ['git.corp.example'] };
    expect(portAccess({ id: 'ext', url: 'https://git.corp.example/infra/app' }, check)).toEqual({ from: 'content-script', pageHost: 'git.corp.example' });
    expect(portAccess({ id: 'ext', url: 'chrome-extension://ext/popup.html' }, check)).toEqual({ from: 'extension-page' });
    expect(portAccess({ id: 'ext', url: 'https://evil.example/' }, check)).toBeNull();
    expect(portAccess({ id: 'other', url: 'https://github.com/' }, check)).toBeNull();
  });
});

describe('shaped watches (the background sums big answers before they cross the port)', () => {
  const weeks = Array.from({ length: 800 }, (_, i) => 1704585600 + i * 604800);
  const stats = {
    weeks,
    contributors: Array.from({ length: 100 }, (_, p) => ({
      login: `dev-${p}`, id: p, htmlUrl: null, avatarUrl: null, isBot: false, total: 800,
      commits: weeks.map(() => 1), additions: weeks.map(() => 3), deletions: weeks.map(() => 2),
    })),
  };
  const contributorsQuery: Query = { kind: 'repo-stats', host: 'github.com', owner: 'acme', repo: 'monolith', stat: 'contributors' };

  function listeningEngine() {
    const listeners: ((s: unknown) => void)[] = [];
    const engine = {
      watch: (_q: Query, _p: unknown, listener: (s: unknown) => void) => {
        listeners.push(listener);
        return { retry: () => undefined, unwatch: () => undefined, setVisibility: () => undefined };
      },
    } as unknown as Engine;
    return { engine, emit: (s: unknown) => listeners.forEach((l) => l(s)), listeners };
  }

  it('a contributors watch with shape contributor-summary gets the sums; one without gets every week', async () => {
    const { port, posted, send } = fakePort();
    const { engine, emit, listeners } = listeningEngine();
    servePort(port, engine, Promise.resolve(contentScript));
    send({ type: 'watch', id: 'panel', query: contributorsQuery, shape: 'contributor-summary' });
    send({ type: 'watch', id: 'export', query: contributorsQuery, visibility: 'offscreen' });
    send({ type: 'watch', id: 'panel2', query: contributorsQuery, shape: 'contributor-summary' });
    await settle();
    expect(listeners).toHaveLength(3);
    emit({ state: 'ready', data: stats, meta: { fetchedAt: 1 } });
    const byId = new Map(posted.map((m) => [m.id, m.snapshot]));
    const summary = byId.get('panel')?.data as { shape: string; windows: Record<string, { commits: number[] }>; people: unknown[] };
    expect(summary.shape).toBe('contributor-summary');
    expect(summary.people).toHaveLength(100);
    expect(summary.windows['52w']?.commits[0]).toBe(52);
    expect(summary.windows.all?.commits[99]).toBe(800);
    expect(byId.get('panel')?.meta).toEqual({ fetchedAt: 1 });
    expect(byId.get('export')?.data).toBe(stats);
    // One summary per answer, whoever watches it.
    expect(byId.get('panel2')?.data).toBe(summary);
    // States without data pass unchanged.
    emit({ state: 'loading', meta: {} });
    expect(posted.at(-1)?.snapshot).toEqual({ state: 'loading', meta: {} });
  });

  it('a shape that does not fit the statistic is refused with an error snapshot, and nothing is watched', async () => {
    const { port, posted, send } = fakePort();
    const { engine, listeners } = listeningEngine();
    servePort(port, engine, Promise.resolve(contentScript));
    send({ type: 'watch', id: 'w', query: repo(1), shape: 'contributor-summary' });
    send({ type: 'watch', id: 'x', query: contributorsQuery, shape: 'every-week' });
    await settle();
    expect(listeners).toHaveLength(0);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ id: 'w', snapshot: { state: 'error', meta: { message: expect.stringMatching(/no contributor-summary form/) } } });
  });
});

describe('batches', () => {
  it('a batch is handled in order, and what it is answered with at once goes back as one message', async () => {
    const { port, posted, messages, send } = fakePort();
    // An engine that answers every watch at once from memory (a prefetched or cached entry).
    const listeners = new Map<string, (s: unknown) => void>();
    const engine = {
      watch: (q: Query, _p: unknown, listener: (s: unknown) => void) => {
        listeners.set(q.kind === 'repo-stats' ? q.repo : q.kind, listener);
        listener({ state: 'ready', data: [1], meta: { fetchedAt: 1 } });
        return { retry: () => undefined, unwatch: () => undefined, setVisibility: () => undefined };
      },
    } as unknown as Engine;
    servePort(port, engine, Promise.resolve(contentScript));
    send({ type: 'batch', messages: [1, 2, 3].map((n) => ({ type: 'watch', id: `w${n}`, query: repo(n) })) });
    await settle();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'snapshots', items: [{ id: 'w1' }, { id: 'w2' }, { id: 'w3' }] });
    // Later answers go one by one, as they come.
    listeners.get('r2')?.({ state: 'ready', data: [2], meta: { fetchedAt: 2 } });
    expect(messages).toHaveLength(2);
    expect(messages[1]).toEqual({ type: 'snapshot', id: 'w2', snapshot: { state: 'ready', data: [2], meta: { fetchedAt: 2 } } });
    // A batch answered with one snapshot sends a plain one; one answered with none sends nothing.
    send({ type: 'batch', messages: [{ type: 'watch', id: 'w4', query: repo(4) }, { type: 'visibility', id: 'w1', visibility: 'offscreen' }] });
    send({ type: 'batch', messages: [{ type: 'unwatch', id: 'w3' }] });
    await settle();
    expect(messages.slice(2)).toEqual([{ type: 'snapshot', id: 'w4', snapshot: { state: 'ready', data: [1], meta: { fetchedAt: 1 } } }]);
    expect(posted.map((m) => m.id)).toEqual(['w1', 'w2', 'w3', 'w2', 'w4']);
  });

  it('a batch holding anything malformed, nested, empty or too long is dropped whole', async () => {
    const { port, posted, send } = fakePort();
    const { engine, watched } = fakeEngine();
    servePort(port, engine, Promise.resolve(contentScript));
    const watch = (n: number) => ({ type: 'watch', id: `w${n}`, query: repo(n) });
    send({ type: 'batch', messages: [watch(1), { type: 'watch', id: 'bad', query: { kind: 'nope' } }] });
    send({ type: 'batch', messages: [watch(2), { type: 'batch', messages: [watch(3)] }] });
    send({ type: 'batch', messages: [] });
    send({ type: 'batch', messages: Array.from({ length: 65 }, (_, i) => watch(i)) });
    await settle();
    expect(watched).toEqual([]);
    expect(posted).toEqual([]);
    send({ type: 'batch', messages: Array.from({ length: 64 }, (_, i) => watch(i)) });
    await settle();
    expect(watched).toHaveLength(64);
  });
});
