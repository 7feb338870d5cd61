import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The browser suite: a real server (in-process, over a fresh PostgreSQL database per file), the
// built dashboard served from the API's port, and Debian's headless Chromium via playwright-core.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  resolve: {
    // As in the server's config: one graphql copy (the CommonJS build Node gives type-graphql and
    // graphql-ws), or subscriptions fail with "Cannot use GraphQLSchema from another realm".
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    // The server's own global setup provides the PostgreSQL server and the migrated template.
    globalSetup: ['../server/test/support/global-setup.ts', 'e2e/support/build-dashboard.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // One browser at a time: two cores are shared with PostgreSQL and the server.
    fileParallelism: false,
    maxWorkers: 1,
    reporters: process.env.VITEST_JSON_REPORT_DIR ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_REPORT_DIR ? { json: `${process.env.VITEST_JSON_REPORT_DIR}/e2e.json` } : undefined,
  },
});
