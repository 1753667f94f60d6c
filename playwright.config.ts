import { defineConfig } from '@playwright/test';

// The extension runs in Chromium's persistent context, set up per test in tests/e2e/fixtures.ts
// (Debian's /usr/bin/chromium, headless, the built extension from STATBOARD_EXTENSION_DIR).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  // Two shared cores: two browsers at a time, in CI too.
  workers: 2,
  fullyParallel: true,
  // In CI one retry absorbs a rare stall of the shared 2-core machine; .ci/run names every test
  // that needed it, so a flaky test is seen and fixed, not hidden. Locally a failure is final.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: process.env.STATBOARD_E2E_JSON ?? 'test-results/e2e.json' }]],
  // Separate folders let parallel runs (several engineers, the benchmark) avoid wiping each other.
  outputDir: process.env.STATBOARD_E2E_ARTIFACTS ?? 'test-results/e2e-artifacts',
  use: {
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
