import { DEMO_TOKENS } from '../mock-github';
import { contentScriptWorld, READ_EVERYTHING } from './contentWorld';
import { test, expect, giveToken, readProtected, READY, REPO_SECTIONS, sendCommand, writeProtected } from './fixtures';

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

const EVIL_TOKEN = 'ghp_' + 'EvilTokenFromAContentScript'.padEnd(36, '0');

test("the content scripts' world holds no token, and what it writes to storage changes nothing the background uses", async ({
  page,
  worker,
  extensionId,
  openExtensionPage,
  stopWorker,
  panel,
  mock,
}) => {
  const token = DEMO_TOKENS.admin;
  await giveToken(openExtensionPage, token);
  await page.goto('https://github.com/acme/rocket');
  await expect(panel(page, 'repo').root).toHaveAttribute('data-state', 'ready', READY);

  // Read: every area Statboard's content scripts can reach, and the page's own storage.
  const world = await contentScriptWorld(page, extensionId);
  const seen = await world.evaluate<string>(READ_EVERYTHING);
  expect(JSON.parse(seen).origin).toBe('https://github.com');
  expect(seen).not.toContain(token);
  expect(seen).not.toContain('"tokens"');
  expect(seen).not.toContain('"hosts"');
  expect(seen).not.toContain('statboard-protected');
  expect(await page.evaluate(READ_EVERYTHING)).not.toContain(token);
  // The background does hold it, in the extension's own IndexedDB.
  expect(JSON.stringify(await readProtected(worker, 'tokens'))).toContain(token);

  // Write: what the attack did before: replace the token, add an Enterprise host.
  await world.evaluate(`chrome.storage.local.set({
    tokens: { 'github.com': { token: '${EVIL_TOKEN}' } },
    hosts: { gheCom: ['evil.ghe.com'], enterpriseServers: ['evil.example'] },
  }).then(() => true)`);
  const options = await openExtensionPage('options.html');
  await expect(options.locator('[data-token-status]')).toHaveAttribute('data-token-status', 'valid');
  await expect(options.locator('[data-token-status]')).toContainText('mona');
  await expect(options.locator('li[data-host]')).toHaveCount(1);
  expect(await sendCommand(options, { type: 'token.set', host: 'evil.ghe.com', token: EVIL_TOKEN })).toMatchObject({ message: expect.stringMatching(/Add this host/) });

  // Nor after the worker restarts (the move out of storage.local happens once, not on every start).
  await stopWorker();
  await page.goto('https://github.com/acme/secret');
  // A private repository: only the real token can see it.
  await expect(panel(page, 'repo').root).toHaveAttribute('data-state', 'ready', READY);
  const apiRequests = mock.requests.filter((r) => r.url.startsWith('https://api.github.com/'));
  expect(apiRequests.filter((r) => r.headers.authorization === `Bearer ${EVIL_TOKEN}`)).toEqual([]);
  expect(apiRequests.filter((r) => r.path.startsWith('/repos/acme/secret/')).every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);
  await options.reload();
  await expect(options.locator('li[data-host]')).toHaveCount(1);
  expect(await sendCommand(options, { type: 'token.status', host: 'github.com' })).toMatchObject({ status: 'valid', login: 'mona' });
});

test('a content script asks the background only about its own page', async ({ page, extensionId, openExtensionPage, panel }) => {
  await giveToken(openExtensionPage, DEMO_TOKENS.classic);
  await page.goto('https://github.com/acme/rocket');
  await expect(panel(page, 'repo').root).toHaveAttribute('data-state', 'ready', READY);
  const world = await contentScriptWorld(page, extensionId);
  const send = (command: object) =>
    world.evaluate<unknown>(
      `chrome.runtime.sendMessage({ statboard: 'command', command: ${JSON.stringify(command)} }).catch((e) => ({ error: e.message }))`,
    );
  // Whether a token is set: yes. Whose it is, its scopes: not for a page.
  expect(await send({ type: 'token.status', host: 'github.com' })).toEqual({ host: 'github.com', status: 'valid' });
  expect(await send({ type: 'token.status', host: 'acme.ghe.com' })).toMatchObject({ error: expect.stringMatching(/only ask about its own host/) });
  expect(await send({ type: 'token.set', host: 'github.com', token: EVIL_TOKEN })).toMatchObject({ error: expect.stringMatching(/only for Statboard's own pages/) });
});

test('a second token without a known login sees nothing the first one cached', async ({ page, mock, openExtensionPage, panel }) => {
  // GHE.com managed users have `_` in their login, which Statboard does not take as a login.
  const tokenA = 'ghp_' + 'AliceManagedUser'.padEnd(36, '0');
  const tokenB = 'ghp_' + 'BobManagedUser'.padEnd(36, '0');
  mock.addToken(tokenA, { login: 'alice_acme', kind: 'classic', scopes: ['repo'], repos: ['acme/secret'] });
  mock.addToken(tokenB, { login: 'bob_acme', kind: 'classic', scopes: ['repo'] });
  const options = await openExtensionPage('options.html');
  const a = await sendCommand(options, { type: 'token.set', host: 'github.com', token: tokenA });
  expect(a).toMatchObject({ status: 'valid' });
  expect(a).not.toHaveProperty('login');

  await page.goto('https://github.com/acme/secret');
  const repo = panel(page, 'repo');
  for (const name of REPO_SECTIONS) await expect(repo.section(name)).toHaveAttribute('data-state', 'ready', READY);

  // Token B cannot see the private repository; the panel is still open.
  const b = await sendCommand(options, { type: 'token.set', host: 'github.com', token: tokenB });
  expect(b).toMatchObject({ status: 'valid' });
  expect(b).not.toHaveProperty('login');
  for (const name of REPO_SECTIONS) await expect(repo.section(name)).toHaveAttribute('data-state', 'no-access', READY);
  await expect(repo.root.locator('table')).toHaveCount(0);
  // B asked GitHub itself, rather than being served A's fresh cache entries.
  const asB = () => mock.requests.filter((r) => r.path.startsWith('/repos/acme/secret/stats/') && r.headers.authorization === `Bearer ${tokenB}`);
  expect(asB().length).toBeGreaterThanOrEqual(REPO_SECTIONS.length);

  // A new visit under B: B's answer again, never A's cached data.
  await page.reload();
  for (const name of REPO_SECTIONS) await expect(repo.section(name)).toHaveAttribute('data-state', 'no-access', READY);
  await expect(repo.root.locator('table')).toHaveCount(0);
});

test('the options page lists a host added to the protected store and removes it; the background follows', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await expect(options.locator('li[data-host]')).toHaveCount(1);
  // What HostsSection writes once the browser granted the permission (a prompt tests cannot answer).
  await writeProtected(options, 'hosts', { gheCom: ['acme.ghe.com'], enterpriseServers: [] });
  await expect(options.locator('li[data-host="acme.ghe.com"]')).toBeVisible();
  const set = await sendCommand(options, { type: 'token.set', host: 'acme.ghe.com', token: DEMO_TOKENS.classic });
  expect(set).not.toMatchObject({ message: expect.stringMatching(/Add this host/) });

  await options.getByRole('button', { name: 'Remove acme.ghe.com' }).click();
  await expect(options.locator('li[data-host="acme.ghe.com"]')).toHaveCount(0);
  expect(await readProtected(options, 'hosts')).toEqual({ gheCom: [], enterpriseServers: [] });
  expect(JSON.stringify(await readProtected(options, 'tokens'))).not.toContain('acme.ghe.com');
  expect(await sendCommand(options, { type: 'token.set', host: 'acme.ghe.com', token: DEMO_TOKENS.classic })).toMatchObject({ message: expect.stringMatching(/Add this host/) });
});
