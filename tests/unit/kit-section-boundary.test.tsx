// Issue 12: a section whose view throws shows its own error state; the others keep working.
// linkedom (a DOM in plain Node, already used by WXT) gives Preact a document to render into.
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Section } from '../../components/kit/Section';
import type { Snapshot } from '../../utils/protocol';

const ready = (data: number): Snapshot<number> => ({ state: 'ready', data, meta: { fetchedAt: 1 } });
const g = globalThis as Record<string, unknown>;
let saved: Record<string, unknown>;

beforeEach(() => {
  const { window, document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
  saved = { document: g.document, window: g.window };
  g.document = document;
  g.window = window;
});
afterEach(() => {
  g.document = saved.document;
  g.window = saved.window;
});

function Week({ at }: { at: number }) {
  // What the tables did with a week of 1e13: RangeError: Invalid time value.
  return <span>{new Date(at * 1000).toISOString()}</span>;
}

describe('Section error boundary', () => {
  it('a view that throws shows that section in error with a retry; the next section is unharmed', async () => {
    const root = (g.document as Document).getElementById('root')!;
    let retried = 0;
    const draw = (bad: number) =>
      act(() =>
        render(
        <div>
          <Section id="commit-activity" title="Commit activity" snapshot={ready(bad)} onRetry={() => retried++} bodyHeight={10}>
            {(week) => <Week at={week} />}
          </Section>
          <Section id="punch-card" title="Punch card" snapshot={ready(1_700_000_000)} onRetry={() => {}} bodyHeight={10}>
            {(week) => <Week at={week} />}
          </Section>
        </div>,
        root,
      ),
      );
    await draw(1e13);
    const broken = root.querySelector('[data-section="commit-activity"]')!;
    expect(broken.getAttribute('data-state')).toBe('error');
    expect(broken.textContent).toMatch(/could not show this section/);
    const fine = root.querySelector('[data-section="punch-card"]')!;
    expect(fine.getAttribute('data-state')).toBe('ready');
    expect(fine.textContent).toContain('2023-11-14T22:13:20.000Z');
    await act(() => (broken.querySelector('button') as unknown as { click(): void }).click());
    expect(retried).toBe(1);
    // A new, drawable answer brings the section back.
    await draw(1_700_000_000);
    expect(root.querySelector('[data-section="commit-activity"]')!.getAttribute('data-state')).toBe('ready');
  });
});
