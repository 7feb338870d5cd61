import { DateTime, IANAZone } from 'luxon';
import { badInput } from '../shared/errors.js';

export const timeframes = ['TODAY', 'YESTERDAY', 'THIS_WEEK', 'THIS_MONTH', 'LAST_WEEK', 'LAST_MONTH', 'LAST_7_DAYS', 'LAST_30_DAYS', 'LAST_90_DAYS', 'LAST_3_MONTHS', 'LAST_6_MONTHS', 'LAST_12_MONTHS', 'CUSTOM'] as const;
export type Timeframe = (typeof timeframes)[number];
export const granularities = ['AUTO', 'HOUR', 'DAY', 'WEEK', 'MONTH'] as const;
export type Granularity = (typeof granularities)[number];
export type Unit = 'hour' | 'day' | 'week' | 'month';

export const MAX_RANGE_DAYS = 400;

/** A half-open range [from, to) and the period it is compared with. */
export interface TimeRange {
  timeframe: Timeframe;
  timezone: string;
  from: Date;
  to: Date;
  previousFrom: Date;
  previousTo: Date;
}

export function isValidTimezone(tz: string): boolean {
  return IANAZone.isValidZone(tz);
}

/**
 * Resolves a timeframe in a timezone at an instant. Calendar presets are whole local periods
 * (weeks start on Monday) and compare with the period of the same kind before; rolling presets
 * (LAST_n_DAYS/MONTHS) end with today and compare with the n days/months before; CUSTOM compares
 * with the equally long range before. Local calendar arithmetic makes DST days 23 or 25 hours.
 */
export function resolveTimeRange(input: { timeframe?: Timeframe | null; from?: Date | null; to?: Date | null }, timezone: string, now: Date, fieldPrefix = 'filter.'): TimeRange {
  const timeframe: Timeframe = input.timeframe ?? (input.from || input.to ? 'CUSTOM' : 'LAST_7_DAYS');
  if (timeframe === 'CUSTOM') {
    if (!input.from) throw badInput(`${fieldPrefix}from`, 'is required with timeframe CUSTOM');
    if (!input.to) throw badInput(`${fieldPrefix}to`, 'is required with timeframe CUSTOM');
    const from = input.from;
    const to = input.to;
    if (Number.isNaN(from.getTime())) throw badInput(`${fieldPrefix}from`, 'is not a valid instant');
    if (Number.isNaN(to.getTime())) throw badInput(`${fieldPrefix}to`, 'is not a valid instant');
    if (from.getTime() >= to.getTime()) throw badInput(`${fieldPrefix}to`, 'must be after from (the range is [from, to))');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw badInput(`${fieldPrefix}from`, `the range may span at most ${MAX_RANGE_DAYS} days`);
    const len = to.getTime() - from.getTime();
    return { timeframe, timezone, from, to, previousFrom: new Date(from.getTime() - len), previousTo: from };
  }
  if (input.from || input.to) throw badInput(`${fieldPrefix}${input.from ? 'from' : 'to'}`, 'only applies with timeframe CUSTOM');

  const local = DateTime.fromJSDate(now, { zone: timezone });
  const today = local.startOf('day');
  const tomorrow = today.plus({ days: 1 });
  const week = local.startOf('week'); // ISO weeks: Monday
  const month = local.startOf('month');
  const spans: Record<Exclude<Timeframe, 'CUSTOM'>, [DateTime, DateTime, Record<string, number>]> = {
    TODAY: [today, tomorrow, { days: 1 }],
    YESTERDAY: [today.minus({ days: 1 }), today, { days: 1 }],
    THIS_WEEK: [week, week.plus({ weeks: 1 }), { weeks: 1 }],
    LAST_WEEK: [week.minus({ weeks: 1 }), week, { weeks: 1 }],
    THIS_MONTH: [month, month.plus({ months: 1 }), { months: 1 }],
    LAST_MONTH: [month.minus({ months: 1 }), month, { months: 1 }],
    LAST_7_DAYS: [tomorrow.minus({ days: 7 }), tomorrow, { days: 7 }],
    LAST_30_DAYS: [tomorrow.minus({ days: 30 }), tomorrow, { days: 30 }],
    LAST_90_DAYS: [tomorrow.minus({ days: 90 }), tomorrow, { days: 90 }],
    LAST_3_MONTHS: [tomorrow.minus({ months: 3 }), tomorrow, { months: 3 }],
    LAST_6_MONTHS: [tomorrow.minus({ months: 6 }), tomorrow, { months: 6 }],
    LAST_12_MONTHS: [tomorrow.minus({ months: 12 }), tomorrow, { months: 12 }],
  };
  const [from, to, length] = spans[timeframe];
  return { timeframe, timezone, from: from.toJSDate(), to: to.toJSDate(), previousFrom: from.minus(length).toJSDate(), previousTo: from.toJSDate() };
}

const units: Record<Exclude<Granularity, 'AUTO'>, Unit> = { HOUR: 'hour', DAY: 'day', WEEK: 'week', MONTH: 'month' };

/** The bucket starts covering [from, to) in the timezone: the first is the start of from's bucket. */
export function bucketStarts(from: Date, to: Date, unit: Unit, timezone: string): Date[] {
  const out: Date[] = [];
  let t = DateTime.fromJSDate(from, { zone: timezone }).startOf(unit);
  const end = to.getTime();
  // Hours step in absolute time (a 25-hour day has 25 hourly buckets); the rest in local calendar.
  while (t.toMillis() < end && out.length < 20_000) {
    out.push(t.toJSDate());
    t = unit === 'hour' ? t.plus({ hours: 1 }).startOf('hour') : t.plus({ [`${unit}s`]: 1 }).startOf(unit);
  }
  return out;
}

/**
 * AUTO picks the granularity whose bucket count is closest (by ratio) to the 30–60 band:
 * TODAY → hours, 7 days → hours, 30 and 90 days → days, 6 and 12 months → weeks, longer → months.
 */
export function resolveGranularity(granularity: Granularity, range: { from: Date; to: Date; timezone: string }): Unit {
  if (granularity !== 'AUTO') return units[granularity];
  let best: Unit = 'day';
  let bestScore = Infinity;
  for (const unit of ['hour', 'day', 'week', 'month'] as Unit[]) {
    const count = countBuckets(range.from, range.to, unit);
    const score = count < 30 ? Math.log(30 / count) : count > 60 ? Math.log(count / 60) : 0;
    if (score < bestScore) {
      best = unit;
      bestScore = score;
    }
  }
  return best;
}

function countBuckets(from: Date, to: Date, unit: Unit): number {
  const ms = to.getTime() - from.getTime();
  const per = { hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 30.44 * 86_400_000 }[unit];
  return Math.max(1, Math.ceil(ms / per));
}

/** True when every UTC offset of the zone within [from, to) is a whole number of hours. */
export function hasWholeHourOffsets(timezone: string, from: Date, to: Date): boolean {
  const zone = IANAZone.create(timezone);
  if (!zone.isValid) return false;
  // Offsets change at most a few times a year; sampling every 6 hours plus the ends finds them.
  for (let t = from.getTime(); t <= to.getTime(); t += 6 * 3_600_000) {
    if (zone.offset(t) % 60 !== 0) return false;
  }
  return zone.offset(to.getTime()) % 60 === 0;
}
