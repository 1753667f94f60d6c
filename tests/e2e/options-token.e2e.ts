import { test, expect, readProtected } from './fixtures';
import { DEMO_TOKENS } from '../mock-github';

test('a valid classic token shows login and scopes, and leaves no trace in the page or storage.sync', async ({ openExtensionPage, worker, mock }) => {
  const options = await openExtensionPage('options.html');
  const status = options.locator('[data-token-status]');
  await expect(status).toHaveAttribute('data-token-status', 'missing');
  await options.locator('input[name="token"]').fill(DEMO_TOKENS.classic);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(status).toHaveAttribute('data-token-status', 'valid');
  await expect(status).toContainText('octo-lead');
  await expect(status).toContainText('repo, read:org');
  await expect(options.locator('input[name="token"]')).toHaveValue('');
  expect(await options.content()).not.toContain(DEMO_TOKENS.classic);
  const sync = await worker.evaluate(() => chrome.storage.sync.get(null));
  expect(JSON.stringify(sync)).not.toContain(DEMO_TOKENS.classic);
  expect(mock.count('/user')).toBe(1);
});

test('a valid fine-grained token shows its kind and what API Insights need', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.locator('input[name="token"]').fill(DEMO_TOKENS.admin);
  await options.locator('input[name="token"]').press('Enter');
  const status = options.locator('[data-token-status]');
  await expect(status).toHaveAttribute('data-token-status', 'valid');
  await expect(status).toContainText('mona');
  await expect(status).toContainText('Fine-grained personal access token');
  await expect(status).toContainText('API Insights');
});

test('a rejected token is invalid', async ({ openExtensionPage, mock }) => {
  mock.script('GET', '/user', [{ status: 401, body: { message: 'Bad credentials' } }]);
  const options = await openExtensionPage('options.html');
  await options.locator('input[name="token"]').fill('ghp_ThisTokenWasRevoked0123456789abcdef');
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.locator('[data-token-status]')).toHaveAttribute('data-token-status', 'invalid');
  await expect(options.locator('[data-token-status]')).toContainText('rejected');
});

test('a network failure during the check says so and keeps the token', async ({ openExtensionPage, mock, worker }) => {
  mock.script('GET', '/user', [{ networkError: true }]);
  const options = await openExtensionPage('options.html');
  await options.locator('input[name="token"]').fill(DEMO_TOKENS.classic);
  await options.getByRole('button', { name: 'Save' }).click();
  const status = options.locator('[data-token-status]');
  await expect(status).toContainText(/could not reach github/i);
  const stored = await readProtected(worker, 'tokens');
  expect(JSON.stringify(stored)).toContain(DEMO_TOKENS.classic);
  // Once GitHub answers again, "Check again" turns it valid.
  await options.getByRole('button', { name: 'Check again' }).click();
  await expect(status).toHaveAttribute('data-token-status', 'valid');
});

test('malformed input is refused with a sentence and no request', async ({ openExtensionPage, mock }) => {
  const options = await openExtensionPage('options.html');
  for (const bad of ['', 'hello world', 'sk_live_0123456789abcdef', `ghp_${'a'.repeat(300)}`]) {
    await options.locator('input[name="token"]').fill(bad);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.locator('[data-token-error]')).toBeVisible();
  }
  await expect(options.locator('[data-token-status]')).toHaveAttribute('data-token-status', 'missing');
  expect(mock.count('/user')).toBe(0);
});

test('removing the token forgets it', async ({ openExtensionPage, worker }) => {
  const options = await openExtensionPage('options.html');
  await options.locator('input[name="token"]').fill(DEMO_TOKENS.classic);
  await options.getByRole('button', { name: 'Save' }).click();
  await expect(options.locator('[data-token-status]')).toHaveAttribute('data-token-status', 'valid');
  await options.getByRole('button', { name: 'Remove token' }).click();
  await expect(options.locator('[data-token-status]')).toHaveAttribute('data-token-status', 'missing');
  const stored = [await readProtected(worker, 'tokens'), await worker.evaluate(() => chrome.storage.local.get(null))];
  expect(JSON.stringify(stored)).not.toContain(DEMO_TOKENS.classic);
});
