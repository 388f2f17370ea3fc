import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // The run's own Neo4j (never the user's): see test/setup/neo4j.ts.
    globalSetup: ['test/setup/neo4j.ts'],
    setupFiles: ['test/setup/env.ts'],
    // Tests that share the Neo4j server or Chromium must not race each other.
    fileParallelism: false,
  },
});
