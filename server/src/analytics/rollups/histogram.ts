import { HISTOGRAM_RATIO } from './cubes.js';

/**
 * percentile_cont over a log-bucketed histogram: the rank p·(N−1) is located like
 * percentile_cont does over sorted values, each value standing at a log-uniform position inside
 * its bucket, and the two neighbouring values are interpolated. Every estimate lies inside the
 * bucket of the value it stands for, so it is within √R − 1 (1.49%) of that value, and so is the
 * interpolation of two such estimates.
 */
export function percentilesFromHistogram(buckets: [bucket: number, count: number][], fractions: number[]): (number | null)[] {
  const sorted = [...buckets].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, [, n]) => s + n, 0);
  if (total === 0) return fractions.map(() => null);
  const valueAt = (rank: number): number => {
    let seen = 0;
    for (const [b, n] of sorted) {
      if (rank < seen + n) {
        if (b === 0) return 0;
        const j = rank - seen;
        return Math.pow(HISTOGRAM_RATIO, b - 1 + (j + 0.5) / n);
      }
      seen += n;
    }
    const [b] = sorted[sorted.length - 1];
    return b === 0 ? 0 : Math.pow(HISTOGRAM_RATIO, b - 0.5);
  };
  return fractions.map((p) => {
    const h = p * (total - 1);
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    const a = valueAt(lo);
    return lo === hi ? a : a + (h - lo) * (valueAt(hi) - a);
  });
}
