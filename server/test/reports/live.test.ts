import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { Collector, wsClient } from '../live/support.js';
import type { TestServer } from '../support/server.js';
import { createSchedule, startReportServer, startSmtp, startWebhookReceiver, type TestReceiver, type TestSmtp } from './support.js';

describe('reportRunUpdated', () => {
  const clock = new ManualClock(new Date('2026-11-20T10:00:00Z'));
  let t: TestServer;
  let smtp: TestSmtp;
  let slack: TestReceiver;
  let admin: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    slack = await startWebhookReceiver();
    t = await startReportServer({ clock, smtpUrl: smtp.url, scheduler: false });
    admin = await t.login();
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
    await slack?.stop();
  });

  it('follows a run of one schedule over graphql-ws until it is SENT, with the webhook URL masked', async () => {
    const s = await createSchedule(t, admin, { name: 'Live', frequency: 'DAILY', emailRecipients: ['cfo@acme.test'], slackWebhookUrls: [slack.url('T1/B1/livesecretXYZW')] });
    const other = await createSchedule(t, admin, { name: 'Other', frequency: 'DAILY', emailRecipients: ['x@acme.test'] });
    const client = wsClient(t.url, admin);
    const updates = new Collector(client, `subscription($id: ID) { reportRunUpdated(scheduleId: $id) { id status schedule { id name } deliveries { channel target status } } }`, { id: s.id });
    await new Promise((r) => setTimeout(r, 300)); // the subscription is registered
    await t.gqlData(`mutation($id: ID!) { sendReportNow(id: $id) { id } }`, { id: other.id }, admin);
    await t.gqlData(`mutation($id: ID!) { sendReportNow(id: $id) { id } }`, { id: s.id }, admin);
    await updates.until((c) => c.values.some((v) => v.reportRunUpdated.status === 'SENT'), 10_000, 'SENT');
    const seen = updates.values.map((v) => v.reportRunUpdated);
    expect(seen.every((r) => r.schedule.id === s.id)).toBe(true);
    // Each message is loaded when delivered, so fast transitions may show a later status twice.
    expect(seen.at(-1).deliveries.find((d: { channel: string }) => d.channel === 'SLACK').target).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…XYZW$/);
    expect(JSON.stringify(seen)).not.toContain('livesecret');
    expect(updates.errors).toEqual([]);
    await client.dispose();
  });
});
