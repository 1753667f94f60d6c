import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterDisconnect, createStatboardClient } from '../../utils/statboardClient';
import { repoQuery } from './engine-fakes';

/** A hand-made runtime.Port (WXT's fakeBrowser does not implement runtime.connect). */
function fakePort() {
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const posted: unknown[] = [];
  return {
    posted,
    port: {
      name: 'statboard',
      postMessage: (message: unknown) => void posted.push(message),
      disconnect: () => undefined,
      onMessage: { addListener: (l: (message: unknown) => void) => void messageListeners.push(l) },
      onDisconnect: { addListener: (l: () => void) => void disconnectListeners.push(l) },
    },
    /** the background sends a message */
    receive: (message: unknown) => messageListeners.forEach((l) => l(message)),
    /** the background closes the port */
    drop: () => disconnectListeners.forEach((l) => l()),
  };
}

const realConnect = fakeBrowser.runtime.connect;

function stubConnect() {
  const ports: ReturnType<typeof fakePort>[] = [];
  const connect = vi.fn(() => {
    const p = fakePort();
    ports.push(p);
    return p.port;
  });
  (fakeBrowser.runtime as unknown as { connect: unknown }).connect = connect;
  return { ports, connect };
}

afterEach(() => {
  (fakeBrowser.runtime as unknown as { connect: unknown }).connect = realConnect;
});

/** What the client posts in a task goes at the end of it (a microtask). */
const posted = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('the client after its port closes', () => {
  it('afterDisconnect: reconnect only a port that carried messages and still has watches', () => {
    expect(afterDisconnect({ closed: false, liveWatches: 2, received: true })).toBe('reconnect');
    expect(afterDisconnect({ closed: false, liveWatches: 0, received: true })).toBe('idle');
    expect(afterDisconnect({ closed: false, liveWatches: 2, received: false })).toBe('stop');
    expect(afterDisconnect({ closed: true, liveWatches: 2, received: true })).toBe('idle');
  });

  it('a served port that closes (the worker stopped) reconnects and re-sends every live watch', async () => {
    const { ports, connect } = stubConnect();
    const client = createStatboardClient();
    const snapshots: unknown[] = [];
    client.watch(repoQuery('punch-card'), (s) => snapshots.push(s));
    await posted();
    expect(connect).toHaveBeenCalledTimes(1);
    const first = ports[0]!;
    const id = (first.posted[0] as { id: string }).id;
    first.receive({ type: 'snapshot', id, snapshot: { state: 'loading', meta: {} } });
    expect(snapshots).toHaveLength(1);
    first.drop();
    await posted();
    expect(connect).toHaveBeenCalledTimes(2);
    expect(ports[1]!.posted).toEqual([{ type: 'watch', id, query: repoQuery('punch-card'), priority: 'interactive' }]);
  });

  it('a refused port (closed before it carried anything) is not reconnected', async () => {
    const { ports, connect } = stubConnect();
    const client = createStatboardClient();
    client.watch(repoQuery('punch-card'), () => undefined);
    await posted();
    expect(connect).toHaveBeenCalledTimes(1);
    ports[0]!.drop();
    await posted();
    // Before the fix this reconnected at once, and every refusal connected again.
    expect(connect).toHaveBeenCalledTimes(1);
  });
});

describe('one message per task', () => {
  it('watches posted in one task go as one batch, in order; a batch of snapshots reaches each watch in order', async () => {
    const { ports } = stubConnect();
    const client = createStatboardClient();
    const seen: string[] = [];
    const a = client.watch(repoQuery('punch-card'), (s) => seen.push(`a:${s.state}`));
    client.watch(repoQuery('contributors'), (s) => seen.push(`b:${s.state}`), 'interactive', 'offscreen');
    a.setVisibility('prefetch');
    expect(ports).toHaveLength(0); // nothing leaves before the task ends
    await posted();
    const [batch] = ports[0]!.posted as { type: string; messages: { type: string; id: string }[] }[];
    expect(ports[0]!.posted).toHaveLength(1);
    expect(batch?.type).toBe('batch');
    expect(batch?.messages.map((m) => m.type)).toEqual(['watch', 'watch', 'visibility']);
    const [idA, idB] = batch!.messages.map((m) => m.id);
    ports[0]!.receive({ type: 'snapshots', items: [{ id: idB, snapshot: { state: 'loading', meta: {} } }, { id: idA, snapshot: { state: 'ready', data: [], meta: {} } }] });
    expect(seen).toEqual(['b:loading', 'a:ready']);
    // One message alone goes as itself.
    a.retry();
    await posted();
    expect(ports[0]!.posted[1]).toEqual({ type: 'retry', id: idA });
  });
});

describe('prewatches', () => {
  it('a watch of the same query takes a prewatch over: its latest snapshot at once, no second watch, only the visibility sent', async () => {
    const { ports } = stubConnect();
    const client = createStatboardClient();
    client.prewatch(repoQuery('punch-card'), 'interactive');
    client.prewatch(repoQuery('contributors'), 'interactive', 'contributor-summary');
    await posted();
    const [batch] = ports[0]!.posted as { type: string; messages: { type: string; id: string; visibility?: string; shape?: string }[] }[];
    expect(batch?.messages.map((m) => [m.type, m.visibility, m.shape])).toEqual([
      ['watch', 'offscreen', undefined],
      ['watch', 'offscreen', 'contributor-summary'],
    ]);
    const [punchId, contributorsId] = batch!.messages.map((m) => m.id);
    const ready = { state: 'ready', data: [], meta: { fetchedAt: 1 } };
    ports[0]!.receive({ type: 'snapshot', id: punchId, snapshot: ready });

    const seen: unknown[] = [];
    client.watch(repoQuery('punch-card'), (s) => seen.push(s), 'interactive', 'visible');
    expect(seen).toEqual([ready]); // at once, before any message
    // Another shape is another watch; the prewatch no one took is ended by release.
    client.watch(repoQuery('contributors'), () => undefined, 'interactive', 'visible');
    client.releasePrewatches();
    await posted();
    expect(ports[0]!.posted.slice(1)).toEqual([
      {
        type: 'batch',
        messages: [
          { type: 'visibility', id: punchId, visibility: 'visible' },
          { type: 'watch', id: expect.any(String), query: repoQuery('contributors'), priority: 'interactive' },
          { type: 'unwatch', id: contributorsId },
        ],
      },
    ]);
    // Later snapshots of the taken-over watch reach its new owner.
    ports[0]!.receive({ type: 'snapshot', id: punchId, snapshot: { state: 'loading', meta: {} } });
    expect(seen).toHaveLength(2);
  });

  it('"not loaded yet" from the cache is not replayed to a watch that sees the section', async () => {
    const { ports } = stubConnect();
    const client = createStatboardClient();
    client.prewatch(repoQuery('punch-card'), 'interactive');
    await posted();
    const id = (ports[0]!.posted[0] as { id: string }).id;
    ports[0]!.receive({ type: 'snapshot', id, snapshot: { state: 'loading', meta: { deferred: true } } });
    const seen: unknown[] = [];
    client.watch(repoQuery('punch-card'), (s) => seen.push(s), 'interactive', 'visible');
    expect(seen).toEqual([]);
    const offscreen: unknown[] = [];
    client.prewatch(repoQuery('participation'), 'interactive');
    await posted();
    const last = ports[0]!.posted.at(-1) as { type: string; messages: { type: string; id: string; query: { stat: string } }[] };
    const other = last.messages.find((m) => m.type === 'watch' && m.query.stat === 'participation')!.id;
    ports[0]!.receive({ type: 'snapshot', id: other, snapshot: { state: 'loading', meta: { deferred: true } } });
    client.watch(repoQuery('participation'), (s) => offscreen.push(s), 'interactive', 'offscreen');
    expect(offscreen).toHaveLength(1);
  });
});
