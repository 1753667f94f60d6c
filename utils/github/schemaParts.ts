import * as v from 'valibot';

/**
 * The pieces every answer schema is built from (schemas.ts, insightsSchemas.ts): counts, bounded
 * times, and `run`, which validates and shapes one answer.
 */

export const count = v.pipe(v.number(), v.integer(), v.minValue(0));
export const int = v.pipe(v.number(), v.integer());

/**
 * Times GitHub sends are bounded to 1970 .. 2100: a value the types allow but no date can hold
 * (a week of `1e13`) threw `RangeError: Invalid time value` in a section's table and export. Such
 * an answer is "not understood" and never replaces cached data.
 */
export const LATEST_SECONDS = Date.UTC(2100, 0, 1) / 1000;
export const saneSeconds = v.pipe(int, v.minValue(0), v.maxValue(LATEST_SECONDS));
export const weekSeconds = v.union([
  saneSeconds,
  v.pipe(v.string(), v.regex(/^\d{1,12}$/), v.transform(Number), v.maxValue(LATEST_SECONDS)),
]);
const saneTime = (s: string) => {
  const ms = Date.parse(s);
  return ms >= 0 && ms <= LATEST_SECONDS * 1000;
};
export const isoTime = v.pipe(v.string(), v.check(saneTime));
export const optionalTime = v.optional(v.nullable(isoTime), null);

export type ParseResult<T = unknown> = { ok: true; data: T } | { ok: false; issue: string };

export function run<S extends v.GenericSchema, T>(schema: S, body: unknown, shape: (value: v.InferOutput<S>) => T): ParseResult<T> {
  const result = v.safeParse(schema, body);
  if (!result.success) {
    const first = result.issues[0];
    const where = first ? v.getDotPath(first) : null;
    return { ok: false, issue: `${where ?? 'answer'}: ${first?.message ?? 'invalid'}` };
  }
  return { ok: true, data: shape(result.output) };
}
