import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // A timeout catches a hang, not slowness (speed is `npm run bench`'s job). The property tests walk
    // all 15,000 ordered pairs of the catalog and took 8 s on 2 cores shared with a browser suite.
    testTimeout: 30_000,
  },
});
