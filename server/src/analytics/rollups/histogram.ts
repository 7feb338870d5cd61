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
  let seen = 0;
  const withBefore = sorted.map(([bucket, n]) => ({ bucket, n, before: (seen += n) - n }));
  return percentilesFromBuckets(withBefore, seen, fractions);
}

/** A bucket with the number of values in lower buckets: enough to place the ranks it holds. */
export interface SparseBucket {
  bucket: number;
  n: number;
  before: number;
}

/**
 * The same from only the buckets holding the ranks asked for (any others may be left out), and
 * the total count: what the SQL side sends for a page of keys.
 */
export function percentilesFromBuckets(buckets: SparseBucket[], total: number, fractions: number[]): (number | null)[] {
  if (total === 0) return fractions.map(() => null);
  const valueAt = (rank: number): number => {
    const hit = buckets.find((x) => x.before <= rank && rank < x.before + x.n);
    if (!hit) throw new Error(`no bucket holds rank ${rank}`);
    if (hit.bucket === 0) return 0;
    return Math.pow(HISTOGRAM_RATIO, hit.bucket - 1 + (rank - hit.before + 0.5) / hit.n);
  };
  return fractions.map((p) => {
    const h = p * (total - 1);
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    const a = valueAt(lo);
    return lo === hi ? a : a + (h - lo) * (valueAt(hi) - a);
  });
}
