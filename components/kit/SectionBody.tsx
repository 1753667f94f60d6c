import type { ComponentChildren } from 'preact';
import type { Snapshot } from '../../utils/protocol';
import { shownData } from './shownData';
import { FreshnessNote, StateMessage } from './StateMessage';

export interface SectionBodyProps<T> {
  snapshot: Snapshot<T>;
  onRetry(): void;
  /** what the body shows, in a sentence's subject position ("Code frequency") */
  what: string;
  /** the height the ready view takes (reserved while loading, so nothing jumps) */
  minHeight: number;
  /** per-state sentences that replace the engine's */
  sentences?: Partial<Record<Snapshot['state'], string>>;
  /** the data view, given the data */
  children: (data: T) => ComponentChildren;
}

/**
 * The body of a section (or of a part of one): the data view, under a freshness note when the
 * data is saved data (stale, offline, or kept through `computing`, `rate-limited`, `error`), or
 * the state message; never both.
 */
export function SectionBody<T>({ snapshot, onRetry, what, minHeight, sentences, children }: SectionBodyProps<T>) {
  const data = shownData(snapshot);
  if (data === undefined) {
    return <StateMessage snapshot={snapshot} onRetry={onRetry} what={what} minHeight={minHeight} sentences={sentences} />;
  }
  return (
    <>
      <FreshnessNote snapshot={snapshot} onRetry={onRetry} />
      {children(data)}
    </>
  );
}
