import type { GitHubHost } from '../github/hosts';
import { queryKey, type HostId } from '../protocol';
import type { Cache, CacheEntry, PendingPoll } from './cache';
import type { Entry, Registry } from './queryRegistry';
import type { RateLimitGovernor } from './rateLimitGovernor';
import { ALARM_MIN_MS } from './safeTimer';
import * as states from './states';

/**
 * 202 polling ("computing"): the schedule for asking again, about 1 s, doubling, capped at 30 s,
 * giving up once the sequence has run 3 minutes, and the sequences themselves, persisted
 * (cache.ts `polls`) so they resume when the worker wakes up again.
 */

export const POLL_FIRST_DELAY_MS = 1_000;
export const POLL_MAX_DELAY_MS = 30_000;
export const POLL_GIVE_UP_MS = 3 * 60_000;
/** The alarm that wakes the worker for every long wait (index.ts wakeUpAt). */
export const POLL_ALARM = 'statboard-poll';

/** The wait after the `attempt`-th 202 (1-based). */
export function pollDelay(attempt: number): number {
  return Math.min(POLL_FIRST_DELAY_MS * 2 ** Math.max(0, attempt - 1), POLL_MAX_DELAY_MS);
}

/** Whether a sequence that started at `firstAt` has run long enough to give up. */
export function shouldGiveUp(firstAt: number, now: number): boolean {
  return now - firstAt >= POLL_GIVE_UP_MS;
}

/**
 * Below the budget's reserve a visible section still polls, four times slower (at least 4 s,
 * at most a minute): each poll costs one of the few requests left.
 */
export function lowBudgetPollDelay(attempt: number): number {
  return Math.min(Math.max(4_000, pollDelay(attempt) * 4), 60_000);
}

export interface StatsPollerDeps {
  registry: Registry;
  cache: Cache;
  governor: RateLimitGovernor;
  resolveHost(id: HostId): Promise<GitHubHost | null>;
  now: () => number;
  wakeUpAt?(when: number): void;
}

export interface StatsPoller {
  /** GitHub answered 202: the next attempt is saved and scheduled (or the sequence gives up) */
  accepted(entry: Entry, cached: CacheEntry | undefined): Promise<void>;
  /** out of view with the budget low: the poll waits until the section is seen again */
  park(entry: Entry, cached: CacheEntry | undefined): void;
  /** the sequence is over (an answer, another identity): its saved state goes */
  end(entry: Entry): Promise<void>;
  /** the entry left the registry while polling: nobody resumes its poll */
  forget(entry: Entry): void;
  /** picks up the sequences saved before the worker stopped */
  resume(): Promise<void>;
}

export function createStatsPoller(deps: StatsPollerDeps): StatsPoller {
  const { registry, cache, governor, now } = deps;

  async function end(entry: Entry): Promise<void> {
    if (!entry.poll) return;
    entry.poll = undefined;
    await cache.polls.remove(entry.key).catch(() => undefined);
  }

  return {
    end,
    async accepted(entry, cached) {
      // Each poll costs a request: with the budget low, a visible section asks less often.
      const host = await deps.resolveHost(entry.query.host);
      // The last watcher left while the request was out: no poll is saved (resume would
      // revive it for nobody). A later visit asks again.
      if (entry.disposed) return;
      const t = now();
      const poll: PendingPoll = entry.poll ?? { key: entry.key, query: entry.query, firstAt: t, attempt: 0, nextAt: t };
      poll.attempt++;
      if (shouldGiveUp(poll.firstAt, t)) {
        await end(entry);
        return registry.emit(entry, states.overCache(states.stillComputing(), cached));
      }
      poll.nextAt = t + (host && governor.isLow(host.apiBase) ? lowBudgetPollDelay(poll.attempt) : pollDelay(poll.attempt));
      entry.poll = poll;
      // Best effort: without storage the poll still runs while the worker does.
      await cache.polls.save({ ...poll }).catch(() => undefined);
      if (poll.nextAt - t >= ALARM_MIN_MS) deps.wakeUpAt?.(poll.nextAt);
      registry.emit(entry, states.withCachedData(states.computing(poll.attempt, poll.nextAt), cached));
      registry.schedule(entry, poll.nextAt, true);
    },
    park(entry, cached) {
      entry.parked = true;
      const held = states.withCachedData(states.computing(entry.poll!.attempt, 0), cached);
      const { nextRetryAt: _next, ...meta } = held.meta;
      registry.emit(entry, { ...held, meta: { ...meta, deferred: true } });
    },
    forget(entry) {
      if (entry.poll) void cache.polls.remove(entry.key).catch(() => undefined);
    },
    async resume() {
      const polls = await cache.polls.all().catch(() => []);
      for (const poll of polls) {
        const key = queryKey(poll.query);
        if (key !== poll.key) {
          await cache.polls.remove(poll.key);
          continue;
        }
        // A poll for a host the user has since removed would be revived on every start, for
        // nobody: it goes.
        // (The host list unreadable: the poll stays stored for a later start.)
        const host = await deps.resolveHost(poll.query.host).catch(() => undefined);
        if (host === undefined) continue;
        if (!host) {
          await cache.polls.remove(poll.key);
          continue;
        }
        const entry = registry.entryFor(poll.query);
        if (entry.running || entry.timer || entry.poll) continue;
        entry.poll = { ...poll };
        entry.held = entry.watchers.size === 0;
        registry.emit(entry, states.computing(poll.attempt, poll.nextAt));
        registry.schedule(entry, poll.nextAt, true);
      }
    },
  };
}
