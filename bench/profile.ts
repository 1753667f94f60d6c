/**
 * Where a page's main-thread time goes with the extension: a CPU profile (CDP Profiler, 100 µs
 * sampling) of one page view, from before navigation until the panel settled, summed by self
 * time per script and per function.
 *
 *   npx tsx bench/profile.ts [url] [--kind repo|org] [--warm] [--top 25]
 *
 * `--warm` visits the page once first (cache primed, code compiled). Profile JSON goes to
 * bench/out/ for Chrome DevTools (Performance → Load profile).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, visit } from './lib/browser';
import type { ProbeData } from './lib/probe';
import { flag, option, profiledPage } from './lib/cli';
import { extensionDir } from './lib/size';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const here = dirname(fileURLToPath(import.meta.url));
// `--kind none` for pages without a panel (e.g. an issue page): profiles load + 1 s.
const { url, kind } = profiledPage();
const top = Number(option('top') ?? 25);

const shortUrl = (u: string) => (u === '' ? '(native/vm)' : u.replace(/^chrome-extension:\/\/[a-z]+\//, 'ext:/').replace(/^https:\/\/github\.com/, 'page:'));

async function main() {
  const bc = await launch('with', resolve(extensionDir()));
  try {
    if (flag('warm')) await visit(bc, url, kind === 'none' ? { settleMs: 1000 } : { waitPanel: kind, panelTimeoutMs: 60_000 });
    const page = await bc.context.newPage();
    const cdp = await bc.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    if (kind === 'none') await page.waitForTimeout(1000);
    else await page
      .waitForFunction((k) => (window as unknown as { __statboardBench?: ProbeData }).__statboardBench?.panels[k]?.settledFrameAt !== undefined, kind, { timeout: 60_000, polling: 100 })
      .catch(() => console.error('panel did not settle in 60 s; profile covers the wait'));
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
    const probe = await page.evaluate(() => (window as unknown as { __statboardBench?: ProbeData }).__statboardBench ?? null);

    // Self time per node from the samples and their time deltas.
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
    const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
    const byUrl = new Map<string, number>();
    const byFn = new Map<string, number>();
    for (const [id, ms] of self) {
      const cf = byNode.get(id)!.callFrame;
      if (cf.functionName === '(idle)') continue;
      byUrl.set(shortUrl(cf.url), (byUrl.get(shortUrl(cf.url)) ?? 0) + ms);
      const fn = `${cf.functionName || '(anonymous)'}  ${shortUrl(cf.url)}:${cf.lineNumber + 1}:${cf.columnNumber + 1}`;
      byFn.set(fn, (byFn.get(fn) ?? 0) + ms);
    }
    const total = [...byUrl.values()].reduce((a, b) => a + b, 0);
    const print = (title: string, m: Map<string, number>, n: number) => {
      console.log(`\n${title}`);
      for (const [k, ms] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`);
    };
    const rec = kind === 'none' ? undefined : probe?.panels[kind];
    console.log(`${url} (${kind}${flag('warm') ? ', warm' : ', cold'}): ${total.toFixed(0)} ms sampled non-idle main-thread time; panel mounted ${rec?.mountedAt?.toFixed(0)} ms, settled ${rec?.settledAt?.toFixed(0)} ms after navigation start; long tasks: ${(probe?.longtasks ?? []).map((t) => t.duration.toFixed(0)).join(', ') || 'none'}`);
    print('self time by script', byUrl, 10);
    print(`top ${top} functions by self time`, byFn, top);
    const out = join(here, 'out', `profile-${kind}-${Date.now()}.cpuprofile`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(profile));
    console.log(`\nwrote ${out}`);
  } finally {
    await bc.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
