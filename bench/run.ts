/**
 * `npm run bench` (after `wxt build`): Statboard's benchmark on the mock GitHub, headless Chromium.
 *
 *   npx tsx bench/run.ts --readme-from bench/results.json   (rewrites README.md's table only)
 *   npx tsx bench/run.ts [--quick] [--pairs N] [--only overhead,ready,big,activity,economy,requests,anonymous,size]
 *
 * Reads the build from STATBOARD_EXTENSION_DIR, else `${STATBOARD_OUT_DIR ?? '.output'}/chrome-mv3`.
 * Writes bench/results.json and prints a table (targets beside measurements); a full run also writes
 * README.md's Performance table (between its bench:table markers). See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, launch, type BenchContext } from './lib/browser';
import { anonymousHour, economy, requestCounts } from './lib/economy';
import { figure, notMeasured, type Figure } from './lib/figures';
import { fiveMinuteSeries, orgActivityCold, overhead, PAGES, probePanel, readySpecs, timeToReady, log } from './lib/scenarios';
import { bundleSizes, extensionDir, folderBytes } from './lib/size';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag('quick');
// 10 pairs (the minimum asked for) keeps a full run under 10 minutes on 2 shared cores.
const pairs = Number(option('pairs') ?? (quick ? 3 : 10));
const only = option('only')?.split(',');
const wants = (group: string) => !only || only.includes(group);
const outFile = option('out') ?? join(here, 'results.json');

function machine() {
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as unknown
  }
  const cpus = os.cpus();
  return {
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuMHz: cpus[0]?.speed ?? null,
    memoryGB: +(os.totalmem() / 2 ** 30).toFixed(1),
    freeMemoryGBAtStart: +(os.freemem() / 2 ** 30).toFixed(1),
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)),
    node: process.version,
    chromium,
    chromiumPath: CHROMIUM,
  };
}

/** Figure ids an issue names: reported even when the build has no such file (0 KB). */
const NAMED_BUNDLES = ['content:github', 'panel:repo', 'panel:org'];

function sizeFigures(dir: string): Figure[] {
  const out: Figure[] = [];
  const sizes = bundleSizes(dir);
  for (const name of NAMED_BUNDLES) {
    if (sizes.some((s) => s.name === name)) continue;
    // A declared content script that is gone (injection decided by the background) costs nothing.
    out.push(
      figure({
        id: `size.${name}`, group: 'size', label: `${name} bundle, gzip`, unit: 'KB', samples: [0],
        target: { stat: 'value', max: 70, text: '<= 70 KB gzip' },
        note: 'no such file in the build (0 KB): nothing of it is loaded',
        detail: { rawBytes: 0, gzipBytes: 0, files: [] },
      }),
    );
  }
  for (const s of sizes) {
    const target = s.kind === 'content' || s.kind === 'panel' ? { stat: 'value' as const, max: 70, text: '<= 70 KB gzip' } : s.kind === 'background' ? { stat: 'value' as const, max: 60, text: '<= 60 KB gzip (test budget)' } : undefined;
    out.push(
      figure({
        id: `size.${s.name}`, group: 'size', label: `${s.name} bundle, gzip`, unit: 'KB', samples: [s.gzip / 1024], target,
        note: `raw ${(s.raw / 1024).toFixed(1)} KB in ${s.files.length} file(s); gzip -9 per file`,
        detail: { rawBytes: s.raw, gzipBytes: s.gzip, files: s.files },
      }),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Table

const fmt = (x: number | undefined, unit: string) => {
  if (x === undefined || !Number.isFinite(x)) return '-';
  if (unit === 'x') return `${x.toFixed(3)}x`;
  if (unit === 'ms') return x.toFixed(1);
  return x.toFixed(2);
};

function table(figures: Figure[]): string {
  const head = ['figure', 'unit', 'n', 'median', 'p95', 'min', 'max', 'target', 'met'];
  const rows = figures.map((f) => {
    if (f.notMeasured || !f.summary) return [f.label, f.unit, '0', `not measured: ${f.notMeasured}`, '', '', '', f.target?.text ?? '', '-'];
    const s = f.summary;
    const met = f.met === null ? '' : f.met ? 'yes' : `NO (${(f.ofTarget ?? 0).toFixed(2)}x target)`;
    return [f.label, f.unit, String(s.n), fmt(s.median, f.unit), fmt(s.p95, f.unit), fmt(s.min, f.unit), fmt(s.max, f.unit), f.target?.text ?? '', met];
  });
  // Long "not measured" reasons span the stat columns; keep the other columns aligned.
  const widths = head.map((h, i) => Math.max(h.length, ...rows.filter((r) => !r[3]!.startsWith('not measured') || i < 3).map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r[3]!.startsWith('not measured')
      ? [r[0]!.padEnd(widths[0]!), r[1]!.padEnd(widths[1]!), r[2]!.padStart(widths[2]!), r[3]!, r[7] ? `(target ${r[7]})` : ''].join('  ')
      : r.map((c, i) => (i >= 2 && i <= 6 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// The README's Performance table: generated from a results file, between two markers.

const README = join(here, '..', 'README.md');
const TABLE_START = '<!-- bench:table:start (written by bench/run.ts) -->';
const TABLE_END = '<!-- bench:table:end -->';

interface Results {
  generatedAt: string;
  command: string;
  quick: boolean;
  pairsPerFigure: number;
  durationSeconds: number;
  machine: ReturnType<typeof machine>;
  figures: Figure[];
}

function markdownTable(r: Results): string {
  const m = r.machine;
  const cell = (x: string) => x.replace(/\|/g, '\\|');
  const value = (f: Figure) => {
    if (f.notMeasured || !f.summary) return `not measured: ${f.notMeasured}`;
    const s = f.summary;
    const one = (x: number) => (f.unit === 'x' ? `${x.toFixed(2)}x` : f.unit === 'KB' || f.unit === 'MB' ? `${x.toFixed(1)} ${f.unit}` : f.unit === 'ms' ? `${Math.round(x)} ms` : `${+x.toFixed(2)}`);
    return s.n > 1 ? `${one(s.median)} [${one(f.target?.stat === 'max' ? s.max : s.p95)}]` : one(s.median);
  };
  const rows = r.figures.map((f) => `| \`${f.id}\` | ${cell(f.label)} | ${cell(f.target?.text ?? '—')} | ${cell(value(f))} | ${f.met === null ? '' : f.met ? 'yes' : 'no'} |`);
  return [
    `Run of ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC (\`${r.command}\`, ${r.pairsPerFigure} pairs per figure, 3 times that for the issue page${r.quick ? ', QUICK smoke run' : ''}, ${r.durationSeconds} s): ${m.cpus} x ${m.cpuModel}, ${m.memoryGB} GB, load average ${m.loadAverageAtStart.join(' / ')} at the start, ${m.chromium}, node ${m.node}. Medians; p95 in brackets (the max where the target is on the max).`,
    '',
    '| id | figure | target | measured | met |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Replaces the README's generated table (between the markers); false when the markers are missing. */
function writeReadmeTable(r: Results): boolean {
  const text = readFileSync(README, 'utf8');
  const a = text.indexOf(TABLE_START);
  const b = text.indexOf(TABLE_END);
  if (a < 0 || b < a) return false;
  writeFileSync(README, `${text.slice(0, a + TABLE_START.length)}\n${markdownTable(r)}\n${text.slice(b)}`);
  return true;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  // `--readme-from FILE`: only (re)write the README's table from a results file, no run.
  const readmeFrom = option('readme-from');
  if (readmeFrom) {
    const ok = writeReadmeTable(JSON.parse(readFileSync(readmeFrom, 'utf8')) as Results);
    console.log(ok ? `README.md table written from ${readmeFrom}` : `README.md has no ${TABLE_START} ... ${TABLE_END} block`);
    process.exit(ok ? 0 : 1);
  }
  const started = Date.now();
  const extDir = resolve(extensionDir());
  if (!existsSync(join(extDir, 'manifest.json'))) {
    console.error(`No build in ${extDir}. Run \`STATBOARD_OUT_DIR=.output-bench npx wxt build\` first (npm run bench does).`);
    process.exit(2);
  }
  log(`extension ${extDir}, ${pairs} pairs per figure${quick ? ' (quick)' : ''}`);
  const figures: Figure[] = [];
  const errors: string[] = [];
  // A failed scenario records why and the run goes on with the next one.
  const guard = async (name: string, fn: () => Promise<Figure[]>, ids: [string, string, string, string][]) => {
    try {
      figures.push(...(await fn()));
    } catch (e) {
      const reason = `${name} failed: ${(e as Error).message.split('\n')[0]}`;
      errors.push(`${reason}\n${(e as Error).stack ?? ''}`);
      log(reason);
      for (const [id, group, label, unit] of ids) figures.push(notMeasured(id, group, label, unit, reason));
    }
  };

  if (wants('size')) await guard('size', async () => sizeFigures(extDir), [['size', 'size', 'bundle sizes', 'KB']]);

  // Time to ready is not a paired figure, but gets as many runs (at least 10 unless --quick).
  const readyRuns = quick ? pairs : Math.max(pairs, 10);
  const needBrowsers = wants('overhead') || wants('ready') || wants('big');
  let withExt: BenchContext | null = null;
  let without: BenchContext | null = null;
  let repoPanel = { ok: false, reason: 'not checked' } as { ok: boolean; reason?: string };
  let orgPanel: boolean | undefined;
  try {
    if (needBrowsers || wants('economy') || wants('activity')) {
      withExt = await launch('with', extDir);
      // Primes the warm cache for acme/rocket and tells whether the repo panel exists at all.
      repoPanel = await probePanel(withExt, PAGES.repo, 'repo');
      log(repoPanel.ok ? 'repo panel renders' : `repo panel: ${repoPanel.reason}`);
    }
    if (needBrowsers && withExt) {
      without = await launch('without', extDir);
      const specs = readySpecs(withExt.mock);
      if (wants('overhead')) {
        await guard('overhead', () => overhead(withExt!, without!, pairs, repoPanel.ok), [['overhead', 'page overhead', 'page overhead', 'x'], ['memory.repo.addedHeap', 'memory', 'added page JS heap', 'MB']]);
      }
      if (wants('ready')) await guard('ready', () => timeToReady(withExt!, specs.warm, readyRuns, repoPanel), [['ready.repo', 'panel time to ready', 'time to ready', 'ms']]);
      if (wants('big')) {
        const big = repoPanel.ok ? await probePanel(withExt, PAGES.bigRepo, 'repo', 60_000) : repoPanel;
        await guard('big repo', () => timeToReady(withExt!, specs.bigRepo, readyRuns, big), [['big.repo', 'big data', 'big repo', 'ms']]);
        const org = await probePanel(withExt, PAGES.org, 'org', 30_000);
        log(org.ok ? 'org panel renders' : `org panel: ${org.reason}`);
        orgPanel = org.ok;
        await guard('big org', () => timeToReady(withExt!, specs.bigOrg, readyRuns, org), [['big.org', 'big data', 'big org', 'ms']]);
        // Which increment the org panel asked for over its 30-day window (the mock has 5-minute data).
        const incs = [...new Set(withExt.mock.requests.filter((q) => q.path.includes('/time-stats')).map((q) => String(q.query.timestamp_increment)))];
        const orgFig = figures.find((f) => f.id === 'big.org.warm');
        if (orgFig) orgFig.detail = { ...orgFig.detail, timeStatsIncrementsRequested: incs };
        if (org.ok) await guard('big org 5m', () => fiveMinuteSeries(withExt!, readyRuns), [['big.org5m', 'big data', 'org 5-minute series', 'ms']]);
      }
    }
    if ((wants('big') || wants('activity')) && withExt) {
      await guard('org activity', () => orgActivityCold(withExt!, readyRuns), [['big.org.activity.cold', 'big data', 'org Activity cold', 'ms']]);
    }
  } finally {
    await withExt?.close();
    await without?.close();
  }

  if (wants('economy')) await guard('economy', () => economy(extDir, repoPanel.ok, orgPanel), [['economy.ratio', 'API economy', 'API requests, Statboard / naive', 'x']]);
  // Also its own group (`--only requests`): two short sessions, about half a minute.
  if (wants('economy') || wants('requests')) {
    await guard('request counts', () => requestCounts(extDir), [
      ['economy.coldRepo', 'API economy', 'counted requests, one cold repository visit', 'requests'],
      ['economy.revisitAfterExpiry', 'API economy', 'counted requests, revisiting unchanged repositories after the freshness window', 'requests'],
    ]);
  }
  // Its own group, so it can run alone: `--only anonymous`.
  if (wants('anonymous')) await guard('anonymous hour', () => anonymousHour(extDir), [['economy.anonymousHour', 'API economy', 'repositories ready in an anonymous hour', 'repos']]);

  const results = {
    generatedAt: new Date().toISOString(),
    command: `tsx bench/run.ts ${argv.join(' ')}`.trim(),
    quick,
    pairsPerFigure: pairs,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    extensionDir: extDir,
    extensionFolderBytes: folderBytes(extDir),
    machine: machine(),
    method: {
      withWithout: 'two persistent Chromium contexts, same binary/flags/viewport/mock/probe, fresh profiles; "with" adds --load-extension, "without" has none; every sample is a fresh tab; runs alternate A B A B',
      ratios: 'computed per pair (with_i / without_i), then summarized',
      busyTime: 'CDP Performance.getMetrics TaskDuration with timeDomain threadTicks (renderer main-thread CPU time), read before any forced GC',
    },
    figures,
    errors,
  };
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
  const m = results.machine;
  console.log(`\nStatboard benchmark — ${m.cpus} x ${m.cpuModel}, ${m.memoryGB} GB, ${m.chromium}, node ${m.node}`);
  console.log(`${pairs} pairs per figure${quick ? ' (QUICK smoke run: too few pairs to trust)' : ''}; ratios are with/without per pair; ${results.durationSeconds} s\n`);
  console.log(table(figures));
  for (const f of figures.filter((x) => x.note && !x.notMeasured)) console.log(`  ${f.id}: ${f.note}`);
  if (errors.length) console.log(`\n${errors.length} scenario error(s); see results.json`);
  console.log(`\nwrote ${outFile}`);
  // A full run (every group, enough pairs, the default results file) is the README's table; a
  // partial or quick one is not (write it on purpose with --readme-from).
  if (!only && !quick && !option('out')) console.log(writeReadmeTable(results) ? 'wrote the Performance table in README.md' : 'README.md has no table markers: table not written');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
