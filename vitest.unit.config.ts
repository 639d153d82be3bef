import { defineConfig } from 'vitest/config';

/** Fast unit tests only: no test images, no registries (`npm run test:unit`). */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
