import { DateTime } from 'luxon';

/**
 * The time a rule looks at, for one evaluation. Pure: the caller passes the instant.
 *
 * Evaluations happen on whole minutes (`evaluationMinute`), so two instances evaluating "the same
 * minute" see the same window, and a test standing at 12:00:30 evaluates the minute 12:00.
 */
export type BudgetPeriod = 'DAY' | 'WEEK' | 'MONTH';

/** A half-open range [from, to) of instants. */
export interface Span {
  from: Date;
  to: Date;
}

export const MINUTE_MS = 60_000;

/** The start of the minute `now` is in: the instant an evaluation is about. */
export function evaluationMinute(now: Date): Date {
  return new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
}

/** A rolling window: the `minutes` before the evaluation minute. */
export function rollingWindow(minute: Date, minutes: number): Span {
  return { from: new Date(minute.getTime() - minutes * MINUTE_MS), to: minute };
}

const unitOf = { DAY: 'day', WEEK: 'week', MONTH: 'month' } as const;

/**
 * The calendar period containing `at` in `timezone` (weeks start on Monday, as everywhere in the
 * API). Calendar arithmetic: a DST day is 23 or 25 hours long.
 */
export function budgetPeriodAt(at: Date, period: BudgetPeriod, timezone: string): Span {
  const start = DateTime.fromJSDate(at, { zone: timezone }).startOf(unitOf[period]);
  return { from: start.toJSDate(), to: start.plus({ [`${unitOf[period]}s`]: 1 }).toJSDate() };
}
