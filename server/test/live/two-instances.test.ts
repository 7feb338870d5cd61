import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/app/server.js';
import { loadConfig } from '../../src/config/index.js';
import { LISTENER_APPLICATION_NAME } from '../../src/modules/live/batch-listener.js';
import { createLogger } from '../../src/shared/logger.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/server.js';
import { anEvent, apiKeyFor, Collector, eventually, ingestOk, LIVE_USAGE, USAGE_EVENTS, wsClient } from './support.js';

/** Two server processes' worth of state on one database: A takes the ingest, B has the subscribers. */
describe('live delivery across instances', () => {
  let a: TestServer;
  let b: RunningServer;
  let bUrl: string;
  let admin: string;
  let ingestKey: string;
  let sql: pg.Client;

  beforeAll(async () => {
    a = await startTestServer();
    const config = loadConfig({ DATABASE_URL: a.db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ADMIN_EMAIL, ADMIN_PASSWORD, NODE_ENV: 'test', SEED_DEMO: 'false' });
    b = await startServer({ config, log: createLogger('silent') });
    bUrl = `http://127.0.0.1:${b.port}`;
    b.services.live.options.listenerIdleMs = 100;
    admin = await a.login();
    ingestKey = await apiKeyFor(a, admin, ['INGEST']);
    sql = new pg.Client({ connectionString: a.db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql?.end();
    await b?.stop();
    await a?.stop();
  });

  const listeners = async () =>
    (await sql.query(`select pid from pg_stat_activity where datname = current_database() and application_name = $1`, [LISTENER_APPLICATION_NAME])).rows as { pid: number }[];

  it('delivers events ingested on one instance to subscribers of the other, fetching each batch once', async () => {
    const client = wsClient(bUrl, admin);
    const tails = [new Collector(client, USAGE_EVENTS, { filter: { models: ['x-model'] } }), new Collector(client, USAGE_EVENTS, { filter: { models: ['x-model'] } })];
    const live = new Collector(client, LIVE_USAGE, { filter: { models: ['x-model'] }, w: 60 });
    expect((await live.nth(1)).liveUsage.requests).toBe(0);
    await eventually(() => b.services.live.stats().eventSubscribers === 2, 3000, 'the subscriptions on B');
    expect(await listeners()).toHaveLength(1); // only B has live subscribers, so only B listens

    const before = b.services.live.stats();
    const started = Date.now();
    await ingestOk(a, ingestKey, [anEvent({ id: 'x-1', model: 'x-model' }), anEvent({ id: 'x-2', model: 'x-model', userId: 'other' })]);
    for (const tail of tails) await tail.nth(2, 3000);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(tails[0].values.map((v) => v.usageEvents.id)).toEqual(['x-1', 'x-2']);
    await live.until((c) => c.values.at(-1)?.liveUsage.requests === 2, 3000, 'the window on B to count them');
    expect(live.values.at(-1)!.liveUsage.activeUsers).toBe(2);

    const after = b.services.live.stats();
    expect(after.batchesFetched - before.batchesFetched).toBe(1); // one batch, one fetch, however many subscribers
    expect(after.viewReads).toBe(before.viewReads);
    await client.dispose();
    await eventually(() => b.services.live.stats().listener === 'stopped', 3000, 'B to stop listening');
    await eventually(async () => (await listeners()).length === 0, 3000, 'the LISTEN connection to close');
  });

  it('reconnects a dropped LISTEN connection and re-reads the windows it may have missed', async () => {
    const client = wsClient(bUrl, admin);
    const tail = new Collector(client, USAGE_EVENTS, { filter: { models: ['r-model'] } });
    const live = new Collector(client, LIVE_USAGE, { filter: { models: ['r-model'] }, w: 60 });
    await live.nth(1);
    await eventually(async () => (await listeners()).length === 1, 3000, 'B to listen');
    const reads = b.services.live.stats().viewReads;

    const [{ pid }] = await listeners();
    await sql.query('select pg_terminate_backend($1)', [pid]);
    // An event committed while B is not listening is still counted, from the re-read window.
    await ingestOk(a, ingestKey, [anEvent({ model: 'r-model' })]);
    await eventually(() => b.services.live.stats().listenerReconnects === 1 && b.services.live.stats().listener === 'listening', 5000, 'the reconnection');
    await live.until((c) => c.values.at(-1)?.liveUsage.requests === 1, 5000, 'the re-read window');
    expect(b.services.live.stats().viewReads).toBeGreaterThan(reads);

    await ingestOk(a, ingestKey, [anEvent({ id: 'r-after', model: 'r-model' })]);
    await tail.until((c) => c.values.some((v) => v.usageEvents.id === 'r-after'), 3000, 'delivery after the reconnection');
    await live.until((c) => c.values.at(-1)?.liveUsage.requests === 2, 4000, 'the window to follow again');
    await client.dispose();
  });
});
