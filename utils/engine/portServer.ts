import type { Browser } from 'wxt/browser';
import { configuredHost } from '../github/hosts';
import { normalizeHostId } from '../github/hosts';
import type { HostId, ServerMessage, SingleClientMessage, Snapshot } from '../protocol';
import type { Engine, Watch } from './engine';
import { parseClientMessage } from '../protocolSchemas';
import { shaperFor } from './shapes';

/**
 * Serves one UI port: validated watch / unwatch / retry messages in, snapshots out. Every
 * watch of the port ends when the port disconnects (the tab closed or navigated).
 */

export interface SenderCheck {
  runtimeId: string;
  /** e.g. `chrome-extension://<id>/` */
  extensionOrigin: string;
  /** the hosts the user added: a content script elsewhere (an unlisted *.ghe.com too) is refused */
  gheCom: readonly HostId[];
  enterpriseServers: readonly HostId[];
}

/** Where a message comes from: our own extension pages, or our content script in a GitHub page. */
export type SenderKind = 'extension-page' | 'content-script';

/**
 * Our own extension pages, or our content scripts on a configured GitHub host (https); null for
 * anyone else. Content scripts live inside pages, so they get fewer rights (see commands.ts).
 */
export function senderKind(sender: Browser.runtime.MessageSender | undefined, check: SenderCheck): SenderKind | null {
  if (!sender || sender.id !== check.runtimeId) return null;
  const url = sender.url;
  if (!url) return null;
  if (url.startsWith(check.extensionOrigin)) return 'extension-page';
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && configuredHost(parsed.host, check) !== null ? 'content-script' : null;
  } catch {
    return null;
  }
}

export function isTrustedSender(sender: Browser.runtime.MessageSender | undefined, check: SenderCheck): boolean {
  return senderKind(sender, check) !== null;
}

/**
 * Live watches one port may hold. A panel needs about a dozen (five repository sections, or the
 * org reports and a drill-down), the popup a few; beyond this a port is misbehaving (a
 * compromised content script spending the interactive budget), and further watches are refused.
 */
export const MAX_WATCHES_PER_PORT = 64;

/** Who is on the other end of a port: our page, or our content script in a page of `pageHost`. */
export interface PortAccess {
  from: SenderKind;
  /** content scripts: the host of their page; they may watch only that host's queries */
  pageHost?: HostId | null;
}

/** What a port is allowed, from its sender (null: not ours, the port is closed). */
export function portAccess(sender: Browser.runtime.MessageSender | undefined, check: SenderCheck): PortAccess | null {
  const from = senderKind(sender, check);
  if (!from) return null;
  if (from === 'extension-page') return { from };
  try {
    return { from, pageHost: normalizeHostId(new URL(sender?.url ?? '').host) };
  } catch {
    return null;
  }
}

function refusedWatch(message: string): Snapshot {
  return { state: 'error', meta: { retryable: false, message } };
}

export function servePort(port: Browser.runtime.Port, engine: Engine, trusted: Promise<PortAccess | null>): void {
  const watches = new Map<string, Watch>();
  let open = true;

  /** While a batch is handled: the snapshots it is answered with at once, sent as one message. */
  let answering: { id: string; snapshot: Snapshot }[] | null = null;
  const send = (message: ServerMessage) => {
    if (!open) return;
    try {
      port.postMessage(message);
    } catch {
      close();
    }
  };
  const post = (message: { type: 'snapshot'; id: string; snapshot: Snapshot }) => {
    if (answering) answering.push({ id: message.id, snapshot: message.snapshot });
    else send(message);
  };

  function close(): void {
    open = false;
    for (const watch of watches.values()) watch.unwatch();
    watches.clear();
  }

  port.onDisconnect.addListener(close);
  // Listen at once (messages must not be lost), act once the sender is known to be ours.
  port.onMessage.addListener((raw: unknown) => {
    void trusted.then((access) => {
      if (!access) {
        if (open) port.disconnect();
        open = false;
        return;
      }
      if (!open) return;
      const message = parseClientMessage(raw);
      if (!message) return;
      if (message.type !== 'batch') return handle(message, access);
      answering = [];
      try {
        for (const one of message.messages) handle(one, access);
      } finally {
        const items = answering;
        answering = null;
        if (items.length === 1) send({ type: 'snapshot', ...items[0]! });
        else if (items.length > 1) send({ type: 'snapshots', items });
      }
    });
  });

  function handle(message: SingleClientMessage, access: PortAccess): void {
    switch (message.type) {
      case 'watch': {
        const id = message.id;
        const replacing = watches.has(id);
        watches.get(id)?.unwatch();
        watches.delete(id);
        const pageHost = access.from === 'content-script' ? access.pageHost : undefined;
        if (pageHost !== undefined && normalizeHostId(message.query.host) !== pageHost) {
          post({ type: 'snapshot', id, snapshot: refusedWatch(`A page on ${pageHost ?? 'an unknown host'} may only show statistics of its own host.`) });
          break;
        }
        const shape = shaperFor(message.shape, message.query);
        if (!shape) {
          post({ type: 'snapshot', id, snapshot: refusedWatch(`Statboard has no ${message.shape} form of this statistic.`) });
          break;
        }
        if (!replacing && watches.size >= MAX_WATCHES_PER_PORT) {
          post({
            type: 'snapshot',
            id,
            snapshot: refusedWatch(`Statboard shows at most ${MAX_WATCHES_PER_PORT} statistics per page at once; close some and try again.`),
          });
          break;
        }
        watches.set(
          id,
          engine.watch(
            message.query,
            message.priority ?? 'interactive',
            (snapshot) => post({ type: 'snapshot', id, snapshot: shape(snapshot) }),
            message.visibility ?? 'visible',
          ),
        );
        break;
      }
      case 'visibility':
        watches.get(message.id)?.setVisibility(message.visibility);
        break;
      case 'unwatch':
        watches.get(message.id)?.unwatch();
        watches.delete(message.id);
        break;
      case 'retry':
        watches.get(message.id)?.retry();
        break;
    }
  }
}
