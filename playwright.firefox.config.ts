import { defineConfig } from '@playwright/test';

// The Firefox suite: Playwright Test is the runner; the browser is Firefox ESR driven by
// puppeteer-core over WebDriver BiDi (tests/firefox/fixtures.ts). One Firefox at a time.
export default defineConfig({
  testDir: 'tests/firefox',
  testMatch: '**/*.firefox.ts',
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: process.env.STATBOARD_FIREFOX_JSON ?? 'test-results/firefox.json' }]],
  outputDir: process.env.STATBOARD_FIREFOX_ARTIFACTS ?? 'test-results/firefox-artifacts',
});
