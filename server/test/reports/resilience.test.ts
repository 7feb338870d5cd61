import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/app/server.js';
import { ManualClock } from '../../src/shared/clock.js';
import type { TestServer } from '../support/server.js';
import { makeEvents } from './events.js';
import { createSchedule, eventually, runsOf, startInstance, startReportServer, startSmtp, startWebhookReceiver, type TestReceiver, type TestSmtp } from './support.js';

// Daily at 06:00 UTC; the clock stands just after a send, for the day before.
const DAY = { from: '2026-11-19T00:00:00.000Z', to: '2026-11-20T00:00:00.000Z' };
const AFTER_SEND = '2026-11-20T06:00:05Z';

describe('report delivery under failure', () => {
  const clock = new ManualClock(new Date('2026-11-20T05:00:00Z'));
  let smtp: TestSmtp;
  let slack: TestReceiver;
  let t: TestServer;
  let admin: string;
  const extra: RunningServer[] = [];

  const daily = (name: string, more: Record<string, unknown> = {}) =>
    createSchedule(t, admin, { name, frequency: 'DAILY', hour: 6, timezone: 'UTC', emailRecipients: ['cfo@acme.test'], ...more });
  const sentTo = (name: string) => smtp.messages.filter((m) => m.subject.startsWith(`${name} ·`));
  const statusesOf = (server: RunningServer) => {
    const seen: string[] = [];
    const sub = server.pubSub.subscribe('reportRunUpdated');
    void (async () => {
      for await (const m of sub) seen.push((m as { status: string }).status);
    })();
    return { seen, stop: () => sub.return?.() };
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    slack = await startWebhookReceiver();
    t = await startReportServer({ clock, smtpUrl: smtp.url, retryDelayMs: 150 });
    admin = await t.login();
    await t.ingest(makeEvents(DAY.from, DAY.to, 50, { prefix: 'r' }), await t.apiKey(['INGEST']));
  });
  // Extra instances live for one test: each holds a few dozen connections, and a leftover one
  // would race the next test's assertions.
  afterEach(async () => {
    for (const s of extra.splice(0)) await s.stop();
    clock.set('2026-11-20T05:00:00Z');
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
    await slack?.stop();
  });

  it('retries through an SMTP outage with backoff and sends once the relay recovers, without re-posting to Slack', async () => {
    const s = await daily('Outage', { slackWebhookUrls: [slack.url('T1/B1/outagesecret')] });
    const statuses = statusesOf(t.server);
    smtp.setDown(true);
    clock.set(AFTER_SEND);
    await t.server.services.reports.runner.dispatchDue(Number(s.id));
    // Two attempts fail; the relay recovers before the third.
    const [failing] = await eventually(async () => {
      const runs = await runsOf(t, admin, s.id);
      return runs[0]?.attempts === 2 && runs[0].status === 'PENDING' && runs;
    });
    expect(failing).toMatchObject({ error: expect.stringMatching(/^cfo@acme\.test: .*421/), nextAttemptAt: expect.any(String) });
    expect(failing.deliveries).toEqual([
      expect.objectContaining({ channel: 'EMAIL', status: 'FAILED', attempts: 2 }),
      expect.objectContaining({ channel: 'SLACK', status: 'SENT', attempts: 1 }),
    ]);
    smtp.setDown(false);
    const [run] = await eventually(async () => {
      const runs = await runsOf(t, admin, s.id);
      return runs[0]?.status === 'SENT' && runs;
    });
    expect(run).toMatchObject({ status: 'SENT', attempts: 3, error: null, periodFrom: DAY.from, periodTo: DAY.to });
    expect(run.deliveries).toEqual([
      expect.objectContaining({ channel: 'EMAIL', status: 'SENT', attempts: 3, error: null }),
      expect.objectContaining({ channel: 'SLACK', status: 'SENT', attempts: 1 }),
    ]);
    expect(sentTo('Outage')).toHaveLength(1);
    expect(slack.posts.filter((p) => p.path.includes('outagesecret'))).toHaveLength(1);
    // reportRunUpdated at every status change: created, then three attempts, the first two failing.
    await eventually(() => statuses.seen.at(-1) === 'SENT');
    expect(statuses.seen).toEqual(['PENDING', 'SENDING', 'PENDING', 'SENDING', 'PENDING', 'SENDING', 'SENT']);
    statuses.stop();
  });

  it('gives up after three attempts and records each failed delivery with its error', async () => {
    const s = await daily('Down for good');
    smtp.setDown(true);
    clock.set(AFTER_SEND);
    await t.server.services.reports.runner.dispatchDue(Number(s.id));
    const [run] = await eventually(async () => {
      const runs = await runsOf(t, admin, s.id);
      return runs[0]?.status === 'FAILED' && runs;
    });
    expect(run).toMatchObject({ status: 'FAILED', attempts: 3, error: expect.stringMatching(/^cfo@acme\.test: .*421/) });
    expect(run.deliveries).toEqual([expect.objectContaining({ channel: 'EMAIL', target: 'cfo@acme.test', status: 'FAILED', attempts: 3, error: expect.stringMatching(/421/) })]);
    expect(sentTo('Down for good')).toHaveLength(0);
    smtp.setDown(false);
    // A failed run is final: the sweep does not try a fourth time.
    await t.server.services.reports.catchUp();
    expect((await runsOf(t, admin, s.id))[0].attempts).toBe(3);
  });

  it('stops a run mid-flight when its schedule is deleted: what was on the wire completes, nothing after it is sent', async () => {
    const s = await daily('Deleted mid-flight', { emailRecipients: ['first@acme.test', 'second@acme.test'], slackWebhookUrls: [slack.url('T1/B1/deletedsecret')] });
    const gate = smtp.hold();
    clock.set(AFTER_SEND);
    const dispatch = t.server.services.reports.runner.dispatchDue(Number(s.id));
    await gate.held; // the first email is on the wire
    await t.gqlData(`mutation($id: ID!) { deleteReportSchedule(id: $id) }`, { id: s.id }, admin);
    gate.release();
    await dispatch;
    const [run] = await runsOf(t, admin, s.id);
    expect(run).toMatchObject({ status: 'CANCELLED', error: 'The schedule was deleted before the report was sent.' });
    expect(run.deliveries.map((d: { target: string; status: string }) => [d.target.replace(/\/….*/, '/…'), d.status])).toEqual([
      ['first@acme.test', 'SENT'],
      ['second@acme.test', 'CANCELLED'],
      [expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/…$/), 'CANCELLED'],
    ]);
    expect(sentTo('Deleted mid-flight').map((m) => m.to)).toEqual([['first@acme.test']]);
    expect(slack.posts.filter((p) => p.path.includes('deletedsecret'))).toHaveLength(0);
    // The job is gone, and nothing brings the run back.
    const { rowCount } = await t.server.services.pool.query(`select 1 from agenda_jobs where name = 'report.schedule' and data->>'scheduleId' = $1`, [s.id]);
    expect(rowCount).toBe(0);
    await t.server.services.reports.catchUp();
    expect(sentTo('Deleted mid-flight')).toHaveLength(1);
  });

  it('cancels a pending retry when the schedule is deleted before it', async () => {
    const s = await daily('Deleted while waiting');
    // An instance without a scheduler of its own: its retry waits until the test makes it.
    const patient = await startInstance(t.db, { clock, smtpUrl: smtp.url, scheduler: false });
    extra.push(patient);
    smtp.setDown(true);
    clock.set(AFTER_SEND);
    await patient.services.reports.runner.dispatchDue(Number(s.id));
    expect((await runsOf(t, admin, s.id))[0]).toMatchObject({ status: 'PENDING', attempts: 1 });
    await t.gqlData(`mutation($id: ID!) { deleteReportSchedule(id: $id) }`, { id: s.id }, admin);
    smtp.setDown(false);
    expect((await runsOf(t, admin, s.id))[0]).toMatchObject({ status: 'CANCELLED', attempts: 1 });
    // When the retry comes, it finds nothing to do.
    expect(await patient.services.reports.runner.attempt(Number((await runsOf(t, admin, s.id))[0].id))).toBeNull();
    expect((await runsOf(t, admin, s.id))[0]).toMatchObject({ status: 'CANCELLED', attempts: 1 });
    expect(sentTo('Deleted while waiting')).toHaveLength(0);
  });

  it('sends once when two scheduler instances race for the same run', async () => {
    const s = await daily('Raced', { emailRecipients: ['a@acme.test', 'b@acme.test'], slackWebhookUrls: [slack.url('T1/B1/racedsecret')] });
    const other = await startInstance(t.db, { clock, smtpUrl: smtp.url });
    extra.push(other);
    clock.set(AFTER_SEND);
    const mine = t.server.services.reports;
    const theirs = other.services.reports;
    // Every path at once, on both instances: the cron job, direct dispatches and the sweep.
    await t.server.services.pool.query(`update agenda_jobs set next_run_at = now() where name = 'report.schedule' and data->>'scheduleId' = $1`, [s.id]);
    await Promise.all([
      mine.runner.dispatchDue(Number(s.id)),
      theirs.runner.dispatchDue(Number(s.id)),
      mine.catchUp(),
      theirs.catchUp(),
      mine.runner.dispatchDue(Number(s.id)),
      theirs.runner.dispatchDue(Number(s.id)),
    ]);
    await eventually(async () => (await runsOf(t, admin, s.id))[0]?.status === 'SENT');
    await new Promise((r) => setTimeout(r, 800));
    const runs = await runsOf(t, admin, s.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(sentTo('Raced').map((m) => m.to[0]).sort()).toEqual(['a@acme.test', 'b@acme.test']);
    expect(slack.posts.filter((p) => p.path.includes('racedsecret'))).toHaveLength(1);
  });

  it('sends a run missed while the server was down once, on the next start, and not again after that', async () => {
    const s = await daily('Missed');
    // Every instance is down at 06:00; the clock moves on to 07:30.
    clock.set('2026-11-20T07:30:00Z');
    const restarted = await startInstance(t.db, { clock, smtpUrl: smtp.url });
    extra.push(restarted);
    await eventually(() => sentTo('Missed').length === 1);
    const again = await startInstance(t.db, { clock, smtpUrl: smtp.url });
    extra.push(again);
    await new Promise((r) => setTimeout(r, 800));
    expect(sentTo('Missed')).toHaveLength(1);
    expect(await runsOf(t, admin, s.id)).toEqual([expect.objectContaining({ kind: 'SCHEDULED', status: 'SENT', periodFrom: DAY.from })]);
  });

  it('does not send, on creation or re-enabling, a period that fell due before', async () => {
    clock.set('2026-11-20T07:30:00Z'); // today's 06:00 send is past
    const s = await daily('Created late');
    await t.server.services.reports.catchUp();
    await t.gqlData(`mutation($id: ID!) { setReportScheduleEnabled(id: $id, enabled: false) { id } }`, { id: s.id }, admin);
    await t.gqlData(`mutation($id: ID!) { setReportScheduleEnabled(id: $id, enabled: true) { id } }`, { id: s.id }, admin);
    await t.server.services.reports.catchUp();
    expect(await runsOf(t, admin, s.id)).toEqual([]);
    clock.set('2026-11-21T06:00:01Z');
    await t.server.services.reports.catchUp();
    const runs = await eventually(async () => {
      const r = await runsOf(t, admin, s.id);
      return r[0]?.status === 'SENT' && r;
    });
    expect(runs).toEqual([expect.objectContaining({ status: 'SENT', periodFrom: '2026-11-20T00:00:00.000Z' })]);
  });

  it('never writes a webhook URL to the logs, even when the webhook fails', async () => {
    const logs: string[] = [];
    const logged = await startInstance(t.db, { clock, smtpUrl: smtp.url, scheduler: false, logs });
    extra.push(logged);
    const s = await daily('Logged', { slackWebhookUrls: [slack.url('T9/B9/topsecretpath')] });
    slack.fail(1);
    smtp.setDown(true);
    clock.set(AFTER_SEND);
    await logged.services.reports.runner.dispatchDue(Number(s.id));
    smtp.setDown(false);
    const [run] = await runsOf(t, admin, s.id);
    expect(run).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(run.error).toMatch(/Slack: Slack webhook answered 500/);
    expect(logs.join('\n')).toMatch(/report delivery failed/);
    expect(logs.join('\n')).not.toContain('topsecretpath');
    expect(JSON.stringify(run)).not.toContain('topsecretpath');
  });
});
