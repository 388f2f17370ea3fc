import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Tests that share the Neo4j server or Chromium must not race each other.
    fileParallelism: false,
  },
});
