import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Everything but the browser suites: tests/ mirrors src/, one folder per feature.
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/engines/**'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Builds the site once and serves dist/ for every e2e file.
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // Two cores: two browser-driven files at a time keeps the build machine responsive.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'engines',
          include: ['tests/engines/**/*.test.ts'],
          // The reader's flows in Firefox and WebKit, on the same build as the e2e project (or one of its own).
          globalSetup: ['tests/support/engines/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          maxWorkers: 2,
        },
      },
    ],
  },
});
