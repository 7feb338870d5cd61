import { DateTime } from 'luxon';
import type { Span } from './periods.js';

/**
 * Projected spend at the end of a budget period, from the pace so far, weekday-aware.
 *
 * The *level* comes from this period's spend; the *shape* from history: the mean cost of each
 * weekday over the last 4 weeks. Each day of the period weighs its weekday's mean, so a Monday
 * morning with a quiet weekend ahead projects lower than a straight line would, and a Friday
 * with the busy week ahead higher. Within a day the pace is even.
 *
 *   rate      = spent / (weights of the elapsed part of the period)
 *   projected = spent + rate × (weights of the remaining part)
 *
 * Before anything was spent the history alone is the projection. Without history every day
 * weighs the same: a straight line.
 */
export interface ForecastInput {
  /** Spend of the period so far (USD). */
  spent: number;
  period: Span;
  now: Date;
  timezone: string;
  /** Cost of each full local day of the last weeks (bucket = the day's local start). */
  history: { day: Date; costUsd: number }[];
  budget: number;
}

export interface Forecast {
  projected: number;
  /** When the spend reaches the budget at this pace; null when it does not within the period. */
  crossingAt: Date | null;
  /** Fraction of the period's duration behind `now`, in [0, 1]. */
  elapsed: number;
}

/** A weekday's weight never drops below this share of the mean, so a quiet weekday cannot stall the pace. */
const WEIGHT_FLOOR = 0.05;

export function weekdayWeights(history: ForecastInput['history'], timezone: string): number[] {
  const sums = Array(8).fill(0);
  const counts = Array(8).fill(0);
  for (const h of history) {
    const wd = DateTime.fromJSDate(h.day, { zone: timezone }).weekday; // 1 = Monday … 7 = Sunday
    sums[wd] += h.costUsd;
    counts[wd] += 1;
  }
  const means = sums.map((s, i) => (counts[i] ? s / counts[i] : 0));
  const known = means.slice(1).filter((_, i) => counts[i + 1] > 0);
  const overall = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 0;
  if (overall <= 0) return Array(8).fill(1);
  // A weekday without history takes the overall mean.
  return means.map((m, i) => Math.max(counts[i] ? m : overall, overall * WEIGHT_FLOOR));
}

interface DaySlice {
  from: number;
  to: number;
  weight: number;
  /** Fraction of the day behind `now`. */
  elapsed: number;
}

function daysOf(period: Span, now: Date, timezone: string, weights: number[]): DaySlice[] {
  const out: DaySlice[] = [];
  let day = DateTime.fromJSDate(period.from, { zone: timezone }).startOf('day');
  const end = period.to.getTime();
  const t = now.getTime();
  while (day.toMillis() < end && out.length < 400) {
    const next = day.plus({ days: 1 }).startOf('day');
    const from = Math.max(day.toMillis(), period.from.getTime());
    const to = Math.min(next.toMillis(), end);
    out.push({ from, to, weight: weights[day.weekday] * ((to - from) / (next.toMillis() - day.toMillis())), elapsed: Math.min(1, Math.max(0, (t - from) / (to - from))) });
    day = next;
  }
  return out;
}

export function projectSpend(input: ForecastInput): Forecast {
  const { spent, period, now, budget } = input;
  const weights = weekdayWeights(input.history, input.timezone);
  const days = daysOf(period, now, input.timezone, weights);
  const elapsedWeight = days.reduce((s, d) => s + d.weight * d.elapsed, 0);
  const remainingWeight = days.reduce((s, d) => s + d.weight * (1 - d.elapsed), 0);
  const length = period.to.getTime() - period.from.getTime();
  const elapsed = Math.min(1, Math.max(0, (now.getTime() - period.from.getTime()) / length));

  // USD per unit of weight: from this period's pace, or (nothing spent yet) from history, where
  // weights are USD per day already.
  const hasHistory = input.history.some((h) => h.costUsd > 0);
  const rate = spent > 0 && elapsedWeight > 0 ? spent / elapsedWeight : hasHistory ? 1 : 0;
  const projected = spent + rate * remainingWeight;

  let crossingAt: Date | null = null;
  if (spent < budget && projected >= budget && rate > 0) {
    let total = spent;
    for (const d of days) {
      if (d.elapsed >= 1) continue;
      const start = d.from + (d.to - d.from) * d.elapsed;
      const amount = rate * d.weight * (1 - d.elapsed);
      if (total + amount >= budget) {
        crossingAt = new Date(Math.round(start + ((budget - total) / amount) * (d.to - start)));
        break;
      }
      total += amount;
    }
  }
  return { projected, crossingAt, elapsed };
}
