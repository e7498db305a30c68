import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The same "~/" alias as tsconfig.json's paths, which Astro reads itself.
const resolve = { alias: { '~/': fileURLToPath(new URL('./src/', import.meta.url)) } };

export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        resolve,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'content/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        // Builds scratch copies of the site with content of their own: bad input that must fail
        // (tests/scratch/cases.ts), hostile content, and two clean builds that must match.
        resolve,
        test: { name: 'scratch', include: ['tests/scratch/**/*.test.ts'], testTimeout: 120_000 },
      },
      {
        // Builds the site once (tests/support/build-site.ts), then checks its HTML and runs it in Chromium.
        resolve,
        test: {
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/build-site.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
