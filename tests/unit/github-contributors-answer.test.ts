import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MockGitHub } from '../../tests/mock-github';
import { readContributors } from '../../utils/github/contributorsAnswer';
import { REPO_STATISTIC_ENDPOINTS } from '../../utils/github/repoStatistics';
import { LATEST_SECONDS, run } from '../../utils/github/schemaParts';

/**
 * The hand-written contributors check (contributorsAnswer.ts) against the valibot schema it
 * replaces on the hot path: for every answer below, the same verdict, and for a good one the
 * same columnar data as the schema's shape.
 */
const row = REPO_STATISTIC_ENDPOINTS.contributors;
const reference = (body: unknown) => run(row.answer, body, row.shape);

function same(body: unknown): void {
  const expected = reference(body);
  const got = readContributors(body);
  expect({ ok: got.ok, body }).toEqual({ ok: expected.ok, body });
  if (got.ok && expected.ok) expect(got.data).toEqual(expected.data);
}

const good = () => [
  {
    author: { login: 'mona', id: 1, html_url: 'https://github.com/mona', avatar_url: 'https://avatars.githubusercontent.com/u/1', type: 'User', extra: 1 },
    total: 6,
    weeks: [
      { w: 100, a: 1, d: 2, c: 3 },
      { w: 200, a: 0, d: 0, c: 0 },
      { w: 300, a: 4, d: 5, c: 3 },
    ],
  },
  { author: { login: 'robot[bot]', id: -7 }, total: 1, weeks: [{ w: '100', a: 0, d: 0, c: 1 }, { w: 200, a: 0, d: 0, c: 0 }, { w: 300, a: 0, d: 0, c: 0 }] },
  { author: { login: 'ci', id: 9, type: 'Bot' }, total: 0, weeks: [{ w: 100, a: 0, d: 0, c: 0 }, { w: 200, a: 0, d: 0, c: 0 }, { w: 300, a: 0, d: 0, c: 0 }] },
  { author: null, total: 2, weeks: [{ w: 100, a: 9, d: 9, c: 1 }, { w: 200, a: 1, d: 1, c: 1 }, { w: 300, a: 0, d: 0, c: 0 }], extra: 'x' },
];

/** Values that are each wrong (or right) somewhere: every field gets every one of them. */
const ODD: unknown[] = [
  undefined, null, true, 0, -0, -1, 1.5, 7, 2 ** 53, LATEST_SECONDS, LATEST_SECONDS + 1, Number.POSITIVE_INFINITY, Number.NaN, 1e13,
  '', '12', '012', '-1', '1.5', ' 12', '1e3', 'soon', '999999999999', '9999999999999', String(LATEST_SECONDS), String(LATEST_SECONDS + 1),
  [], [1], {}, { w: 1 },
];

type Json = Record<string, unknown>;

describe('contributors answer: one-pass check and shape', () => {
  it('a good answer (aligned weeks, numeric strings, null author, bots, extra fields) gives the schema shape', () => {
    same(good());
    expect(readContributors(good())).toMatchObject({ ok: true, data: { weeks: [100, 200, 300] } });
  });

  it('every field of every level, set to each odd value or left out, gets the schema verdict', () => {
    const paths: ((b: Json[]) => Json)[] = [(b) => b[0]!, (b) => b[1]!, (b) => b[3]!, (b) => b[0]!.author as Json, (b) => b[1]!.author as Json, (b) => (b[0]!.weeks as Json[])[1]!, (b) => (b[2]!.weeks as Json[])[0]!];
    let cases = 0;
    for (const at of paths) {
      for (const key of Object.keys(at(good()))) {
        for (const value of ODD) {
          const body = good() as unknown as Json[];
          if (value === undefined) delete at(body)[key];
          else at(body)[key] = value;
          same(body);
          cases++;
        }
      }
    }
    for (const value of ODD) {
      const body = good() as unknown[];
      body[1] = value;
      same(body);
      same(value);
      const weeks = good() as unknown as Json[];
      (weeks[2]!.weeks as unknown[])[1] = value;
      same(weeks);
      const list = good() as unknown as Json[];
      list[0]!.weeks = value;
      same(list);
      cases += 4;
    }
    expect(cases).toBeGreaterThanOrEqual(900);
  });

  it('weeks that are not one shared sorted axis are merged and summed as the schema shape does', () => {
    const w = (week: unknown, c: number) => ({ w: week, a: c * 10, d: c, c });
    same([{ author: null, total: 1, weeks: [w(300, 1), w(100, 2)] }, { author: null, total: 1, weeks: [w(200, 3)] }]);
    same([{ author: null, total: 1, weeks: [w(100, 1), w('100', 2), w(200, 1)] }]);
    same([{ author: null, total: 1, weeks: [] }, { author: null, total: 1, weeks: [w(5, 1), w(6, 1)] }]);
    same([{ author: null, total: 1, weeks: [w(5, 1), w(6, 1)] }, { author: null, total: 1, weeks: [w(5, 1), w(7, 1)] }]);
    same([{ author: null, total: 1, weeks: [w(5, 1), w(6, 1)] }, { author: null, total: 1, weeks: [w(5, 1)] }]);
    same([]);
    expect(readContributors([{ author: null, total: 1, weeks: [w(300, 1), w(100, 2)] }])).toMatchObject({ ok: true, data: { weeks: [100, 300], contributors: [{ commits: [2, 1] }] } });
  });

  it("the mock's biggest answer (100 people x 800 weeks) gives the schema shape, and refuses one bad week among 80,000", () => {
    const body = structuredClone(new MockGitHub().repo('acme/monolith').answers.contributors) as unknown as Json[];
    expect(body.length * (body[0]!.weeks as unknown[]).length).toBe(80_000);
    same(body);
    ((body[57]!.weeks as Json[])[400]!).c = -1;
    expect(readContributors(body).ok).toBe(false);
    same(body);
  });

  it('says where the first problem is', () => {
    const body = good() as unknown as Json[];
    ((body[2]!.weeks as Json[])[1]!).w = 'soon';
    expect(readContributors(body)).toEqual({ ok: false, issue: '2.weeks.1.w: invalid value' });
    expect(v.safeParse(row.answer, body).success).toBe(false);
  });
});
