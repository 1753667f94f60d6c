import type { Priority } from '../protocol';

/**
 * One queue per API origin: at most 2 requests in flight (GitHub asks for serial use, two
 * keeps a panel quick), interactive work before background work, first come first served
 * within a priority. Work nobody wants any more is dropped before it costs a request.
 */

export const MAX_IN_FLIGHT = 2;
export const DROPPED = Symbol('dropped');

interface Job {
  priority: Priority;
  isWanted: () => boolean;
  run: () => Promise<unknown>;
  resolve: (value: unknown) => void;
}

export interface RequestQueue {
  enqueue<T>(priority: Priority, run: () => Promise<T>, isWanted?: () => boolean): Promise<T | typeof DROPPED>;
  /** drops queued jobs whose query nobody watches any more */
  prune(): void;
  readonly inFlight: number;
  readonly waiting: number;
}

export function createRequestQueue(maxInFlight = MAX_IN_FLIGHT): RequestQueue {
  const interactive: Job[] = [];
  const background: Job[] = [];
  let inFlight = 0;

  function next(): Job | undefined {
    return interactive.shift() ?? background.shift();
  }

  function pump(): void {
    while (inFlight < maxInFlight) {
      const job = next();
      if (!job) return;
      if (!job.isWanted()) {
        job.resolve(DROPPED);
        continue;
      }
      inFlight++;
      job
        .run()
        .then(job.resolve, () => job.resolve(DROPPED))
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  }

  function dropUnwanted(list: Job[]): void {
    for (let i = list.length - 1; i >= 0; i--) {
      const job = list[i]!;
      if (!job.isWanted()) {
        list.splice(i, 1);
        job.resolve(DROPPED);
      }
    }
  }

  return {
    enqueue<T>(priority: Priority, run: () => Promise<T>, isWanted: () => boolean = () => true) {
      return new Promise<T | typeof DROPPED>((resolve) => {
        const job: Job = { priority, isWanted, run, resolve: resolve as (value: unknown) => void };
        (priority === 'interactive' ? interactive : background).push(job);
        pump();
      });
    },
    prune() {
      dropUnwanted(interactive);
      dropUnwanted(background);
    },
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return interactive.length + background.length;
    },
  };
}
