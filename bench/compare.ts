/**
 * Two builds of the extension side by side, for changes whose effect is smaller than this
 * machine's drift between runs: both are launched at once and visited alternately (A B, B A, ...),
 * so load from other processes hits both alike. Warm visits only (the cache is primed first).
 *
 *   npx tsx bench/compare.ts <dirA> <dirB> [--runs 10] [--pages rocket,monolith]
 *   npx tsx bench/compare.ts <dirA> <dirB> --activity [--runs 10]
 *   npx tsx bench/compare.ts <dirA> <dirB> --big-cold [--runs 10]
 *
 * Per page and build: medians of time to ready (every section ready, from the page's domContentLoadedEventEnd),
 * the root's first ready, panel mount, every chart drawn (`[role="img"]` with `data-chart="drawn"`), longest task
 * and main-thread busy time (CDP TaskDuration), plus the per-pair median ratio B/A.
 * `--activity`: `big.org.activity.cold` instead (a fresh 30-repository org per visit, no token,
 * measured exactly as bench/run.ts does), visited alternately, with the panel's marks.
 * `--big-cold`: `big.repo.cold` instead (a fresh clone of `acme/monolith`, 100 x 800 weeks, per
 * visit, as bench/run.ts does), visited alternately, with when each section was done and when
 * each statistic's request reached the mock (ms from domContentLoadedEventEnd).
 */
import { resolve } from 'node:path';
import { launch, visit, type BenchContext, type VisitResult } from './lib/browser';
import { coldRepo, log, orgActivityCold } from './lib/scenarios';
import { pairRatios, summarize } from './lib/stats';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const dirs = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
const runs = Number(option('runs') ?? 10);
const PAGES: Record<string, string> = { rocket: 'https://github.com/acme/rocket', monolith: 'https://github.com/acme/monolith' };
const pages = (option('pages') ?? 'rocket,monolith').split(',');

interface Sample {
  ready: number | null;
  firstReady: number | null;
  mounted: number | null;
  drawn: number | null;
  longest: number;
  busy: number | null;
  marks: Record<string, number>;
}

function sample(r: VisitResult): Sample {
  const rec = r.probe?.panels.repo;
  // The page's own DOMContentLoaded end, as bench/run.ts: no extension mark is the zero.
  const start = r.probe?.nav?.domContentLoadedEventEnd ?? 0;
  const rel = (x: number | undefined) => (x === undefined ? null : x - start);
  return {
    ready: rel(rec?.settledAt),
    firstReady: rel(rec?.readyAt),
    mounted: rel(rec?.mountedAt),
    drawn: rel(rec?.drawnAt),
    longest: Math.max(0, ...(r.probe?.longtasks ?? []).map((t) => t.duration)),
    busy: r.taskMs,
    marks: Object.fromEntries((r.probe?.marks ?? []).map((m) => [m.name, m.startTime - start])),
  };
}

async function main() {
  if (dirs.length !== 2) {
    console.error('usage: npx tsx bench/compare.ts <extension dir A> <extension dir B> [--runs N] [--pages rocket,monolith]');
    process.exit(2);
  }
  const contexts: BenchContext[] = [];
  try {
    for (const d of dirs) contexts.push(await launch('with', resolve(d)));
    if (argv.includes('--activity')) return await compareActivity(contexts);
    if (argv.includes('--big-cold')) return await compareBigCold(contexts);
    // Prime the cache and compile once per build and page.
    for (const bc of contexts) for (const p of pages) await visit(bc, PAGES[p]!, { waitPanel: 'repo', panelTimeoutMs: 60_000, settleMs: 500 });
    const out: Record<string, Sample[][]> = {};
    for (const p of pages) out[p] = [[], []];
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? [0, 1] : [1, 0];
      for (const p of pages) {
        for (const k of order) {
          out[p]![k]!.push(sample(await visit(contexts[k]!, PAGES[p]!, { waitPanel: 'repo', panelTimeoutMs: 60_000, settleMs: 300 })));
        }
      }
      log(`run ${i + 1}/${runs}`);
    }
    const fields: Exclude<keyof Sample, 'marks'>[] = ['ready', 'firstReady', 'mounted', 'drawn', 'longest', 'busy'];
    const med = (xs: (number | null)[]) => summarize(xs.filter((x): x is number => x !== null))?.median;
    const f = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(1));
    console.log(`A = ${dirs[0]}\nB = ${dirs[1]}\n${runs} warm runs each, alternating; medians in ms; B/A = median of per-pair ratios`);
    for (const p of pages) {
      console.log(`\n${p.padEnd(12)} ${'A'.padStart(8)} ${'B'.padStart(8)} ${'B/A'.padStart(7)}`);
      const [a, b] = out[p]!;
      for (const k of fields) {
        const xa = a!.map((s) => s[k]);
        const xb = b!.map((s) => s[k]);
        const ratio = summarize(pairRatios(xb, xa))?.median;
        console.log(`${k.padEnd(12)} ${f(med(xa)).padStart(8)} ${f(med(xb)).padStart(8)} ${ratio === undefined ? '      -' : `${ratio.toFixed(2)}x`.padStart(7)}`);
      }
      // The panel's own performance marks, when a build sets any (medians, from domContentLoadedEventEnd).
      const names = [...new Set([...a!, ...b!].flatMap((s) => Object.keys(s.marks)))];
      for (const name of names) {
        const m = (xs: Sample[]) => f(med(xs.map((s) => s.marks[name] ?? null)));
        console.log(`  ${name.replace('statboard:', '').padEnd(22)} ${m(a!).padStart(8)} ${m(b!).padStart(8)}`);
      }
    }
  } finally {
    for (const bc of contexts) await bc.close();
  }
}

/** big.org.activity.cold, A B / B A alternately: one cold visit per build per round. */
async function compareActivity(contexts: BenchContext[]) {
  const ready: number[][] = [[], []];
  const marks: Record<string, number>[][] = [[], []];
  const floors: number[][] = [[], []];
  // One unmeasured visit each: the panel script compiled, the worker warm.
  for (const bc of contexts) await orgActivityCold(bc, 1);
  for (let i = 0; i < runs; i++) {
    for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) {
      const [fig] = await orgActivityCold(contexts[k]!, 1);
      const detail = (fig?.detail ?? {}) as { panelMarksMedianMs?: Record<string, number>; transportFloorMedianMs?: number | null };
      ready[k]!.push(fig?.samples[0] ?? Number.NaN);
      marks[k]!.push(detail.panelMarksMedianMs ?? {});
      if (typeof detail.transportFloorMedianMs === 'number') floors[k]!.push(detail.transportFloorMedianMs);
    }
    log(`run ${i + 1}/${runs}`);
  }
  const med = (xs: number[]) => summarize(xs.filter((x) => Number.isFinite(x)))?.median;
  const f = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(1));
  const ratio = summarize(pairRatios(ready[1]!, ready[0]!))?.median;
  console.log(`A = ${dirs[0]}\nB = ${dirs[1]}\n${runs} cold visits each (big.org.activity.cold), alternating; medians in ms; B/A = median of per-pair ratios`);
  console.log(`\n${'activity'.padEnd(24)} ${'A'.padStart(8)} ${'B'.padStart(8)} ${'B/A'.padStart(7)}`);
  console.log(`${'ready'.padEnd(24)} ${f(med(ready[0]!)).padStart(8)} ${f(med(ready[1]!)).padStart(8)} ${ratio === undefined ? '      -' : `${ratio.toFixed(2)}x`.padStart(7)}`);
  console.log(`${'p95 ready'.padEnd(24)} ${f(summarize(ready[0]!)?.p95).padStart(8)} ${f(summarize(ready[1]!)?.p95).padStart(8)}`);
  console.log(`${'transport floor'.padEnd(24)} ${f(med(floors[0]!)).padStart(8)} ${f(med(floors[1]!)).padStart(8)}`);
  const names = [...new Set(marks.flat().flatMap((m) => Object.keys(m)))];
  for (const name of names) {
    const m = (k: number) => f(med(marks[k]!.map((x) => x[name] ?? Number.NaN)));
    console.log(`  ${name.padEnd(22)} ${m(0).padStart(8)} ${m(1).padStart(8)}`);
  }
}

/** big.repo.cold, A B / B A alternately: one cold `acme/monolith` clone per build per round. */
async function compareBigCold(contexts: BenchContext[]) {
  const rows: Record<string, number>[][] = [[], []];
  let n = 0;
  const once = async (bc: BenchContext): Promise<Record<string, number>> => {
    const url = coldRepo(bc.mock, 'acme/monolith', n++);
    const name = new URL(url).pathname;
    const from = bc.mock.requests.length;
    const r = await visit(bc, url, { waitPanel: 'repo', panelTimeoutMs: 60_000 });
    const rec = r.probe?.panels.repo;
    const dcl = r.probe?.nav?.domContentLoadedEventEnd;
    if (!rec || dcl === undefined || rec.settledAt === undefined) return {};
    const row: Record<string, number> = {
      ready: rec.settledAt - dcl,
      firstReady: (rec.readyAt ?? Number.NaN) - dcl,
      mounted: rec.mountedAt - dcl,
      longest: Math.max(0, ...(r.probe?.longtasks ?? []).map((t) => t.duration)),
    };
    for (const [section, at] of Object.entries(rec.sectionDoneAt ?? {})) row[`done ${section}`] = at - dcl;
    const zero = (r.probe?.timeOrigin ?? Number.NaN) + dcl;
    for (const q of bc.mock.requests.slice(from)) {
      const stat = q.path.startsWith(`/repos${name}/stats/`) ? q.path.slice(`/repos${name}/stats/`.length) : null;
      if (stat && row[`request ${stat}`] === undefined) row[`request ${stat}`] = q.at - zero;
    }
    return row;
  };
  // One unmeasured visit each: the panel script compiled, the worker warm.
  for (const bc of contexts) await once(bc);
  for (let i = 0; i < runs; i++) {
    for (const k of i % 2 === 0 ? [0, 1] : [1, 0]) rows[k]!.push(await once(contexts[k]!));
    log(`run ${i + 1}/${runs}`);
  }
  const med = (xs: number[]) => summarize(xs.filter((x) => Number.isFinite(x)))?.median;
  const f = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(1));
  console.log(`A = ${dirs[0]}\nB = ${dirs[1]}\n${runs} cold visits each (big.repo.cold), alternating; medians in ms from domContentLoadedEventEnd; B/A = median of per-pair ratios`);
  console.log(`\n${'big.repo.cold'.padEnd(28)} ${'A'.padStart(8)} ${'B'.padStart(8)} ${'B/A'.padStart(7)}`);
  const names = [...new Set(rows.flat().flatMap((r) => Object.keys(r)))];
  for (const name of names) {
    const xa = rows[0]!.map((r) => r[name] ?? Number.NaN);
    const xb = rows[1]!.map((r) => r[name] ?? Number.NaN);
    const ratio = name === 'ready' ? summarize(pairRatios(xb, xa))?.median : undefined;
    console.log(`${name.padEnd(28)} ${f(med(xa)).padStart(8)} ${f(med(xb)).padStart(8)} ${ratio === undefined ? '' : `${ratio.toFixed(2)}x`.padStart(7)}`);
  }
  console.log(`${'p95 ready'.padEnd(28)} ${f(summarize(rows[0]!.map((r) => r.ready ?? Number.NaN).filter(Number.isFinite))?.p95).padStart(8)} ${f(summarize(rows[1]!.map((r) => r.ready ?? Number.NaN).filter(Number.isFinite))?.p95).padStart(8)}`);
  console.log(`${'max longest task'.padEnd(28)} ${f(Math.max(...rows[0]!.map((r) => r.longest ?? 0))).padStart(8)} ${f(Math.max(...rows[1]!.map((r) => r.longest ?? 0))).padStart(8)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
