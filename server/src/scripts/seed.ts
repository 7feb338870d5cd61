import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/index.js';
import { startServer } from '../app/server.js';
import { foldEverything } from '../analytics/rollups/register.js';
import type { Principal } from '../modules/accounts/access.js';
import { AZURE_ATTRIBUTION, DEFAULT_AZURE_TRACE_DIR, importAzureTraces } from '../modules/demo/azure-trace.js';
import { findDemoOrganization } from '../modules/demo/demo-accounts.js';
import { DEMO_SEED } from '../modules/demo/generator.js';
import { loadDemoData } from '../modules/demo/loader.js';
import { createLogger } from '../shared/logger.js';

/**
 * `npm run seed [-- --events N] [--seed S] [--azure-trace]`: loads the demo data into the database
 * of the configuration (DATABASE_URL, or the embedded one when the server is not running).
 * It starts the real server on a private port so ingestion is wired exactly as in production
 * (summary tables included), loads, and stops. Running it again is a no-op once complete.
 */
const { values: args } = parseArgs({
  options: {
    events: { type: 'string' },
    seed: { type: 'string' },
    'azure-trace': { type: 'boolean', default: false },
  },
});

let config;
try {
  config = loadConfig({ LOG_LEVEL: 'warn', ...process.env }, { PORT: 0, HOST: '127.0.0.1', seedDemo: false });
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const events = args.events ? Number(args.events) : config.DEMO_EVENTS;
const seed = args.seed ? Number(args.seed) : DEMO_SEED;
if (!Number.isInteger(events) || events < 0 || !Number.isInteger(seed)) {
  console.error('--events and --seed must be whole numbers');
  process.exit(1);
}

const log = createLogger(config.LOG_LEVEL);
const server = await startServer({ config, log });
const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.once('SIGTERM', () => controller.abort());

let lastPrinted = -1;
try {
  console.log(`Seeding ${events.toLocaleString('en-US')} demo events (seed ${seed})…`);
  const result = await loadDemoData(server.services, {
    events,
    seed,
    log,
    signal: controller.signal,
    onProgress: ({ loaded, total, eventsPerSecond }) => {
      const percent = Math.floor((loaded / total) * 100);
      if (percent < lastPrinted + 5 && loaded < total) return;
      lastPrinted = percent;
      console.log(`  ${loaded.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${percent}%), ${eventsPerSecond.toLocaleString('en-US')} events/s`);
    },
  });
  if (result.status === 'already-loaded') console.log(`The demo data is already loaded (${result.total.toLocaleString('en-US')} events): nothing to do.`);
  else if (result.status === 'aborted') console.log('Stopped; run again to resume.');
  else console.log(`Done: ${result.accepted.toLocaleString('en-US')} events stored, ${result.duplicates} duplicates, ${result.rejected} rejected, in ${(result.ms / 1000).toFixed(1)} s.`);

  if (args['azure-trace'] && !controller.signal.aborted) {
    const org = await findDemoOrganization(server.services.orm.em.fork());
    const principal: Principal = { kind: 'apiKey', apiKeyId: 0, scopes: ['INGEST'], orgId: org.id, tenantId: org.id, isSubAccount: false };
    // Shifted to end now, so the real arrival pattern shows up in today's charts.
    const azure = await importAzureTraces(DEFAULT_AZURE_TRACE_DIR, { endAt: server.services.clock.now(), ingest: (batch) => server.services.ingestion.ingest(principal, batch) });
    console.log(`Azure trace: ${azure.rows} rows, ${azure.accepted} stored, ${azure.duplicates} already there. Data: ${AZURE_ATTRIBUTION}`);
  }
  if (!controller.signal.aborted) {
    // Leave every summary current (a running server would fold the rest within seconds anyway).
    const folded = await foldEverything(server.services.pool);
    if (folded) console.log(`Folded the last ${folded.toLocaleString('en-US')} events into the summary tables.`);
  }
} finally {
  await server.stop();
}
