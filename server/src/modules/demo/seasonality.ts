import { Prng } from './prng.js';

const HOUR_MS = 3_600_000;

/** Relative traffic by UTC hour: a European morning peak, an American afternoon one, quiet nights. */
const HOUR_OF_DAY = [0.1, 0.07, 0.06, 0.06, 0.08, 0.14, 0.3, 0.55, 0.85, 1.0, 1.0, 0.95, 0.8, 0.9, 1.0, 1.05, 1.0, 0.9, 0.7, 0.5, 0.35, 0.25, 0.18, 0.13];
/** Sunday = 0 (Date#getUTCDay): weekends carry about a third of a weekday. */
const DAY_OF_WEEK = [0.3, 1.0, 1.05, 1.05, 1.0, 0.85, 0.35];

/**
 * The weight of each hour slot of [end - hours, end): hour-of-day × weekday × a steady growth
 * (adoption rises ~40% over the period) × a little day-to-day noise. The last slot is weighted
 * by the fraction of it that has already happened.
 */
export function hourWeights(end: Date, hours: number, seed: number): { start: number; weights: number[] } {
  const rng = Prng.derive(seed, 'seasonality');
  const start = end.getTime() - hours * HOUR_MS;
  const weights: number[] = [];
  const dayNoise = new Map<number, number>();
  for (let h = 0; h < hours; h++) {
    const at = new Date(start + h * HOUR_MS);
    const day = Math.floor(at.getTime() / 86_400_000);
    if (!dayNoise.has(day)) dayNoise.set(day, 1 + 0.12 * rng.normal());
    const growth = 1 + 0.4 * (h / hours);
    weights.push(Math.max(0.01, HOUR_OF_DAY[at.getUTCHours()] * DAY_OF_WEEK[at.getUTCDay()] * growth * dayNoise.get(day)!));
  }
  return { start, weights };
}

/** Splits `total` into integer counts proportional to `weights` that add up to exactly `total`. */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts: number[] = [];
  let cumulative = 0;
  let given = 0;
  for (const w of weights) {
    cumulative += w;
    const upTo = Math.round((total * cumulative) / sum);
    counts.push(upTo - given);
    given = upTo;
  }
  return counts;
}
