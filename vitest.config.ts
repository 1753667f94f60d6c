import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/unit/setup.ts'],
    globals: true,
    restoreMocks: true,
    // .ci/run reads the JSON file for its summary line.
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
