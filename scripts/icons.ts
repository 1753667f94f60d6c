/**
 * `npm run icons`: rasterizes assets/icon.svg into public/icon/{16,32,48,128}.png with the
 * installed Chromium (no network). The PNGs are committed; run this after changing the SVG.
 * WXT lists public/icon/<size>.png in the manifest's `icons` by itself; wxt.config.ts names the
 * toolbar sizes in `action.default_icon`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH } from '../tests/e2e/fixtures';

const SIZES = [16, 32, 48, 128] as const;
const svg = readFileSync(resolve('assets/icon.svg'), 'utf8');
const out = resolve('public/icon');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const size of SIZES) {
    // deviceScaleFactor 1 and an <img> of exactly `size` px: Chromium's own SVG rasterizer does the scaling.
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const file = join(out, `${size}.png`);
    await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
}
