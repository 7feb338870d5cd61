import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';

// Component and composable tests in happy-dom. The browser suite has its own config (e2e/).
export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'happy-dom',
    maxWorkers: 2,
    // CI reads the counts from vitest's JSON reports (see .ci/run).
    reporters: process.env.VITEST_JSON_REPORT_DIR ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_REPORT_DIR ? { json: `${process.env.VITEST_JSON_REPORT_DIR}/client.json` } : undefined,
  },
});
