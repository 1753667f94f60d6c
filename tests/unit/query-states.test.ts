import { describe, expect, it } from 'vitest';
import { combineStates, panelState } from '../../utils/queryStates';

describe('panelState (one precedence with combineStates)', () => {
  it('is ready as soon as any section is', () => {
    expect(panelState(['loading', 'error', 'ready'])).toBe('ready');
  });

  it('otherwise names the problem a user acts on first, then what waiting will not change', () => {
    expect(panelState(['loading', 'computing', 'rate-limited', 'no-access'])).toBe('no-access');
    expect(panelState(['error', 'rate-limited'])).toBe('rate-limited');
    expect(panelState(['computing', 'too-large'])).toBe('too-large');
    expect(panelState(['loading', 'computing'])).toBe('computing');
  });

  it('says empty only when nothing more telling is there, and loading when nothing is known', () => {
    expect(panelState(['loading', 'empty'])).toBe('empty');
    expect(panelState(['loading'])).toBe('loading');
    expect(panelState([])).toBe('loading');
  });

  it('orders problems as a drill-down group does', () => {
    const groups = [['error', 'too-large'], ['computing', 'rate-limited'], ['no-access', 'error']] as const;
    for (const group of groups) expect(panelState(group)).toBe(combineStates(group));
  });
});
