import { storage } from 'wxt/utils/storage';
import type { WatchEntry } from '../protocol';
import type { SeenState } from './badge';

/** The watched repositories and organizations, newest first, with their last numbers. */
export const watchlistItem = storage.defineItem<WatchEntry[]>('local:watchlist', { fallback: [] });

/** What the popup last showed (for the badge). */
export const watchlistSeenItem = storage.defineItem<SeenState>('local:watchlistSeen', { fallback: { marks: {} } });
