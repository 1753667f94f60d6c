import type { WatchEntry } from '../protocol';
import { defineProtectedItem } from '../protectedStore';
import type { SeenState } from './badge';

/**
 * In the protected store (utils/protectedStore.ts), not `storage.local`: the list names private
 * and Enterprise repositories, and a content script may only learn its own page's entries
 * (through `watchlist.get`, see utils/engine/commands.ts).
 */

const NO_ENTRIES: WatchEntry[] = [];
const NOTHING_SEEN: SeenState = { marks: {} };

/** The watched repositories and organizations, newest first, with their last numbers. */
export const watchlistItem = defineProtectedItem<WatchEntry[]>('watchlist', NO_ENTRIES);

/** What the popup last showed (for the badge). */
export const watchlistSeenItem = defineProtectedItem<SeenState>('watchlistSeen', NOTHING_SEEN);
