/**
 * Deterministic randomness and time helpers for the mock. Everything the mock generates comes from
 * a seeded generator so every run (and every test that recomputes expected values) sees the same data.
 */

/** mulberry32: tiny, fast, good enough for test data. Returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash of numbers and strings (FNV-1a over their text). */
export function hash(...parts: (string | number)[]): number {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A float in [0, 1) derived from the parts, for per-bucket jitter without storing state. */
export function unit(...parts: (string | number)[]): number {
  return hash(...parts) / 4294967296;
}

/** Poisson-distributed integer (Knuth for small means, normal approximation above 30). */
export function poisson(rand: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    const u = Math.max(rand(), 1e-12);
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
    return Math.max(0, Math.round(mean + z * Math.sqrt(mean)));
  }
  const limit = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > limit);
  return k - 1;
}

/**
 * Splits `total` into integers proportional to `weights` (largest remainder), so the parts always
 * add up to exactly `total`. Ties go to the lower index: deterministic.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return parts;
}

export const DAY_S = 86_400;
export const WEEK_S = 7 * DAY_S;
/** 1970-01-04 00:00 UTC, the first Sunday after the epoch (which was a Thursday). */
const FIRST_SUNDAY_S = 3 * DAY_S;

/** Unix seconds of the Sunday 00:00 UTC that starts the week containing `unixSeconds`. */
export function weekStart(unixSeconds: number): number {
  return Math.floor((unixSeconds - FIRST_SUNDAY_S) / WEEK_S) * WEEK_S + FIRST_SUNDAY_S;
}

/** `YYYY-MM-DDTHH:MM:SSZ`, the timestamp format API Insights uses. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** A 40-hex-digit sha derived from the parts. */
export function fakeSha(...parts: (string | number)[]): string {
  let out = '';
  for (let i = 0; out.length < 40; i++) out += hash(...parts, i).toString(16).padStart(8, '0');
  return out.slice(0, 40);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
