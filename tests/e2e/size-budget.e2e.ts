/**
 * Bundle-size budget: the one benchmark figure `npm test` enforces. No browser needed: reads the
 * built extension (`.output/chrome-mv3`, or STATBOARD_EXTENSION_DIR / STATBOARD_OUT_DIR) and gzips
 * each bundle with node's zlib.
 *
 * The manifest has no content script: nothing loads on every GitHub page (the background decides
 * from the tab's URL which page gets a panel, utils/background/panelInjection.ts), and a content
 * script added back would get the 70 KB target. The panels are injected only into repository and organization pages, and both
 * meet the 70 KB target. The org panel is its Activity and the tabs (30.4 KB: no Chart.js, its
 * weekly bars are the kit's DOM ColumnChart); its API Insights views, drill-down, long tables and
 * line chart (with their own Chart.js) are `org-insights`, injected only when a token holder's
 * insights view is first shown (components/org/insightsPart.ts). The repository panel (30.7 KB)
 * draws its first section with DOM columns too; Chart.js for its other charts is `repo-charts`
 * (40.1 KB), injected when the first of them comes near the viewport (components/repo/chartsPart.ts).
 * The parts have no target of their own; each is held near its size so it cannot grow unnoticed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { bundleSizes, extensionDir, kb } from '../../bench/lib/size';

const CONTENT_GZIP_BUDGET = 70 * 1024;
// The panels and parts are unlisted scripts (no WXT content-script context).
const PANEL_GZIP_BUDGET = { repo: 70 * 1024, org: 70 * 1024, 'org-insights': 58 * 1024, 'repo-charts': 41 * 1024 } as const;
const BACKGROUND_GZIP_BUDGET = 60 * 1024;

test('bundle sizes stay within budget', () => {
  const dir = extensionDir();
  const sizes = bundleSizes(dir);
  console.log(`bundle sizes in ${dir}:`);
  for (const s of sizes) console.log(`  ${s.name.padEnd(20)} raw ${kb(s.raw).padStart(10)}  gzip ${kb(s.gzip).padStart(9)}  (${s.files.length} file(s))`);

  const content = sizes.filter((s) => s.kind === 'content');
  expect(content.map((s) => s.name), 'no content script in the manifest: pages without a panel load nothing').toEqual([]);
  for (const s of content) {
    // Soft: one run reports every bundle over budget, not just the first.
    expect.soft(s.gzip, `${s.name} gzip ${kb(s.gzip)} <= ${kb(CONTENT_GZIP_BUDGET)}`).toBeLessThanOrEqual(CONTENT_GZIP_BUDGET);
  }
  const panels = sizes.filter((s) => s.kind === 'panel');
  expect(panels.map((s) => s.name).sort(), 'the two injected panels and their parts are built').toEqual(['panel:org', 'panel:org-insights', 'panel:repo', 'panel:repo-charts']);
  for (const s of panels) {
    const budget = PANEL_GZIP_BUDGET[s.name.replace('panel:', '') as keyof typeof PANEL_GZIP_BUDGET];
    expect.soft(s.gzip, `${s.name} gzip ${kb(s.gzip)} <= ${kb(budget)}`).toBeLessThanOrEqual(budget);
  }
  const background = sizes.find((s) => s.kind === 'background');
  expect(background, 'a background service worker is built').toBeDefined();
  expect.soft(background!.gzip, `background gzip ${kb(background!.gzip)} <= ${kb(BACKGROUND_GZIP_BUDGET)}`).toBeLessThanOrEqual(BACKGROUND_GZIP_BUDGET);
});

test('Chart.js is in the parts only: neither panel carries it', () => {
  const dir = extensionDir();
  // A message only Chart.js's core has (Chart's constructor), kept by any build that keeps Chart.js.
  const chartJs = 'Failed to create chart: can\'t acquire context from the given item';
  expect(readFileSync(join(dir, 'repo-charts.js'), 'utf8')).toContain(chartJs);
  expect(readFileSync(join(dir, 'org-insights.js'), 'utf8')).toContain(chartJs);
  for (const panel of ['repo-panel.js', 'org-panel.js']) expect(readFileSync(join(dir, panel), 'utf8'), panel).not.toContain(chartJs);
});
