import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports" map: Node loads its CommonJS build for type-graphql and graphql-ws,
    // while Vite would pick the ESM build ("module") for our sources. Two copies refuse each other's
    // schema ("Cannot use GraphQLSchema from another module or realm"), so use the one Node uses.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers only contend with PostgreSQL.
    maxWorkers: 2,
    // CI reads the counts from vitest's JSON report (see .ci/run).
    reporters: process.env.VITEST_JSON_REPORT_DIR ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_REPORT_DIR ? { json: `${process.env.VITEST_JSON_REPORT_DIR}/server.json` } : undefined,
  },
});
