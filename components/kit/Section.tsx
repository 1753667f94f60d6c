import type { ComponentChildren, Ref } from 'preact';
import { useId } from 'preact/hooks';
import type { QueryState, Snapshot } from '../../utils/protocol';
import { SectionBody } from './SectionBody';
import { SectionBoundary } from './SectionBoundary';
import { shownData } from './shownData';

interface SectionFrame {
  /** `data-section`, a stable test hook */
  id: string;
  title: ComponentChildren;
  /** controls in the heading row (e.g. a window picker); with one query, shown with its data */
  actions?: ComponentChildren;
  /** the `<section>` element (the panel watches it come into view) */
  sectionRef?: Ref<HTMLElement>;
}

/** A section of one query: its data view or its state message. */
export interface SectionProps<T> extends SectionFrame {
  title: string;
  snapshot: Snapshot<T>;
  onRetry(): void;
  /** the height the ready view takes (reserved while loading, so nothing jumps) */
  bodyHeight: number;
  /** per-state sentences that replace the engine's (e.g. why a section is too large) */
  sentences?: Partial<Record<Snapshot['state'], string>>;
  /** the ready view, given the data */
  children: (data: T) => ComponentChildren;
}

/** A section of parts (SectionPart), each with its own query and state message. */
export interface SectionOfPartsProps extends SectionFrame {
  /** the section's `data-state`: the one a user must act on first */
  state: QueryState;
  children: ComponentChildren;
}

/**
 * A panel section: heading, then the data view or a state message, never both (or, given
 * `state` instead of a snapshot, its parts). A view that throws shows this section's error state
 * (SectionBoundary); the other sections keep working.
 */
export function Section<T>(props: SectionProps<T> | SectionOfPartsProps) {
  const one = 'snapshot' in props;
  return (
    <SectionBoundary id={props.id} title={props.title} onRetry={one ? props.onRetry : undefined} resetKey={one ? props.snapshot : props.state}>
      <SectionContent {...props} />
    </SectionBoundary>
  );
}

function SectionContent<T>(props: SectionProps<T> | SectionOfPartsProps) {
  const { id, title, actions, sectionRef } = props;
  const headingId = useId();
  const one = 'snapshot' in props;
  const state = one ? props.snapshot.state : props.state;
  return (
    <section
      ref={sectionRef}
      class="sb-section"
      data-section={id}
      data-state={state}
      data-deferred={one && props.snapshot.meta.deferred ? 'true' : undefined}
      aria-labelledby={headingId}
    >
      <div class="sb-section-head">
        <h3 class="sb-section-title" id={headingId}>
          {title}
        </h3>
        {!one || shownData(props.snapshot) !== undefined ? actions : null}
      </div>
      {one ? (
        <SectionBody snapshot={props.snapshot} onRetry={props.onRetry} what={props.title} minHeight={props.bodyHeight} sentences={props.sentences}>
          {props.children}
        </SectionBody>
      ) : (
        props.children
      )}
    </section>
  );
}

/** A part of a section (totals, chart, list) with its own query and state message. */
export function SectionPart<T>({
  title,
  snapshot,
  onRetry,
  minHeight,
  sentences,
  children,
}: {
  title: string;
  snapshot: Snapshot<T>;
  onRetry(): void;
  minHeight: number;
  sentences?: Partial<Record<QueryState, string>>;
  children: (data: T) => ComponentChildren;
}) {
  return (
    <div class="sb-part" data-part-state={snapshot.state}>
      <h4 class="sb-part-title">{title}</h4>
      <SectionBody snapshot={snapshot} onRetry={onRetry} what={title} minHeight={minHeight} sentences={sentences}>
        {children}
      </SectionBody>
    </div>
  );
}
