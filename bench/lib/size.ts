/**
 * Bundle sizes of a built extension: every JS file each manifest entry loads (content scripts,
 * background, popup and options pages), raw and gzip (level 9, roughly what a store download or a
 * browser's own compression costs). Shared by the benchmark and the size-budget e2e test.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** `content:repo`, `background`, `popup`, `options`, ... */
  name: string;
  kind: 'content' | 'panel' | 'background' | 'popup' | 'options' | 'other';
  files: string[];
  raw: number;
  gzip: number;
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/** Resolves the built Chrome MV3 folder the same way every tool here does. */
export function extensionDir(): string {
  if (process.env.STATBOARD_EXTENSION_DIR) return process.env.STATBOARD_EXTENSION_DIR;
  return join(process.env.STATBOARD_OUT_DIR ?? '.output', 'chrome-mv3');
}

/** JS files an HTML page loads, plus the chunks they import (WXT splits shared code into chunks). */
function htmlScripts(dir: string, htmlPath: string): string[] {
  const html = readFileSync(join(dir, htmlPath), 'utf8');
  const out = new Set<string>();
  for (const m of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)) {
    out.add(m[1]!.replace(/^\//, ''));
  }
  return [...out];
}

/** Static imports of a built ES module chunk, followed transitively (relative `./x.js` and `/x.js`). */
function withImports(dir: string, files: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(join(dir, file))) continue;
    seen.add(file);
    const text = readFileSync(join(dir, file), 'utf8');
    for (const m of text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      const spec = m[1]!;
      const resolved = spec.startsWith('/') ? spec.slice(1) : relative(dir, join(dir, file, '..', spec));
      queue.push(resolved);
    }
  }
  return [...seen];
}

function measure(dir: string, name: string, kind: BundleSize['kind'], files: string[]): BundleSize {
  const all = withImports(dir, files);
  let raw = 0;
  let gzip = 0;
  for (const f of all) {
    const buf = readFileSync(join(dir, f));
    raw += buf.length;
    // Each file separately: that is how the browser fetches and (for a store) compresses them.
    gzip += gz(buf);
  }
  return { name, kind, files: all, raw, gzip };
}

interface Manifest {
  background?: { service_worker?: string };
  content_scripts?: { js?: string[]; matches?: string[] }[];
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

/** Reads manifest.json and sizes each entry. Throws when the folder is not a build. */
export function bundleSizes(dir = extensionDir()): BundleSize[] {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no manifest.json in ${dir}: build first (wxt build)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const out: BundleSize[] = [];
  for (const cs of manifest.content_scripts ?? []) {
    for (const js of cs.js ?? []) {
      // content-scripts/github.js -> content:github (in the manifest: runs on every GitHub page)
      const name = `content:${js.replace(/^content-scripts\//, '').replace(/\.js$/, '')}`;
      out.push(measure(dir, name, 'content', [js]));
    }
  }
  // Panels injected on demand (scripting.executeScript) are unlisted scripts: the build's top-level
  // .js files other than the service worker (repo-panel.js -> panel:repo, org-insights.js -> panel:org-insights).
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.js') && f !== manifest.background?.service_worker && !out.some((b) => b.files[0] === f)) {
      out.push(measure(dir, `panel:${f.replace(/\.js$/, '').replace(/-panel$/, '')}`, 'panel', [f]));
    }
  }
  if (manifest.background?.service_worker) out.push(measure(dir, 'background', 'background', [manifest.background.service_worker]));
  const popup = manifest.action?.default_popup;
  if (popup && existsSync(join(dir, popup))) out.push(measure(dir, 'popup', 'popup', htmlScripts(dir, popup)));
  const options = manifest.options_ui?.page ?? manifest.options_page;
  if (options && existsSync(join(dir, options))) out.push(measure(dir, 'options', 'options', htmlScripts(dir, options)));
  return out;
}

/** Total bytes of the folder (what the store package holds, before zip). */
export function folderBytes(dir = extensionDir()): number {
  let total = 0;
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else total += s.size;
    }
  };
  walk(dir);
  return total;
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
