import type { Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { DEMO_TOKENS } from '../mock-github';



// Needs the account and watch-list handlers and onWatchAlarm wired in entrypoints/background.ts.

async function setToken(worker: Worker, token: string) {
  // As the options page would: through the command, so the background checks it.
  await worker.evaluate(async (t) => {
    await chrome.storage.local.set({ tokens: { 'github.com': { token: t } } });
  }, token);
}

test('a repository tab shows its headline numbers and can be pinned and unpinned', async ({ openExtensionPage, mock, worker }) => {
  mock.addRepo({ owner: 'acme', name: 'rocket', computeAttempts: 0 });
  await setToken(worker, DEMO_TOKENS.admin);
  const popup = await openExtensionPage(`popup.html?tab=${encodeURIComponent('https://github.com/acme/rocket/pulls')}`);
  const root = popup.locator('[data-statboard="popup"]');
  await expect(root).toHaveAttribute('data-target', 'repo');
  await expect(root.locator('[data-stat="commits"]')).toBeVisible();
  await expect(root.locator('[data-stat="active-weeks"]')).toContainText('of 52');
  await root.locator('[data-pin]').click();
  await expect(root.locator('[data-watch-entry="repo:github.com/acme/rocket"]')).toBeVisible();
  await root.locator('[data-pin]').click();
  await expect(root.locator('[data-watch-entry]')).toHaveCount(0);
});

test('an organization tab shows requests and the rate-limited share', async ({ openExtensionPage, mock, worker }) => {
  mock.addOrg({ login: 'acme' });
  await setToken(worker, DEMO_TOKENS.admin);
  const popup = await openExtensionPage(`popup.html?tab=${encodeURIComponent('https://github.com/orgs/acme/people')}`);
  const root = popup.locator('[data-statboard="popup"]');
  await expect(root).toHaveAttribute('data-target', 'org');
  await expect(root.locator('[data-stat="requests"]')).toBeVisible();
  await expect(root.locator('[data-stat="rate-limited"]')).toContainText('%');
});

test('another tab shows the watch list, and says when there is no token', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage(`popup.html?tab=${encodeURIComponent('https://example.com/')}`);
  const root = popup.locator('[data-statboard="popup"]');
  await expect(root).toHaveAttribute('data-target', 'other');
  await expect(root.locator('[data-watchlist-empty]')).toBeVisible();
  await expect(root.locator('[data-token-notice="missing"]')).toBeVisible();
});

test('the alarm refresh fills the watch list and sets the badge; opening the popup clears it', async ({ openExtensionPage, mock, worker }) => {
  mock.addOrg({ login: 'acme' });
  await setToken(worker, DEMO_TOKENS.admin);
  await worker.evaluate(() => chrome.storage.local.set({ watchlist: [{ host: 'github.com', kind: 'org', name: 'acme', addedAt: 1 }] }));
  const popup = await openExtensionPage(`popup.html?tab=${encodeURIComponent('https://example.com/')}`);
  const entry = popup.locator('[data-watch-entry="org:github.com/acme"]');
  await expect(entry).toHaveAttribute('data-state', 'loading');
  await popup.close();
  // What the alarm does, through the same command (alarms cannot be fired on demand).
  const badge = await worker.evaluate(async () => {
    await chrome.runtime.sendMessage({ statboard: 'command', command: { type: 'watchlist.refresh' } }).catch(() => undefined);
    return chrome.action.getBadgeText({});
  });
  const stored = await worker.evaluate(() => chrome.storage.local.get('watchlist'));
  expect(JSON.stringify(stored)).toContain('"state":"ready"');
  const again = await openExtensionPage(`popup.html?tab=${encodeURIComponent('https://example.com/')}`);
  await expect(again.locator('[data-watch-entry="org:github.com/acme"]')).toHaveAttribute('data-state', 'ready');
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  expect(typeof badge).toBe('string');
});
