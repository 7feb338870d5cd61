import { loadConfig } from '../src/config/index.js';
import { startServer } from '../src/app/server.js';
import { createLogger } from '../src/shared/logger.js';

/**
 * The server as `npm start` runs it, as a child process of bench/live.ts, which reads its CPU and
 * memory from /proc. It prints the live service's counters once a second (bench only).
 */
const config = loadConfig();
const server = await startServer({ config, log: createLogger(config.LOG_LEVEL) });
console.log(`live-bench server at ${server.url}`);
const stats = setInterval(() => {
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  console.log(`live-stats ${JSON.stringify({ ...server.services.live.stats(), rss, heapUsed, external, arrayBuffers })}`);
}, 1000);
process.once('SIGTERM', () => {
  clearInterval(stats);
  void server.stop().then(() => process.exit(0));
});
