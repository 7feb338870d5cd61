import 'reflect-metadata';
import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Config } from '../config/index.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';
import { openOrm } from '../db/orm.js';
import { createPool } from '../db/pool.js';
import { startReports } from '../jobs/index.js';
import { createSchema, createTopics, type PubSub } from '../graphql/schema.js';
import { auditRouter } from '../modules/audit/audit.route.js';
import { ingestRouter } from '../modules/ingestion/ingest.route.js';
import { LiveConnections, subscribeWithFreshContext, wsErrorFormatting } from '../modules/live/ws-connections.js';
import { reportsRouter } from '../modules/usage/reports.route.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { createLogger, type Logger } from '../shared/logger.js';
import { bootstrapFirstAdmin } from './bootstrap.js';
import { dashboardRouter } from './dashboard.js';
import { createGraphQLHandler } from './graphql-http.js';
import { httpErrorHandler, requestLogger } from './http.js';
import { createServices, type Services } from './services.js';

export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  pubSub: PubSub;
  httpServer: Server;
  /** Registers background work (scheduler, demo loader) to stop before the pools close. */
  onStop(hook: () => Promise<void>): void;
  /** Drains HTTP, closes sockets, stops background work, the ORM and the embedded database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  clock?: Clock;
  log?: Logger;
  /** Work to run once the server listens, e.g. loading demo data in the background. */
  afterListen?: (server: RunningServer) => void | Promise<void>;
}

export async function startServer({ config, clock = systemClock, log = createLogger(config.LOG_LEVEL), afterListen }: StartOptions): Promise<RunningServer> {
  let embedded: EmbeddedDatabase | null = null;
  if (config.embeddedDatabase) embedded = await startEmbeddedPostgres(config.DATA_DIR, config.EMBEDDED_PG_PORT, log);
  const databaseUrl = config.DATABASE_URL ?? embedded!.url;

  const orm = await openOrm(databaseUrl);
  const pool = createPool(databaseUrl, (err) => log.warn({ err }, 'idle database connection lost'));
  const services = createServices({ config, log, clock, orm, pool });
  await bootstrapFirstAdmin(orm.em.fork(), config);

  const pubSub = createTopics();
  services.live.bridgeReportRuns(pubSub); // report run updates reach subscribers on every instance
  const schema = await createSchema(pubSub);
  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogger(log));
  const httpServer = createServer(app);

  // graphql-ws on the same path and port as HTTP. Auth, per-operation contexts and the
  // EntityManager fork per subscription event: modules/live/ws-connections.ts.
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const liveConnections = new LiveConnections(services);
  const wsCleanup = useServer(
    {
      schema,
      onConnect: liveConnections.onConnect, // auth once, in connection_init: 4401 / 4403 with a reason
      subscribe: subscribeWithFreshContext, // a fresh EntityManager per subscription event
      ...wsErrorFormatting(log), // the same error codes and masking as HTTP
      context: liveConnections.context, // the connection's caller; an EntityManager forked on first use
    },
    wsServer,
  );

  const { apollo, handler } = await createGraphQLHandler(schema, services, httpServer, [
    { async serverWillStart() { return { async drainServer() { liveConnections.dispose(); await wsCleanup.dispose(); } }; } },
  ]);

  app.get('/healthz', async (_req, res) => {
    try {
      await pool.query('select 1');
      res.json({ status: 'ok' });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', error: (err as Error).message });
    }
  });
  app.use(ingestRouter(services));
  app.use(reportsRouter(services));
  app.use(auditRouter(services));
  app.use('/graphql', ...handler);
  app.use(dashboardRouter(log)); // after every API route: the SPA's fallback must not shadow them
  app.use(httpErrorHandler(log));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = config.PUBLIC_URL ?? `http://localhost:${port}`;

  const stopHooks = new StopHooks(log);
  let stopping: Promise<void> | null = null;
  const running: RunningServer = {
    url,
    port,
    services,
    pubSub,
    httpServer,
    onStop: (hook) => stopHooks.add(hook),
    stop: () =>
      (stopping ??= (async () => {
        log.info('shutting down: draining HTTP and WebSocket connections');
        // First stop taking work and let in-flight requests finish (an acknowledged batch is
        // committed before its answer is sent), then stop background work, then the pools.
        await apollo.stop();
        log.debug('HTTP drained');
        await stopHooks.run();
        await pool.end();
        await orm.close();
        log.debug('database pools closed');
        if (embedded) await embedded.stop();
        log.info('stopped');
      })()),
  };
  running.onStop(() => services.live.stop()); // ends live subscriptions and the LISTEN connection
  log.info({ url, graphql: `${url}/graphql`, database: embedded ? 'embedded' : 'external' }, 'Tokentally is listening');
  services.alerts.attach({ pubSub, baseUrl: url });
  running.onStop(() => services.alerts.stop()); // closes the alerts LISTEN connection
  services.rollups.start();
  running.onStop(() => services.rollups.stop()); // finishes a fold in progress
  await startReports(running, schema);
  if (afterListen) await afterListen(running);
  return running;
}

/** Background work (scheduler, demo loader) registers how to stop itself before the pools close. */
class StopHooks {
  private readonly hooks: (() => Promise<void>)[] = [];
  constructor(private readonly log: Logger) {}
  add(hook: () => Promise<void>): void {
    this.hooks.push(hook);
  }
  async run(): Promise<void> {
    for (const hook of this.hooks.reverse()) {
      await hook().catch((err) => this.log.error({ err }, 'error while stopping a background task'));
    }
  }
}
