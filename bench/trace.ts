/**
 * What a page view's main-thread time is made of, with the extension and without it, side by
 * side: a Chrome trace (devtools.timeline) of one page view per side, the renderer main thread's
 * self time summed by trace event (layout, style, script evaluation per file, function calls per
 * file, paint, parsing), alternating A B A B over `--runs` views, medians per row.
 *
 *   npx tsx bench/trace.ts [url] [--runs 5] [--kind repo|org|none] [--top 30]
 *
 * The first view of each side is unmeasured (caches, compiled code): the figures are warm views.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launch, visit, type BenchContext } from './lib/browser';
import type { ProbeData } from './lib/probe';
import { option, profiledPage } from './lib/cli';
import { extensionDir } from './lib/size';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; scriptName?: string; functionName?: string; frame?: string } };
}

const { url, kind } = profiledPage();
const runs = Number(option('runs') ?? 5);
const top = Number(option('top') ?? 30);

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink', 'toplevel'].join(',');

const shortUrl = (u: string | undefined) => (!u ? '' : u.replace(/^chrome-extension:\/\/[a-z]+\//, 'ext:/').replace(/^https:\/\/github\.com/, 'page:'));

async function traceView(bc: BenchContext, withPanel: boolean): Promise<Map<string, number>> {
  const page: Page = await bc.context.newPage();
  const cdp = await bc.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES.split(',') }, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load' });
  if (withPanel && kind !== 'none') {
    await page.waitForFunction((k) => (window as unknown as { __statboardBench?: ProbeData }).__statboardBench?.panels[k]?.settledFrameAt !== undefined, kind, { timeout: 60_000, polling: 100 });
  }
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await done;
  await page.close();

  // The page's renderer main thread: the thread named CrRendererMain that ran this URL's ParseHTML.
  const threadNames = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const parse = events.find((e) => e.name === 'ParseHTML' && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const main = parse ? `${parse.pid}:${parse.tid}` : [...threadNames].find(([, n]) => n === 'CrRendererMain')?.[0];
  const own = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);

  // Self time per event label: an event's duration minus its children's.
  const self = new Map<string, number>();
  const stack: { end: number; label: string }[] = [];
  const label = (e: TraceEvent) => {
    const d = e.args?.data;
    if (e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.compileModule') return `${e.name} ${shortUrl(d?.url)}`;
    if (e.name === 'FunctionCall') return `FunctionCall ${shortUrl(d?.url ?? d?.scriptName)}`;
    return e.name;
  };
  const add = (k: string, ms: number) => self.set(k, (self.get(k) ?? 0) + ms);
  let busy = 0;
  for (const e of own) {
    while (stack.length && stack[stack.length - 1]!.end <= e.ts) stack.pop();
    const ms = e.dur! / 1000;
    if (stack.length === 0) busy += ms;
    else add(stack[stack.length - 1]!.label, -ms);
    const l = label(e);
    add(l, ms);
    stack.push({ end: e.ts + e.dur!, label: l });
  }
  self.set('(busy: top-level tasks)', busy);
  return self;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

async function main() {
  const extDir = resolve(extensionDir());
  const withExt = await launch('with', extDir);
  const without = await launch('without', extDir);
  try {
    await visit(withExt, url, kind === 'none' ? { settleMs: 500 } : { waitPanel: kind, panelTimeoutMs: 60_000 });
    await visit(without, url, { settleMs: 500 });
    const a: Map<string, number>[] = [];
    const b: Map<string, number>[] = [];
    for (let i = 0; i < runs; i++) {
      a.push(await traceView(withExt, true));
      b.push(await traceView(without, false));
    }
    const keys = new Set([...a, ...b].flatMap((m) => [...m.keys()]));
    const rows = [...keys].map((k) => {
      const w = median(a.map((m) => m.get(k) ?? 0));
      const wo = median(b.map((m) => m.get(k) ?? 0));
      return { k, w, wo, added: w - wo };
    });
    rows.sort((p, q) => (p.k.startsWith('(busy') ? -1 : q.k.startsWith('(busy') ? 1 : q.added - p.added));
    console.log(`${url} (${kind}, warm), ${runs} views per side, median self ms on the renderer main thread`);
    console.log(`${'with'.padStart(9)} ${'without'.padStart(9)} ${'added'.padStart(9)}  event`);
    for (const r of rows.slice(0, top)) console.log(`${r.w.toFixed(1).padStart(9)} ${r.wo.toFixed(1).padStart(9)} ${r.added.toFixed(1).padStart(9)}  ${r.k}`);
  } finally {
    await withExt.close();
    await without.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
