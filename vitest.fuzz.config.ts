import { defineConfig } from 'vitest/config';

// `npm run fuzz`: only the long fuzz run, one file, no time limit per test.
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 0,
    hookTimeout: 900_000,
    pool: 'forks',
  },
});
