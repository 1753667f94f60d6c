import type { Browser } from 'wxt/browser';
import { configuredHost } from '../account/hostAccess';
import type { HostId, ServerMessage } from '../protocol';
import type { Engine, Watch } from './engine';
import { parseClientMessage } from './messages';

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

export function servePort(port: Browser.runtime.Port, engine: Engine, trusted: Promise<boolean>): void {
  const watches = new Map<string, Watch>();
  let open = true;

  const post = (message: ServerMessage) => {
    if (!open) return;
    try {
      port.postMessage(message);
    } catch {
      close();
    }
  };

  function close(): void {
    open = false;
    for (const watch of watches.values()) watch.unwatch();
    watches.clear();
  }

  port.onDisconnect.addListener(close);
  // Listen at once (messages must not be lost), act once the sender is known to be ours.
  port.onMessage.addListener((raw: unknown) => {
    void trusted.then((ok) => {
      if (!ok) {
        if (open) port.disconnect();
        open = false;
        return;
      }
      if (!open) return;
      const message = parseClientMessage(raw);
      if (!message) return;
      switch (message.type) {
        case 'watch': {
          watches.get(message.id)?.unwatch();
          const id = message.id;
          watches.set(
            id,
            engine.watch(message.query, message.priority ?? 'interactive', (snapshot) => post({ type: 'snapshot', id, snapshot })),
          );
          break;
        }
        case 'unwatch':
          watches.get(message.id)?.unwatch();
          watches.delete(message.id);
          break;
        case 'retry':
          watches.get(message.id)?.retry();
          break;
      }
    });
  });
}
