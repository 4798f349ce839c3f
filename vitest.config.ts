import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The last one records the accessibility checks for the accessibility statement.
    reporters: ['default', './tests/support/summary-reporter.ts', './tests/support/accessibility-record-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          // Builds the site once and serves it on 127.0.0.1 for every browser test.
          globalSetup: ['tests/support/global-site.ts'],
          testTimeout: 240_000,
          hookTimeout: 300_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
