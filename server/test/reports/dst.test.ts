import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import type { TestServer } from '../support/server.js';
import { createSchedule, readEmail, runsOf, startReportServer, startSmtp, type TestSmtp } from './support.js';

/**
 * Europe/Berlin leaves summer time on Sunday 25 October 2026 at 03:00 CEST (02:00 CET): that
 * week is 169 hours long and that Sunday 25. Each event below is placed a half hour from a
 * period boundary, on the side its cost says: $1 inside the reported week, $100 outside it.
 */
const inside = [
  '2026-10-18T22:30:00Z', // Monday 19 Oct, 00:30 CEST: the week's first half hour
  '2026-10-24T22:30:00Z', // Sunday 25 Oct, 00:30 CEST
  '2026-10-25T00:30:00Z', // Sunday, 02:30 CEST (the first 02:30)
  '2026-10-25T01:30:00Z', // Sunday, 02:30 CET (the second 02:30)
  '2026-10-25T22:30:00Z', // Sunday, 23:30 CET: the week's last half hour
];
const outside = [
  '2026-10-18T21:30:00Z', // Sunday 18 Oct, 23:30 CEST: the week before
  '2026-10-25T23:30:00Z', // Monday 26 Oct, 00:30 CET: the week after
];
const weekBefore = ['2026-10-11T22:30:00Z']; // Monday 12 Oct, 00:30 CEST, $2

describe('reports across the Europe/Berlin autumn DST change', () => {
  const clock = new ManualClock(new Date('2026-10-26T04:00:00Z')); // Monday 05:00 CET
  let t: TestServer;
  let smtp: TestSmtp;
  let admin: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await startReportServer({ clock, smtpUrl: smtp.url, scheduler: false });
    admin = await t.login();
    const event = (timestamp: string, costUsd: number, i: number) => ({ id: `dst-${i}`, timestamp, model: 'gpt-4o-mini', costUsd, inputTokens: 100, outputTokens: 10, userId: 'u1' });
    const events = [...inside.map((ts) => [ts, 1] as const), ...outside.map((ts) => [ts, 100] as const), ...weekBefore.map((ts) => [ts, 2] as const)].map(([ts, cost], i) => event(ts, cost, i));
    const res = await t.ingest(events, await t.apiKey(['INGEST']));
    expect((await res.json()).accepted).toBe(events.length);
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });

  it('sends the 169-hour week Monday 00:00 CEST to Monday 00:00 CET at Monday 09:00 CET', async () => {
    const weekly = await createSchedule(t, admin, { name: 'Berlin weekly', frequency: 'WEEKLY', weekday: 1, hour: 9, timezone: 'Europe/Berlin', emailRecipients: ['w@acme.test'] });
    expect(weekly.nextSendAt).toBe('2026-10-26T08:00:00.000Z'); // 09:00 CET, no longer 07:00Z

    clock.set('2026-10-26T07:59:59Z');
    await t.server.services.reports.catchUp();
    expect(await runsOf(t, admin, weekly.id)).toEqual([]);

    clock.set('2026-10-26T08:00:01Z');
    await t.server.services.reports.catchUp();
    const [run] = await runsOf(t, admin, weekly.id);
    expect(run).toMatchObject({ status: 'SENT', periodFrom: '2026-10-18T22:00:00.000Z', periodTo: '2026-10-25T23:00:00.000Z' });
    const mail = readEmail(smtp.messages.find((m) => m.to[0] === 'w@acme.test')!.html);
    expect(mail.figure('requests')).toBe('5');
    expect(mail.figure('total-cost')).toBe('$5.00');
    expect(mail.previous('total-cost')).toBe('was $102.00'); // Oct 12-19: the $2 event and the Sunday-night $100 one
    expect(mail.$('.report-period').text()).toContain('Oct 19 – Oct 25, 2026 (Europe/Berlin)');
    const next = await t.gqlData(`query($id: ID!) { reportSchedule(id: $id) { nextSendAt } }`, { id: weekly.id }, admin);
    expect(next.reportSchedule.nextSendAt).toBe('2026-11-02T08:00:00.000Z');
  });

  it('sends the 25-hour Sunday as one day at 06:00 CET', async () => {
    clock.set('2026-10-26T04:30:00Z'); // 05:30 CET
    const daily = await createSchedule(t, admin, { name: 'Berlin daily', frequency: 'DAILY', hour: 6, timezone: 'Europe/Berlin', emailRecipients: ['d@acme.test'] });
    clock.set('2026-10-26T05:00:00Z'); // 06:00 CET exactly
    await t.server.services.reports.catchUp();
    const [run] = await runsOf(t, admin, daily.id);
    expect(run).toMatchObject({ status: 'SENT', periodFrom: '2026-10-24T22:00:00.000Z', periodTo: '2026-10-25T23:00:00.000Z' });
    const mail = readEmail(smtp.messages.find((m) => m.to[0] === 'd@acme.test')!.html);
    expect(mail.figure('requests')).toBe('4');
    expect(mail.figure('total-cost')).toBe('$4.00');
    expect(mail.previous('total-cost')).toBe('was $0.00');
    expect(mail.change('total-cost')).toBe('new');
  });
});
