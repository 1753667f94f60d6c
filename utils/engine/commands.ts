import * as v from 'valibot';
import { normalizeHostId } from '../github/hosts';
import type { Command, CommandResult, HostId, TokenStatus, WatchEntry } from '../protocol';
import { CommandSchema } from '../protocolSchemas';

/**
 * The one-shot command router (runtime.sendMessage). Every message is checked against the
 * command shapes before any handler sees it; modules register the handlers they own
 * (the engine: cache.*; accounts: token.*; the watch list: watchlist.*).
 */

/** Who sent a command (already checked to be this extension): for the few that act on it. */
export interface CommandContext {
  sender?: { tab?: { id?: number }; frameId?: number; url?: string };
  /** content scripts run inside GitHub's pages and may send only CONTENT_SCRIPT_COMMANDS */
  from?: 'extension-page' | 'content-script';
}

/**
 * What a panel needs, and no more: a content script (inside a web page) cannot set or remove a
 * token, clear the cache or refresh the watch list; only the popup and options page can. What it
 * may ask is limited to its own page's host (see scopeToPage below).
 */
export const CONTENT_SCRIPT_COMMANDS: ReadonlySet<Command['type']> = new Set<Command['type']>([
  'panels.load',
  'options.open',
  'token.status',
  'watchlist.get',
  'watchlist.add',
  'watchlist.remove',
]);

type CommandOf<K extends Command['type']> = Extract<Command, { type: K }>;

/** A handler for one command type; the router passes the checked sender as `context`. */
export type CommandHandler<K extends Command['type']> = (command: CommandOf<K>, context?: CommandContext) => Promise<CommandResult<CommandOf<K>>>;

export type CommandHandlers = {
  [K in Command['type']]?: (command: CommandOf<K>, context: CommandContext) => Promise<CommandResult<CommandOf<K>>>;
};

// The command envelope's schema, for the background's message listener.
export { CommandEnvelopeSchema } from '../protocolSchemas';

const handlers: CommandHandlers = {};

/** Adds (or replaces) handlers for some command types. */
export function registerCommandHandlers(partial: CommandHandlers): void {
  Object.assign(handlers, partial);
}

/** For tests: forget every handler. */
export function resetCommandHandlers(): void {
  for (const key of Object.keys(handlers)) delete handlers[key as keyof CommandHandlers];
}

/** The host of the page a content script runs in (the frame's URL), or null. */
export function pageHostOf(context: CommandContext): HostId | null {
  try {
    return context.sender?.url ? normalizeHostId(new URL(context.sender.url).host) : null;
  } catch {
    return null;
  }
}

/** The host a command is about, for the commands that name one. */
function commandHost(command: Command): HostId | undefined {
  if (command.type === 'watchlist.add') return command.entry.host;
  return 'host' in command ? command.host : undefined;
}

/**
 * A content script learns only what its own page needs: about its page's host, nothing of other
 * hosts (their logins, scopes, Enterprise repository names), and of the token only whether one is
 * set (a panel tells "add a token" from "your token was refused"). Of the watch list it gets its
 * host's entries without their numbers (a pin button needs only "is this page pinned").
 */
function scopeToPage(command: Command, result: unknown, host: HostId): unknown {
  if (command.type === 'token.status') {
    const status = result as TokenStatus;
    return { host: status.host, status: status.status } satisfies TokenStatus;
  }
  if (command.type === 'watchlist.get' || command.type === 'watchlist.add' || command.type === 'watchlist.remove') {
    return (result as WatchEntry[])
      .filter((entry) => entry.host === host)
      .map(({ host: h, kind, name, addedAt }) => ({ host: h, kind, name, addedAt }) satisfies WatchEntry);
  }
  return result;
}

/** Runs a command from an untrusted message; rejects malformed or unhandled ones. */
export async function dispatchCommand(raw: unknown, context: CommandContext = {}): Promise<unknown> {
  const parsed = v.safeParse(CommandSchema, raw);
  if (!parsed.success) throw new Error('Statboard does not know this command.');
  const command: Command = parsed.output;
  const fromPage = context.from !== 'extension-page';
  if (fromPage && !CONTENT_SCRIPT_COMMANDS.has(command.type)) {
    throw new Error(`${command.type} is only for Statboard's own pages.`);
  }
  const pageHost = fromPage ? pageHostOf(context) : null;
  if (fromPage) {
    const about = commandHost(command);
    if (!pageHost || (about !== undefined && normalizeHostId(about) !== pageHost)) {
      throw new Error(`A page on ${pageHost ?? 'an unknown host'} may only ask about its own host.`);
    }
  }
  const handler = handlers[command.type] as ((c: Command, context: CommandContext) => Promise<unknown>) | undefined;
  if (!handler) throw new Error(`No handler for ${command.type}.`);
  const result = await handler(command, context);
  return pageHost ? scopeToPage(command, result, pageHost) : result;
}

/**
 * The engine's own commands: the cache size report and clearing it. When the cache cannot be
 * used (IndexedDB did not open), the report says so in `unavailable`, for the options page.
 */
export function cacheCommandHandlers(cache: {
  sizeReport(): Promise<{ bytes: number; entries: number }>;
  clearAll(): Promise<void>;
  problem?(): string | null;
}): CommandHandlers {
  const unavailable = () =>
    cache.problem?.() ??
    'Statboard cannot read its saved answers right now, so panels fetch from GitHub on every visit. Statboard tries again every minute.';
  return {
    'cache.size': async () => {
      try {
        return await cache.sizeReport();
      } catch {
        return { bytes: 0, entries: 0, unavailable: unavailable() };
      }
    },
    'cache.clear': async () => {
      await cache.clearAll();
      return { ok: true };
    },
  };
}
