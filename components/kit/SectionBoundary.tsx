import { Component, type ComponentChildren } from 'preact';

export interface SectionBoundaryProps {
  /** `data-section` of the section it stands in for */
  id: string;
  title: ComponentChildren;
  /** asks the engine again (the section's retry); the boundary also draws the section anew */
  onRetry?(): void;
  /** when this changes (a new snapshot), the section is drawn again */
  resetKey?: unknown;
  children: ComponentChildren;
}

interface BoundaryState {
  failed: boolean;
}

/**
 * One section's error boundary: an answer that passes validation yet breaks the section's view
 * (a value no chart, table or date can take) shows that section's error state with a retry,
 * while the other sections keep working. Without it, one throw unmounted the whole panel.
 */
export class SectionBoundary extends Component<SectionBoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static override getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override componentDidUpdate(previous: SectionBoundaryProps): void {
    // New data may draw fine: try again rather than stay broken.
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    const { id, title, onRetry, children } = this.props;
    if (!this.state.failed) return children;
    const retry = () => {
      this.setState({ failed: false });
      onRetry?.();
    };
    return (
      <section class="sb-section" data-section={id} data-state="error" data-boundary="caught">
        <div class="sb-section-head">
          <h3 class="sb-section-title">{title}</h3>
        </div>
        <div class="sb-state" role="alert">
          <p>Statboard could not show this section: GitHub's answer holds values it cannot draw. The other sections are not affected.</p>
          <button type="button" class="sb-btn" onClick={retry}>
            Retry
          </button>
        </div>
      </section>
    );
  }
}
