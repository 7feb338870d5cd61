import { describe, expect, it } from 'vitest';
import { HISTOGRAM_RATIO } from './cubes.js';
import { percentilesFromBuckets, percentilesFromHistogram } from './histogram.js';

/** percentile_cont as PostgreSQL computes it. */
function percentileCont(sorted: number[], p: number): number {
  const h = p * (sorted.length - 1);
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * (sorted[Math.ceil(h)] - sorted[lo]);
}

const bucketOf = (v: number) => (v <= 0 ? 0 : Math.min(600, 1 + Math.floor(Math.log(v) / Math.log(HISTOGRAM_RATIO))));

describe('percentiles from log-spaced histograms', () => {
  it('stay within sqrt(R) - 1 of percentile_cont on skewed data of any size', () => {
    let seed = 3;
    const r = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const bound = Math.sqrt(HISTOGRAM_RATIO) - 1;
    expect(bound).toBeLessThan(0.015);
    for (const n of [1, 2, 3, 10, 57, 1000, 20000]) {
      const values = Array.from({ length: n }, () => Math.max(0, Math.round(Math.exp(Math.log(900) + 1.2 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())))));
      const sorted = [...values].sort((a, b) => a - b);
      const counts = new Map<number, number>();
      for (const v of values) counts.set(bucketOf(v), (counts.get(bucketOf(v)) ?? 0) + 1);
      const fractions = [0.5, 0.9, 0.95, 0.99];
      const estimates = percentilesFromHistogram([...counts.entries()], fractions);
      fractions.forEach((p, i) => {
        const exact = percentileCont(sorted, p);
        expect(Math.abs(estimates[i]! - exact) / Math.max(exact, 1), `n=${n} p=${p}`).toBeLessThanOrEqual(bound + 1e-12);
      });
    }
  });

  it('gives the same from only the buckets holding the needed ranks (what SQL sends)', () => {
    let seed = 9;
    const r = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const fractions = [0.5, 0.95, 0.99];
    for (const n of [1, 2, 5, 40, 999]) {
      const counts = new Map<number, number>();
      for (let i = 0; i < n; i++) counts.set(Math.floor(r() * 120), (counts.get(Math.floor(r() * 120)) ?? 0) + 1);
      const full = [...counts.entries()].sort((a, b) => a[0] - b[0]);
      const total = full.reduce((x, [, c]) => x + c, 0);
      let seen = 0;
      const all = full.map(([bucket, c]) => ({ bucket, n: c, before: (seen += c) - c }));
      // The SQL filter: a bucket stays when it holds floor or ceil of some p·(total − 1).
      const holds = (b: (typeof all)[number], rank: number) => b.before <= rank && rank < b.before + b.n;
      const needed = all.filter((b) => fractions.some((p) => holds(b, Math.floor(p * (total - 1))) || holds(b, Math.ceil(p * (total - 1)))));
      expect(needed.length).toBeLessThanOrEqual(6);
      expect(percentilesFromBuckets(needed, total, fractions), `n=${n}`).toEqual(percentilesFromHistogram(full, fractions));
    }
  });

  it('is null without values', () => {
    expect(percentilesFromHistogram([], [0.95])).toEqual([null]);
  });
});
