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
