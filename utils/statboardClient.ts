import { browser, type Browser } from 'wxt/browser';
import { MAX_BATCH } from './protocolSchemas';
import {
  commandMessage,
  PORT_NAME,
  queryKey,
  type ClientMessage,
  type Command,
  type CommandResult,
  type DataOf,
  type DataShape,
  type Priority,
  type Query,
  type ServerMessage,
  type SingleClientMessage,
  type Snapshot,
  type Visibility,
} from './protocol';

/**
 * The UI side of the port protocol, used by content scripts, the popup and the options page.
 * It reconnects when the background worker is stopped (MV3 workers come and go) and re-sends
 * every live watch, so a panel never notices the restart.
 */
export interface QueryWatch {
  /** refetch now, ignoring freshness */
  retry(): void;
  /** the watched data came into view or left it (see Visibility) */
  setVisibility(visibility: Visibility): void;
  unwatch(): void;
}

export interface StatboardClient {
  watch<Q extends Query>(
    query: Q,
    onSnapshot: (snapshot: Snapshot<DataOf<Q>>) => void,
    priority?: Priority,
    visibility?: Visibility,
    /** the snapshots carry this shape of the data instead (the caller reads that type) */
    shape?: DataShape,
  ): QueryWatch;
  command<C extends Command>(command: C): Promise<CommandResult<C>>;
  /**
   * Watches a query out of view (`offscreen`: answered from the cache, never fetched) before its
   * view exists, keeping the latest snapshot: a later `watch` of the same query, priority and
   * shape takes it over and gets that snapshot at once, without a round trip to the background.
   * A panel does this while its settings are read (they decide which sections are shown).
   */
  prewatch(query: Query, priority: Priority, shape?: DataShape): void;
  /** ends the prewatches no `watch` took over (the sections the settings turned off) */
  releasePrewatches(): void;
  /** drops every watch and the port (the panel went away) */
  close(): void;
}

interface LiveWatch {
  query: Query;
  priority: Priority;
  visibility: Visibility;
  shape?: DataShape;
  onSnapshot: (snapshot: Snapshot) => void;
}

/**
 * What the client does when its port closes. A port that carried snapshots was served: the
 * worker stopped, so reconnect (which wakes it) and resume the live watches. A port closed
 * before it carried anything was refused (the background does not serve this sender):
 * reconnecting would be refused again, at once and forever, so stop.
 */
export function afterDisconnect(port: { closed: boolean; liveWatches: number; received: boolean }): 'reconnect' | 'idle' | 'stop' {
  if (port.closed) return 'idle';
  if (!port.received) return 'stop';
  return port.liveWatches > 0 ? 'reconnect' : 'idle';
}

/** A watch message; the default visibility is left out (smaller messages, as before). */
function watchMessage(id: string, query: Query, priority: Priority, visibility: Visibility, shape?: DataShape): SingleClientMessage {
  const message: SingleClientMessage = visibility === 'visible' ? { type: 'watch', id, query, priority } : { type: 'watch', id, query, priority, visibility };
  return shape ? { ...message, shape } : message;
}

export function createStatboardClient(): StatboardClient {
  const watches = new Map<string, LiveWatch>();
  let port: Browser.runtime.Port | null = null;
  let closed = false;
  let nextId = 0;
  const instance = Math.random().toString(36).slice(2, 8);

  /**
   * What is posted in one task goes as one message, at the end of the task (a microtask): a
   * panel's first render watches every section at once, and the background answers a batch
   * with one message, so the page renders once, not once per section.
   */
  let outbox: SingleClientMessage[] = [];
  function post(message: SingleClientMessage): void {
    outbox.push(message);
    if (outbox.length === 1) queueMicrotask(flush);
  }
  function flush(): void {
    const messages = outbox;
    outbox = [];
    if (closed || messages.length === 0) return;
    try {
      const target = ensurePort();
      for (let i = 0; i < messages.length; i += MAX_BATCH) {
        const part = messages.slice(i, i + MAX_BATCH);
        target.postMessage(part.length === 1 ? part[0]! : ({ type: 'batch', messages: part } satisfies ClientMessage));
      }
    } catch {
      // The extension was reloaded or updated: this page's script is orphaned and stays quiet.
      closed = true;
    }
  }

  function ensurePort(): Browser.runtime.Port {
    if (port) return port;
    const opened = browser.runtime.connect({ name: PORT_NAME });
    let received = false;
    opened.onMessage.addListener((raw: unknown) => {
      received = true;
      const message = raw as ServerMessage;
      const items = message.type === 'snapshots' ? message.items : [message];
      for (const { id, snapshot } of items) watches.get(id)?.onSnapshot(snapshot);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = null;
      const next = afterDisconnect({ closed, liveWatches: watches.size, received });
      if (next === 'stop') closed = true;
      if (next !== 'reconnect') return;
      // The worker stopped: reconnect (which wakes it) and resume every watch.
      for (const [id, watch] of watches) post(watchMessage(id, watch.query, watch.priority, watch.visibility, watch.shape));
    });
    port = opened;
    return opened;
  }

  /** Prewatches not taken over yet, by query, priority and shape, with their latest snapshot. */
  const early = new Map<string, { id: string; live: LiveWatch; latest?: Snapshot }>();
  const earlyKey = (query: Query, priority: Priority, shape?: DataShape) => `${queryKey(query)}|${priority}|${shape ?? ''}`;

  function handle(id: string, live: LiveWatch): QueryWatch {
    const setVisibility = (next: Visibility) => {
      if (!watches.has(id) || live.visibility === next) return;
      live.visibility = next;
      post({ type: 'visibility', id, visibility: next });
    };
    return {
      retry: () => post({ type: 'retry', id }),
      setVisibility,
      unwatch: () => {
        if (!watches.delete(id)) return;
        post({ type: 'unwatch', id });
      },
    };
  }

  return {
    watch(query, onSnapshot, priority = 'interactive', visibility = 'visible', shape) {
      const deliver = onSnapshot as (s: Snapshot) => void;
      const key = earlyKey(query, priority, shape);
      const taken = early.get(key);
      if (taken && watches.has(taken.id)) {
        early.delete(key);
        taken.live.onSnapshot = deliver;
        const watch = handle(taken.id, taken.live);
        // What it has now, at once; "not loaded yet" is for out-of-view watchers only.
        if (taken.latest && !(taken.latest.meta.deferred && visibility !== 'offscreen')) deliver(taken.latest);
        watch.setVisibility(visibility);
        return watch;
      }
      const id = `${instance}-${++nextId}`;
      const live: LiveWatch = { query, priority, visibility, shape, onSnapshot: deliver };
      watches.set(id, live);
      post(watchMessage(id, query, priority, visibility, shape));
      return handle(id, live);
    },
    prewatch(query, priority, shape) {
      const key = earlyKey(query, priority, shape);
      if (early.has(key)) return;
      const id = `${instance}-${++nextId}`;
      const entry: { id: string; live: LiveWatch; latest?: Snapshot } = {
        id,
        live: { query, priority, visibility: 'offscreen', shape, onSnapshot: (snapshot) => void (entry.latest = snapshot) },
      };
      early.set(key, entry);
      watches.set(id, entry.live);
      post(watchMessage(id, query, priority, 'offscreen', shape));
    },
    releasePrewatches() {
      for (const { id, live } of early.values()) handle(id, live).unwatch();
      early.clear();
    },
    command(command) {
      return browser.runtime.sendMessage(commandMessage(command)) as Promise<never>;
    },
    close() {
      closed = true;
      watches.clear();
      early.clear();
      port?.disconnect();
      port = null;
    },
  };
}
