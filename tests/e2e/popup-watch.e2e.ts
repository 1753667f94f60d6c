import type { Worker } from '@playwright/test';
import { test, expect, readProtected, sendCommand, writeProtected } from './fixtures';
import { DEMO_TOKENS } from '../mock-github';

async function setToken(worker: Worker, token: string) {
  // Stored as an unchecked token: these tests are about the popup, not the token check.
  await writeProtected(worker, 'tokens', { 'github.com': { token } });
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

test('a tab the token cannot read offers the options', async ({ openExtensionPage, mock }) => {
  mock.addOrg({ login: 'acme' });
  const popup = await openExtensionPage(`popup.html?tab=${encodeURIComponent('https://github.com/orgs/acme/people')}`);
  const current = popup.locator('[data-statboard="popup"] [data-current="org"] .sb-current-body');
  await expect(current).toHaveAttribute('data-state', 'no-access');
  await expect(current.locator('[data-open-options]')).toHaveText('Open Statboard options');
});

test('another tab shows the watch list, and says when there is no token', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage(`popup.html?tab=${encodeURIComponent('https://example.com/')}`);
  const root = popup.locator('[data-statboard="popup"]');
  await expect(root).toHaveAttribute('data-target', 'other');
  await expect(root.locator('[data-watchlist-empty]')).toBeVisible();
  await expect(root.locator('[data-token-notice="missing"]')).toBeVisible();
});

test('the watch refresh fills the watch list and sets the badge; opening the popup clears it', async ({ openExtensionPage, mock, worker }) => {
  // The subject rate limited most recently: an hour ago, which the popup has never shown.
  const limitedAt = new Date(Date.now() - 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  mock.script('GET', /\/orgs\/acme\/insights\/api\/subject-stats/, [
    {
      status: 200,
      body: [
        {
          subject_type: 'installation',
          subject_name: 'acme-deploy-bot',
          subject_id: 42,
          total_request_count: 1200,
          rate_limited_request_count: 7,
          last_rate_limited_timestamp: limitedAt,
          last_request_timestamp: limitedAt,
        },
      ],
    },
  ]);
  await setToken(worker, DEMO_TOKENS.admin);
  await writeProtected(worker, 'watchlist', [{ host: 'github.com', kind: 'org', name: 'acme', addedAt: 1 }]);
  const popup = await openExtensionPage(`popup.html?tab=${encodeURIComponent('https://example.com/')}`);
  const entry = popup.locator('[data-watch-entry="org:github.com/acme"]');
  await expect(entry).toHaveAttribute('data-state', 'loading');
  // What the alarm does, through the same command handler (alarms cannot be fired on demand).
  // A context never receives its own runtime messages, so the command comes from a page.
  const options = await openExtensionPage('options.html');
  await popup.close();
  await sendCommand(options, { type: 'watchlist.refresh' });

  // The badge counts orgs with rate-limited requests the popup has not shown yet.
  expect(await worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

  const stored = await readProtected(worker, 'watchlist');
  expect(JSON.stringify(stored)).toContain('"state":"ready"');
  const again = await openExtensionPage(`popup.html?tab=${encodeURIComponent('https://example.com/')}`);
  await expect(again.locator('[data-watch-entry="org:github.com/acme"]')).toHaveAttribute('data-state', 'ready');
  await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
});
