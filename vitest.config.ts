import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import dataLoaders from './src/integrations/data-loaders.ts';

// The same "~/" alias as tsconfig.json's paths, which Astro reads itself.
const resolve = { alias: { '~/': fileURLToPath(new URL('./src/', import.meta.url)) } };

/** The tests of the fixture posts, which share one build of them. */
const FIXTURE_TESTS = 'tests/scratch/fixture-*.test.ts';

// A post's figures import their loaders' results (src/integrations/data-loaders.ts), in tests as in the build.
const plugins = [dataLoaders()];

export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        resolve,
        plugins,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'content/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        // Builds scratch copies of the site with content of their own: bad input that must fail
        // (tests/scratch/cases.ts), hostile content, and two clean builds that must match.
        resolve,
        plugins,
        test: { name: 'scratch', include: ['tests/scratch/**/*.test.ts'], exclude: [FIXTURE_TESTS], testTimeout: 120_000 },
      },
      {
        // Builds the fixture posts (tests/fixtures/posts) once (tests/support/fixture-site.ts), then
        // checks their HTML and runs them in Chromium.
        resolve,
        plugins,
        test: {
          name: 'fixtures',
          include: [FIXTURE_TESTS],
          globalSetup: ['tests/support/fixture-site.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Builds the site once (tests/support/build-site.ts), then checks its HTML and runs it in Chromium.
        resolve,
        plugins,
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
