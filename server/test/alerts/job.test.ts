import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createRule, eventsOf, eventually, ingest, spread } from './support.js';

/** The Agenda job: one repeating job on the reports scheduler, every minute, evaluating and delivering. */
describe('the alert evaluation job', () => {
  const clock = new ManualClock(new Date('2026-11-20T10:30:00Z'));
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer({ clock, env: { REPORT_SCHEDULER: 'true', REPORT_SCHEDULER_POLL_MS: '200' } });
  });
  afterAll(() => t?.stop());

  it('is scheduled once, every minute, on the shared Agenda, and evaluates rules when it runs', async () => {
    const jobs = await t.server.services.pool.query(`select repeat_interval, disabled from agenda_jobs where name = 'alert.evaluate'`);
    expect(jobs.rows).toEqual([{ repeat_interval: '* * * * *', disabled: false }]);
    const admin = await t.apiKey(['ADMIN']);
    const rule = await createRule(t, admin, { name: 'By the job', metric: 'REQUESTS', windowMinutes: 30, threshold: 2 });
    await ingest(t, await t.apiKey(['INGEST']), spread(3, '2026-11-20T10:00:00Z', '2026-11-20T10:20:00Z'));
    // The cron minute arriving: Agenda finds the job due and runs it.
    await t.server.services.pool.query(`update agenda_jobs set next_run_at = now() where name = 'alert.evaluate'`);
    const events = await eventually(async () => {
      const e = await eventsOf(t, admin, rule.id);
      return e.length > 0 && e;
    }, 20_000);
    expect(events).toEqual([expect.objectContaining({ status: 'FIRING', value: 3, firedAt: '2026-11-20T10:30:00.000Z' })]);
  });
});
