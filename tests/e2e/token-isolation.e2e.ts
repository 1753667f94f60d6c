import { DEMO_TOKENS } from '../mock-github';
import { test, expect, giveToken, READY } from './fixtures';

test('the token never reaches a GitHub page: not its DOM, not a message to a panel', async ({ page, worker, openExtensionPage, panel, mock }) => {
  const token = DEMO_TOKENS.admin;
  await giveToken(openExtensionPage, token);
  // Record everything the background sends to panels over their ports (same Port object the
  // background's own listener receives, so its postMessage calls pass through here).
  await worker.evaluate(() => {
    const sent: string[] = [];
    (globalThis as unknown as { __sentToPanels: string[] }).__sentToPanels = sent;
    chrome.runtime.onConnect.addListener((port) => {
      const post = port.postMessage.bind(port);
      port.postMessage = (message: unknown) => {
        sent.push(JSON.stringify(message));
        post(message);
      };
    });
  });

  // A private repository (only the token can see it) and the org's API Insights.
  await page.goto('https://github.com/acme/secret');
  // Cold cache: five endpoints, two at a time, with two browsers on two shared cores.
  await expect(panel(page, 'repo').root).toHaveAttribute('data-state', 'ready', READY);
  await page.goto('https://github.com/acme');
  await expect(panel(page, 'org').section('subjects')).toHaveAttribute('data-state', 'ready');

  // The token was used: GitHub saw it on the API requests.
  expect(mock.requests.some((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
  const sent = await worker.evaluate(() => (globalThis as unknown as { __sentToPanels: string[] }).__sentToPanels);
  expect(sent.filter((m) => m.includes('"type":"snapshot"')).length).toBeGreaterThan(5);
  expect(sent.join('\n')).not.toContain(token);
  const dom = await page.evaluate(() =>
    [document.documentElement.outerHTML, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot?.innerHTML ?? '')].join('\n'),
  );
  expect(dom).toContain('data-statboard="org"');
  expect(dom).not.toContain(token);
  // Nor does any request to another origin carry it.
  expect(mock.requests.filter((r) => !r.url.startsWith('https://api.github.com/') && JSON.stringify(r.headers).includes(token))).toEqual([]);
});
