import type { ComponentChildren, Ref } from 'preact';
import { useId } from 'preact/hooks';
import type { Snapshot } from '../../utils/protocol';
import { SectionBody } from './SectionBody';
import { SectionBoundary } from './SectionBoundary';
import { shownData } from './shownData';

export interface SectionProps<T> {
  /** `data-section`, a stable test hook */
  id: string;
  title: string;
  snapshot: Snapshot<T>;
  onRetry(): void;
  /** the height the ready view takes (reserved while loading, so nothing jumps) */
  bodyHeight: number;
  /** per-state sentences that replace the engine's (e.g. why a section is too large) */
  sentences?: Partial<Record<Snapshot['state'], string>>;
  /** controls in the heading row (e.g. a window picker) */
  actions?: ComponentChildren;
  /** the ready view, given the data */
  children: (data: T) => ComponentChildren;
  /** the `<section>` element (the panel watches it come into view) */
  sectionRef?: Ref<HTMLElement>;
}

/**
 * A panel section: heading, then the data view or a state message, never both. A view that
 * throws shows this section's error state (SectionBoundary); the other sections keep working.
 */
export function Section<T>(props: SectionProps<T>) {
  return (
    <SectionBoundary id={props.id} title={props.title} onRetry={props.onRetry} resetKey={props.snapshot}>
      <SectionContent {...props} />
    </SectionBoundary>
  );
}

function SectionContent<T>({ id, title, snapshot, onRetry, bodyHeight, sentences, actions, children, sectionRef }: SectionProps<T>) {
  const headingId = useId();
  const showData = shownData(snapshot) !== undefined;
  return (
    <section
      ref={sectionRef}
      class="sb-section"
      data-section={id}
      data-state={snapshot.state}
      data-deferred={snapshot.meta.deferred ? 'true' : undefined}
      aria-labelledby={headingId}
    >
      <div class="sb-section-head">
        <h3 class="sb-section-title" id={headingId}>
          {title}
        </h3>
        {showData ? actions : null}
      </div>
      <SectionBody snapshot={snapshot} onRetry={onRetry} what={title} minHeight={bodyHeight} sentences={sentences}>
        {children}
      </SectionBody>
    </section>
  );
}
