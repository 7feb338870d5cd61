import { ConfigError, loadConfig } from './config/index.js';
import { startServer } from './app/server.js';
import { loadDemoInBackground } from './modules/demo/background.js';
import { createLogger } from './shared/logger.js';

/** `npm start`: the API, the dashboard and the scheduler in one process. */
let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const log = createLogger(config.LOG_LEVEL);

const server = await startServer({ config, log });
console.log(`
  Tokentally is running at ${server.url}
  GraphQL:  ${server.url}/graphql
  Sign in:  ${config.ADMIN_EMAIL} / ${process.env.ADMIN_PASSWORD ? '(the ADMIN_PASSWORD you set)' : config.ADMIN_PASSWORD}
  Database: ${config.embeddedDatabase ? `embedded PostgreSQL, data in ${config.DATA_DIR}/postgres` : 'DATABASE_URL'}${config.seedDemo ? `\n  Demo:     ${config.DEMO_EVENTS.toLocaleString('en-US')} events load in the background (progress in the log; SEED_DEMO=false skips)` : ''}
`);
if (config.seedDemo) void loadDemoInBackground(server, config.DEMO_EVENTS, log);

let signalled = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (signalled) return;
    signalled = true;
    log.info({ signal }, 'signal received');
    server.stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
