import { defineConfig } from 'vitest/config';

export default defineConfig({
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
