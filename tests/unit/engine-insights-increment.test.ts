import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { collect, insightsTimeQuery as timeQuery, setup, until, useFakeTime } from './engine-fakes';
const refused = { status: 422, body: { message: 'Validation Failed', errors: [{ field: 'timestamp_increment', code: 'invalid' }] } };
const points = [{ timestamp: '2026-05-25T00:00:00Z', total_request_count: 4, rate_limited_request_count: 1 }];
const incrementsAsked = (requests: { url: string }[]) => requests.map((r) => new URL(r.url).searchParams.get('timestamp_increment'));

describe('a time report whose increment GitHub refuses', () => {
  beforeEach(useFakeTime);
  afterEach(() => vi.useRealTimers());

  it('is asked for at the next coarser increment, and the snapshot says which one it shows', async () => {
    const { engine, github } = setup({ token: 'ghp_x' });
    github.script(/time-stats\?.*timestamp_increment=1h/, [refused]);
    github.script(/time-stats\?.*timestamp_increment=2h/, [{ status: 200, body: points }]);
    const seen = collect(engine, timeQuery('1h'));
    await until(() => seen.last()?.state === 'ready');
    expect(incrementsAsked(github.requests)).toEqual(['1h', '2h']);
    expect(seen.last()).toMatchObject({ state: 'ready', meta: { increment: '2h' }, data: [{ totalRequests: 4, rateLimitedRequests: 1 }] });
    // The refusal itself is never shown.
    expect(seen.snapshots.some((s) => s.state === 'error')).toBe(false);
  });

  it('shows the refusal once there is no coarser increment left', async () => {
    const { engine, github } = setup({ token: 'ghp_x' });
    github.script(/time-stats\?.*timestamp_increment=1d/, [refused]);
    const seen = collect(engine, timeQuery('1d'));
    await until(() => seen.last()?.state === 'error');
    expect(incrementsAsked(github.requests)).toEqual(['1d']);
    expect(seen.last()?.meta).toMatchObject({ status: 422 });
    expect(seen.last()?.meta.increment).toBeUndefined();
  });
});
