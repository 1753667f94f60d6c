import type { GitHubResult } from '../github/client';
import type { EndpointRequest } from '../github/endpoints';
import type { GitHubHost } from '../github/hosts';
import type { HostId, Priority, Query, Snapshot, Visibility } from '../protocol';
import type { Cache } from './cache';
import type { RateLimitGovernor } from './rateLimitGovernor';

/** The engine's public shape (createEngine in engine.ts), apart so its parts can name it without a cycle. */

export interface Credentials {
  token?: string;
  /**
   * whose answers these are: `anonymous` without a token, else the token's fingerprint with the
   * login when known (utils/engine/identity.ts credentialsFor). Part of every cache key.
   */
  viewer: string;
}

export interface FreshnessSettings {
  freshnessMinutes: number;
  insightsTtlMinutes: number;
}

export interface EngineDeps {
  cache: Cache;
  resolveHost(id: HostId): Promise<GitHubHost | null>;
  credentials(host: GitHubHost): Promise<Credentials>;
  settings(): Promise<FreshnessSettings>;
  fetch?: typeof fetch;
  now?: () => number;
  /** wakes the worker for polls longer than timers can be trusted with (browser.alarms) */
  wakeUpAt?(when: number): void;
  timeoutMs?: number;
}

export type Listener = (snapshot: Snapshot) => void;

export interface Watch {
  /** refetch now, ignoring freshness */
  retry(): void;
  /** this watcher's data came into view, left it, or may be fetched ahead */
  setVisibility(visibility: Visibility): void;
  unwatch(): void;
}

/** The answer to a support request (`githubRequest`, see transport.ts supportRequest). */
export type SupportAnswer =
  | GitHubResult
  | { kind: 'unknown-host' }
  | { kind: 'rate-limited'; until: number }
  | { kind: 'refused'; message: string };

export interface Engine {
  /** `visibility` (default `visible`): see protocol.ts Visibility; nothing is fetched for `offscreen` */
  watch(query: Query, priority: Priority, listener: Listener, visibility?: Visibility): Watch;
  /** one refresh for background work (watch list): resolves with the first settled snapshot */
  fetchOnce(query: Query, priority?: Priority): Promise<Snapshot>;
  /**
   * The token of a host was stored, checked or removed: live queries of that host run again
   * under the new identity (not forced: what the new viewer has fresh in the cache costs nothing).
   */
  credentialsChanged(host: HostId): void;
  /** picks up 202 sequences persisted before the worker stopped */
  resumePolls(): Promise<void>;
  /** a single GET for support calls (`GET /user` token checks); headers in `info` */
  githubRequest(host: HostId, request: EndpointRequest, options?: { token?: string }): Promise<SupportAnswer>;
  readonly governor: RateLimitGovernor;
  readonly cache: Cache;
  /** live entries, for tests and diagnostics */
  readonly liveQueries: number;
}
