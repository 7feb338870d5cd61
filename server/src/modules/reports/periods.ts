import { DateTime } from 'luxon';

/**
 * When a schedule sends and which period each send covers, computed in the schedule's own
 * timezone with calendar arithmetic (so a DST day is 23 or 25 hours long and a week still runs
 * Monday 00:00 to Monday 00:00 local time). Pure functions: every caller passes `now`.
 */
export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY';

export interface Timing {
  frequency: Frequency;
  /** IANA timezone. */
  timezone: string;
  /** Local hour of the send, 0-23. */
  hour: number;
  /** ISO weekday of a weekly send, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** Day of the month of a monthly send, 1-28 (every month has it). */
  dayOfMonth: number;
}

/** A half-open range [from, to) of instants. */
export interface Period {
  from: Date;
  to: Date;
}

const unitOf = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month' } as const;

/** The send instant inside the day/week/month that contains `local` (luxon weeks start on Monday). */
function slotIn(t: Timing, local: DateTime): DateTime {
  const start = local.startOf(unitOf[t.frequency]);
  const day = t.frequency === 'WEEKLY' ? start.plus({ days: t.weekday - 1 }) : t.frequency === 'MONTHLY' ? start.set({ day: t.dayOfMonth }) : start;
  // A local hour skipped by a DST change (02:00 on a spring-forward day) moves forward to the
  // first valid instant, as cron does.
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: t.hour }, { zone: t.timezone });
}

function step(t: Timing, local: DateTime, n: number): DateTime {
  return local.plus({ [`${unitOf[t.frequency]}s`]: n });
}

/** The most recent send instant at or before `now`. */
export function latestSendAt(t: Timing, now: Date): Date {
  const local = DateTime.fromJSDate(now, { zone: t.timezone });
  let slot = slotIn(t, local);
  if (slot.toMillis() > now.getTime()) slot = slotIn(t, step(t, local.startOf(unitOf[t.frequency]), -1));
  return slot.toJSDate();
}

/** The first send instant strictly after `after`. */
export function nextSendAt(t: Timing, after: Date): Date {
  const local = DateTime.fromJSDate(after, { zone: t.timezone });
  let slot = slotIn(t, local);
  if (slot.toMillis() <= after.getTime()) slot = slotIn(t, step(t, local.startOf(unitOf[t.frequency]), 1));
  return slot.toJSDate();
}

/**
 * The period a report sent at `at` covers: the previous whole day, Monday-Sunday week or
 * calendar month, in the schedule's timezone. It is also what "send now" and the preview cover.
 */
export function periodEndingBefore(t: Timing, at: Date): Period {
  const to = DateTime.fromJSDate(at, { zone: t.timezone }).startOf(unitOf[t.frequency]);
  return { from: step(t, to, -1).toJSDate(), to: to.toJSDate() };
}

/** The period before `period` (same frequency), for "compared with the previous period". */
export function previousPeriod(t: Timing, period: Period): Period {
  const from = DateTime.fromJSDate(period.from, { zone: t.timezone });
  return { from: step(t, from, -1).toJSDate(), to: period.from };
}

/** The cron expression Agenda repeats the schedule's job with (minute 0 of `hour`, in `timezone`). */
export function cronOf(t: Timing): string {
  if (t.frequency === 'DAILY') return `0 ${t.hour} * * *`;
  if (t.frequency === 'WEEKLY') return `0 ${t.hour} * * ${t.weekday % 7}`;
  return `0 ${t.hour} ${t.dayOfMonth} * *`;
}

/** "Nov 16 – Nov 22, 2026", "Nov 22, 2026" or "October 2026", in the schedule's timezone. */
export function periodLabel(t: Timing, p: Period): string {
  const from = DateTime.fromJSDate(p.from, { zone: t.timezone });
  const last = DateTime.fromJSDate(p.to, { zone: t.timezone }).minus({ days: 1 });
  if (t.frequency === 'MONTHLY') return from.toFormat('LLLL yyyy');
  if (t.frequency === 'DAILY') return from.toFormat('LLL d, yyyy');
  return `${from.toFormat('LLL d')} – ${last.toFormat('LLL d, yyyy')}`;
}
