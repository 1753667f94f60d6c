import type { Page } from '@playwright/test';

/**
 * How many times Chromium parsed each extension script in the page (all worlds), counted from
 * now: tells which of the extension's bundles and parts were injected.
 */
export async function parsedScripts(page: Page): Promise<(file: string) => number> {
  const cdp = await page.context().newCDPSession(page);
  const seen: string[] = [];
  cdp.on('Debugger.scriptParsed', ({ url }) => {
    if (url.startsWith('chrome-extension://')) seen.push(new URL(url).pathname.replace(/^\//, ''));
  });
  await cdp.send('Debugger.enable');
  return (file) => seen.filter((f) => f === file).length;
}
