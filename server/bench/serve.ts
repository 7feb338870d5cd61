import { loadConfig } from '../src/config/index.js';
import { startServer } from '../src/app/server.js';
import { createLogger } from '../src/shared/logger.js';

/**
 * The server as `npm start` runs it (without demo data), for bench/ingest.ts to measure as a
 * child process. BENCH_SUMMARIES=off drops the rollup maintenance from ingestion, to measure
 * the event write path alone against a raw COPY into the same table.
 */
const config = loadConfig();
const server = await startServer({ config, log: createLogger(config.LOG_LEVEL) });
// Bench only: reaches into the service for the list of maintained summaries.
const summaries = (server.services.ingestion as unknown as { summaries: unknown[] }).summaries;
const maintained = summaries.length;
if (process.env.BENCH_SUMMARIES === 'off') summaries.length = 0;
console.log(`summaries=${maintained} maintained=${summaries.length} running at ${server.url}`);
process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
