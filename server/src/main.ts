import { ConfigError, loadConfig } from './config/index.js';
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

// Signals are handled from the start: one stops gracefully (once the server is up, if it is still
// starting), a second one exits at once.
let stopping: Promise<void> | null = null;
let stopServer: (() => Promise<void>) | null = null;
const shutdown = () => {
  if (!stopServer) return;
  stopping ??= stopServer().then(
    () => process.exit(0),
    (err) => {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    },
  );
};
let signalled = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (signalled) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    signalled = true;
    log.info({ signal }, 'signal received');
    shutdown();
  });
}

// The app is loaded only after the settings are known good, so a bad setting is reported at once.
const { startServer } = await import('./app/server.js');
const { loadDemoInBackground } = await import('./modules/demo/background.js');
const server = await startServer({ config, log });
stopServer = () => server.stop();
if (signalled) shutdown();
console.log(`
  Tokentally is running at ${server.url}
  GraphQL:  ${server.url}/graphql
  Sign in:  ${config.ADMIN_EMAIL} / ${process.env.ADMIN_PASSWORD ? '(the ADMIN_PASSWORD you set)' : config.ADMIN_PASSWORD}
  Database: ${config.embeddedDatabase ? `embedded PostgreSQL, data in ${config.DATA_DIR}/postgres` : 'DATABASE_URL'}${config.seedDemo ? `\n  Demo:     ${config.DEMO_EVENTS.toLocaleString('en-US')} events load in the background (progress in the log; SEED_DEMO=false skips)` : ''}
`);
if (config.seedDemo && !signalled) void loadDemoInBackground(server, config.DEMO_EVENTS, log);
