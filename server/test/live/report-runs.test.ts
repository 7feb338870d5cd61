import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/app/server.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/shared/logger.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/server.js';
import { Collector, createTenant, eventually, wsClient } from './support.js';

const REPORT_RUNS = `subscription($scheduleId: ID) { reportRunUpdated(scheduleId: $scheduleId) { id kind status schedule { id name } } }`;

describe('reportRunUpdated', () => {
  let a: TestServer;
  let b: RunningServer;
  let bUrl: string;
  let admin: string;
  beforeAll(async () => {
    a = await startTestServer();
    const config = loadConfig({ DATABASE_URL: a.db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ADMIN_EMAIL, ADMIN_PASSWORD, NODE_ENV: 'test', SEED_DEMO: 'false' });
    b = await startServer({ config, log: createLogger('silent') });
    bUrl = `http://127.0.0.1:${b.port}`;
    admin = await a.login();
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  const createSchedule = async (t: TestServer, token: string, name: string) =>
    (await t.gqlData(`mutation($input: ReportScheduleInput!) { createReportSchedule(input: $input) { id } }`, { input: { name, frequency: 'DAILY', emailRecipients: ['cfo@acme.test'] } }, token))
      .createReportSchedule.id as string;

  it('follows the runs of a schedule sent by another instance, and only those the caller may see', async () => {
    const watched = await createSchedule(a, admin, 'Watched');
    const other = await createSchedule(a, admin, 'Other');
    const tenant = await createTenant(a, 'Run Watcher Co');
    const stranger = await a.login(tenant.email, tenant.password);

    const client = wsClient(bUrl, admin);
    const strangerClient = wsClient(bUrl, stranger);
    const runs = new Collector(client, REPORT_RUNS, { scheduleId: watched });
    const allRuns = new Collector(client, REPORT_RUNS);
    const strangers = new Collector(strangerClient, REPORT_RUNS);
    await eventually(() => b.services.live.stats().topicSubscribers === 3, 3000, 'the subscriptions');

    await a.gqlData(`mutation($id: ID!) { sendReportNow(id: $id) { id } }`, { id: other }, admin);
    await a.gqlData(`mutation($id: ID!) { sendReportNow(id: $id) { id } }`, { id: watched }, admin);
    await runs.until((c) => c.values.some((v) => v.reportRunUpdated.status === 'SENT'), 5000, 'the run to be sent');
    expect(new Set(runs.values.map((v) => v.reportRunUpdated.schedule.id))).toEqual(new Set([watched]));
    expect(runs.values.at(-1)!.reportRunUpdated).toMatchObject({ kind: 'MANUAL', status: 'SENT', schedule: { name: 'Watched' } });
    await allRuns.until((c) => new Set(c.values.map((v) => v.reportRunUpdated.schedule.id)).size === 2, 5000, 'both schedules');
    await new Promise((r) => setTimeout(r, 300));
    expect(strangers.values).toEqual([]);
    await Promise.all([client.dispose(), strangerClient.dispose()]);
    await eventually(() => b.services.live.stats().topicSubscribers === 0, 3000, 'the subscribers to leave');
  });
});
