/**
 * The org time chart follows new counts for the same time buckets: a refresh that brings other
 * numbers for the same window must redraw the chart (it once kept the old numbers while the table
 * and the sentence moved on).
 */
import { createHash } from 'node:crypto';
import type { BrowserContext, Locator } from '@playwright/test';
import { DEMO_TOKENS, expected, type ApiTimePoint, type MockGitHub } from '../mock-github';
import { test, expect, giveToken, q } from './fixtures';

const TIME_STATS = '/orgs/acme/insights/api/time-stats';

/** The same buckets with other counts: the series reversed, seven more requests in each. */
function altered(points: ApiTimePoint[]): ApiTimePoint[] {
  return points.map((p, i) => {
    const mirror = points[points.length - 1 - i]!;
    return { ...p, total_request_count: mirror.total_request_count + 7, rate_limited_request_count: mirror.rate_limited_request_count };
  });
}

/**
 * Serves the org's time series through the mock, except: answers before `hold()` have other
 * counts (`altered`; however many the panel asks for while it mounts), and those after it wait
 * until `release()` and are the real ones, so the test sees the saved numbers first.
 */
async function twoAnswers(context: BrowserContext, mock: MockGitHub) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  await context.route(
    (url) => url.host === 'api.github.com' && url.pathname === TIME_STATS,
    async (route) => {
      if (held) {
        await released;
        return route.fallback();
      }
      const request = route.request();
      const answer = await mock.handle({ method: request.method(), url: request.url(), headers: await request.allHeaders() });
      const body = answer.status === 200 ? JSON.stringify(altered(JSON.parse(answer.body!) as ApiTimePoint[])) : (answer.body ?? '');
      const { etag: _etag, ...headers } = answer.headers;
      await route.fulfill({ status: answer.status, headers, body });
    },
  );
  return { hold: () => void (held = true), release };
}

/** Requests and rate-limited requests, row by row, as the table shows them. */
function counts(table: Locator): Promise<number[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].slice(1).map((td) => Number((td.textContent ?? '').replace(/,/g, '')))));
}

const n = (value: number) => value.toLocaleString('en-US');
const sum = (points: ApiTimePoint[], field: 'total_request_count' | 'rate_limited_request_count') => points.reduce((a, p) => a + p[field], 0);

test('new counts for the same time buckets redraw the org chart, not only its table', async ({ page, context, worker, mock, panel, openExtensionPage }) => {
  // Two token checks, a page load and a full table read, on two shared cores.
  test.setTimeout(90_000);
  // Every watch and every token check asks GitHub again (no 10-minute TTL).
  await worker.evaluate(() => chrome.storage.sync.set({ preferences: { insightsTtlMinutes: 0 } }));
  const gate = await twoAnswers(context, mock);
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await page.goto('https://github.com/acme');
  const time = panel(page, 'org').section('time');
  await expect(time).toHaveAttribute('data-state', 'ready');

  const [first] = mock.requestsTo(TIME_STATS);
  const window = { min: Date.parse(String(q(first!, 'min_timestamp'))), max: Date.parse(String(q(first!, 'max_timestamp'))) };
  const real = expected.timeStats(mock.org('acme'), window, { type: 'org' }, String(q(first!, 'timestamp_increment')));
  const fake = altered(real);
  const rowsOf = (points: ApiTimePoint[]) => points.map((p) => [p.total_request_count, p.rate_limited_request_count]);
  const canvas = time.locator('canvas');
  const sentence = (points: ApiTimePoint[]) =>
    new RegExp(`${n(sum(points, 'total_request_count'))} in all, ${n(sum(points, 'rate_limited_request_count'))} rate limited`);

  await panel(page, 'org').shownTable('time');
  await expect.poll(() => counts(time.locator('table'))).toEqual(rowsOf(fake));
  await expect(canvas).toHaveAttribute('aria-label', sentence(fake));
  // The chart as drawn (a hash of its pixels): wait until it has drawn and holds still.
  const pixels = async () => {
    const png = await canvas.evaluate((c: HTMLCanvasElement) => c.toDataURL());
    return { drawn: png.length > 5_000, hash: createHash('sha1').update(png).digest('hex') };
  };
  let before = '';
  await expect
    .poll(async () => {
      const [a, b] = [await pixels(), await pixels()];
      before = a.hash;
      return a.drawn && a.hash === b.hash;
    })
    .toBe(true);

  // A refresh (the token is checked again): the saved numbers show while GitHub is asked again.
  gate.hold();
  await giveToken(openExtensionPage, DEMO_TOKENS.admin);
  await expect(time.locator('.sb-note')).toContainText('Refreshing');
  // (the saved answer is a new object, so the long table renders its rows again, chunk by chunk;
  // the section is drawn afresh for the checked token, its table hidden again until shown)
  await panel(page, 'org').shownTable('time');
  await expect.poll(() => counts(time.locator('table'))).toEqual(rowsOf(fake));

  gate.release();
  await expect(time.locator('.sb-note')).toHaveCount(0);
  await panel(page, 'org').shownTable('time');
  await expect.poll(() => counts(time.locator('table'))).toEqual(rowsOf(real));
  await expect(canvas).toHaveAttribute('aria-label', sentence(real));
  // Same buckets, same window, same increment: only the counts changed, and the chart shows them.
  await expect.poll(async () => (await pixels()).hash, { message: 'the chart redraws with the new counts' }).not.toBe(before);
});
