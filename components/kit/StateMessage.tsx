import type { Snapshot } from '../../utils/protocol';
import { usePanel } from './context';
import { noAccessSentence } from './stateSentences';
import { clockTime, countdown, useNow } from './time';

export interface StateMessageProps {
  snapshot: Snapshot<unknown>;
  onRetry(): void;
  /** what the section shows, in a sentence's subject position ("Code frequency") */
  what: string;
  /** the height the ready view takes, so nothing below jumps when data arrives */
  minHeight: number;
  /** replaces the engine's sentence for these states (e.g. why code frequency is too large) */
  sentences?: Partial<Record<Snapshot['state'], string>>;
}

/** Every non-ready state as a clear sentence with the action the user can take. */
export function StateMessage({ snapshot, onRetry, what, minHeight, sentences = {} }: StateMessageProps) {
  const { client, host } = usePanel();
  const { state, meta } = snapshot;
  const counting = state === 'computing' || state === 'rate-limited';
  const now = useNow(counting);
  // Only states that lead to data keep the ready view's height; settled ones stay compact.
  const style = state === 'computing' ? { minHeight: `${minHeight}px` } : undefined;
  const retry = (
    <button type="button" class="sb-btn" onClick={onRetry}>
      Retry
    </button>
  );
  const custom = sentences[state];

  switch (state) {
    case 'loading':
      // Not requested: nobody has looked at it yet (the budget goes to what is seen).
      if (meta.deferred) {
        return (
          <div class="sb-state" style={{ minHeight: `${minHeight}px` }} data-deferred>
            <p class="sb-state-title">Not loaded yet</p>
            <p>Statboard asks GitHub for {what.toLowerCase()} when this section comes into view.</p>
          </div>
        );
      }
      return (
        <div class="sb-state" style={{ minHeight: `${minHeight}px` }} aria-busy="true">
          <span class="sb-visually-hidden">Loading {what.toLowerCase()}…</span>
          <div class="sb-skeleton" style={{ height: `${Math.max(16, minHeight - 8)}px` }} />
        </div>
      );
    case 'computing': {
      const wait = meta.nextRetryAt ? meta.nextRetryAt - now : null;
      return (
        <div class="sb-state" style={style} role="status">
          <p class="sb-state-title">GitHub is computing these statistics</p>
          <p>
            {custom ?? 'This can take a few seconds for a repository GitHub has not counted lately.'}
            {meta.attempt ? ` Attempt ${meta.attempt}` : ''}
            {wait !== null && wait > 0 ? `; next try in ${countdown(wait)}.` : meta.attempt ? '.' : ''}
            {meta.deferred ? ' Few requests are left: Statboard asks again when this section is in view.' : ''}
          </p>
          {meta.retryable ? retry : null}
          <div class="sb-skeleton" style={{ flex: '1 1 auto', minHeight: '16px' }} />
        </div>
      );
    }
    case 'empty':
      return (
        <div class="sb-state" style={style}>
          <p>{custom ?? meta.message ?? 'No commits to count yet.'}</p>
        </div>
      );
    case 'too-large':
      return (
        <div class="sb-state" style={style}>
          <p>{custom ?? meta.message ?? 'GitHub does not compute this for very large repositories.'}</p>
        </div>
      );
    case 'no-access':
      return (
        <div class="sb-state" style={style}>
          <p>{custom ?? meta.message ?? noAccessSentence(host, what)}</p>
          {meta.reason === 'unsupported-host' ? null : (
            <button type="button" class="sb-btn" onClick={() => void client.command({ type: 'options.open' })}>
              Open Statboard options
            </button>
          )}
        </div>
      );
    case 'rate-limited': {
      const until = meta.rateLimitedUntil;
      return (
        <div class="sb-state" style={style} role="status">
          <p class="sb-state-title">GitHub's rate limit is reached</p>
          <p>
            {until
              ? `Statboard will ask again at ${clockTime(until)}, in ${countdown(until - now)}.`
              : (meta.message ?? 'Statboard will ask again shortly.')}
          </p>
        </div>
      );
    }
    case 'error':
    default:
      return (
        <div class="sb-state" style={style}>
          <p>{custom ?? meta.message ?? `Statboard could not load ${what.toLowerCase()}.`}</p>
          {retry}
        </div>
      );
  }
}

/** Shown above good data that may be out of date: why, and (when it helps) retry. */
export function FreshnessNote({ snapshot, onRetry }: { snapshot: Snapshot<unknown>; onRetry(): void }) {
  const { meta, state } = snapshot;
  const problem = meta.refreshProblem?.message ?? (state !== 'ready' ? meta.message : undefined);
  if (!meta.stale && !meta.offline && !problem) return null;
  const age = meta.fetchedAt ? ` from ${clockTime(meta.fetchedAt)}` : '';
  const lead = meta.offline ? `Offline: showing saved data${age}.` : `Showing saved data${age}.`;
  return (
    <p class="sb-note" role="status">
      {lead} {problem ?? 'Refreshing…'}{' '}
      {problem ? (
        <button type="button" class="sb-btn sb-btn-invisible" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </p>
  );
}
