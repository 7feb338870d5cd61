import { describe, expect, it } from 'vitest';
import { cronOf, latestSendAt, nextSendAt, periodEndingBefore, periodLabel, previousPeriod, type Timing } from './periods.js';

const weeklyBerlin: Timing = { frequency: 'WEEKLY', timezone: 'Europe/Berlin', hour: 9, weekday: 1, dayOfMonth: 1 };
const iso = (d: Date) => d.toISOString();

describe('report periods', () => {
  it('sends a weekly report on Monday 09:00 local time, for the previous Monday-Sunday week', () => {
    const sendAt = latestSendAt(weeklyBerlin, new Date('2026-11-25T12:00:00Z')); // a Wednesday
    expect(iso(sendAt)).toBe('2026-11-23T08:00:00.000Z');
    const period = periodEndingBefore(weeklyBerlin, sendAt);
    expect(iso(period.from)).toBe('2026-11-15T23:00:00.000Z');
    expect(iso(period.to)).toBe('2026-11-22T23:00:00.000Z');
    expect(periodLabel(weeklyBerlin, period)).toBe('Nov 16 – Nov 22, 2026');
  });

  it('covers a Europe/Berlin week that ends on the autumn DST change: 169 hours, Monday to Monday local', () => {
    const sendAt = latestSendAt(weeklyBerlin, new Date('2026-10-26T08:30:00Z'));
    expect(iso(sendAt)).toBe('2026-10-26T08:00:00.000Z'); // 09:00 CET
    const period = periodEndingBefore(weeklyBerlin, sendAt);
    expect(iso(period.from)).toBe('2026-10-18T22:00:00.000Z'); // Monday 00:00 CEST
    expect(iso(period.to)).toBe('2026-10-25T23:00:00.000Z'); // Monday 00:00 CET
    expect((period.to.getTime() - period.from.getTime()) / 3_600_000).toBe(169);
    // One week earlier the send was still at 09:00 CEST.
    expect(iso(latestSendAt(weeklyBerlin, new Date('2026-10-26T07:59:00Z')))).toBe('2026-10-19T07:00:00.000Z');
  });

  it('covers a Europe/Berlin week that holds the spring DST change: 167 hours', () => {
    const period = periodEndingBefore(weeklyBerlin, new Date('2026-03-30T08:00:00Z'));
    expect(iso(period.from)).toBe('2026-03-22T23:00:00.000Z');
    expect(iso(period.to)).toBe('2026-03-29T22:00:00.000Z');
    expect((period.to.getTime() - period.from.getTime()) / 3_600_000).toBe(167);
  });

  it('moves a send at a local hour skipped by DST to the first valid instant, like cron', () => {
    const daily2am: Timing = { frequency: 'DAILY', timezone: 'Europe/Berlin', hour: 2, weekday: 1, dayOfMonth: 1 };
    expect(iso(nextSendAt(daily2am, new Date('2026-03-28T12:00:00Z')))).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
    expect(iso(nextSendAt(daily2am, new Date('2026-03-29T01:00:00Z')))).toBe('2026-03-30T00:00:00.000Z'); // 02:00 CEST
    const day = periodEndingBefore(daily2am, new Date('2026-03-30T00:00:00Z'));
    expect((day.to.getTime() - day.from.getTime()) / 3_600_000).toBe(23);
  });

  it('sends a daily report for the previous local day, and a monthly one for the previous calendar month', () => {
    const daily: Timing = { frequency: 'DAILY', timezone: 'America/New_York', hour: 7, weekday: 1, dayOfMonth: 1 };
    const sendAt = latestSendAt(daily, new Date('2026-11-20T11:59:00Z')); // 06:59 local: yesterday's send
    expect(iso(sendAt)).toBe('2026-11-19T12:00:00.000Z');
    expect(iso(periodEndingBefore(daily, sendAt).from)).toBe('2026-11-18T05:00:00.000Z');

    const monthly: Timing = { frequency: 'MONTHLY', timezone: 'UTC', hour: 6, weekday: 1, dayOfMonth: 3 };
    const monthSend = latestSendAt(monthly, new Date('2026-03-02T00:00:00Z'));
    expect(iso(monthSend)).toBe('2026-02-03T06:00:00.000Z');
    const month = periodEndingBefore(monthly, monthSend);
    expect([iso(month.from), iso(month.to)]).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
    expect(periodLabel(monthly, month)).toBe('January 2026');
    expect(iso(previousPeriod(monthly, month).from)).toBe('2025-12-01T00:00:00.000Z');
    expect(iso(nextSendAt(monthly, monthSend))).toBe('2026-03-03T06:00:00.000Z');
  });

  it('names the cron expression Agenda repeats with (ISO weekday 7 is cron 0)', () => {
    expect(cronOf(weeklyBerlin)).toBe('0 9 * * 1');
    expect(cronOf({ ...weeklyBerlin, weekday: 7, hour: 18 })).toBe('0 18 * * 0');
    expect(cronOf({ ...weeklyBerlin, frequency: 'DAILY' })).toBe('0 9 * * *');
    expect(cronOf({ ...weeklyBerlin, frequency: 'MONTHLY', dayOfMonth: 28 })).toBe('0 9 28 * *');
  });
});
