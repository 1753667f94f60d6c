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

describe('the client after its port closes', () => {
  it('afterDisconnect: reconnect only a port that carried messages and still has watches', () => {
    expect(afterDisconnect({ closed: false, liveWatches: 2, received: true })).toBe('reconnect');
    expect(afterDisconnect({ closed: false, liveWatches: 0, received: true })).toBe('idle');
    expect(afterDisconnect({ closed: false, liveWatches: 2, received: false })).toBe('stop');
    expect(afterDisconnect({ closed: true, liveWatches: 2, received: true })).toBe('idle');
  });

  it('a served port that closes (the worker stopped) reconnects and re-sends every live watch', () => {
    const { ports, connect } = stubConnect();
    const client = createStatboardClient();
    const snapshots: unknown[] = [];
    client.watch(repoQuery('punch-card'), (s) => snapshots.push(s));
    expect(connect).toHaveBeenCalledTimes(1);
    const first = ports[0]!;
    const id = (first.posted[0] as { id: string }).id;
    first.receive({ type: 'snapshot', id, snapshot: { state: 'loading', meta: {} } });
    expect(snapshots).toHaveLength(1);
    first.drop();
    expect(connect).toHaveBeenCalledTimes(2);
    expect(ports[1]!.posted).toEqual([{ type: 'watch', id, query: repoQuery('punch-card'), priority: 'interactive' }]);
  });

  it('a refused port (closed before it carried anything) is not reconnected', () => {
    const { ports, connect } = stubConnect();
    const client = createStatboardClient();
    client.watch(repoQuery('punch-card'), () => undefined);
    expect(connect).toHaveBeenCalledTimes(1);
    ports[0]!.drop();
    // Before the fix this reconnected at once, and every refusal connected again.
    expect(connect).toHaveBeenCalledTimes(1);
  });
});
