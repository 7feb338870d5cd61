import type { Clock } from './clock.js';

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, in ms since the epoch. */
  at: number;
}

// Past this many tracked keys, full (idle) buckets are forgotten: they carry no information.
const PRUNE_ABOVE = 10_000;

/**
 * A per-key token bucket: up to `perMinute` requests in a burst, refilled evenly over a minute.
 * Kept in memory (one process serves the API); time comes from the injected clock so tests
 * can stand still or jump ahead.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /**
   * Takes one request from `key`'s allowance. Returns 0 when the request may go ahead, or else
   * the whole seconds (at least 1) after which a retry will be admitted.
   */
  take(key: string): number {
    const bucket = this.refill(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.secondsUntilToken(bucket);
  }

  /** Like `take`, without spending anything: 0 when `key` has allowance left, else the seconds to wait. */
  wait(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const refilled = this.refill(key);
    return refilled.tokens >= 1 ? 0 : this.secondsUntilToken(refilled);
  }

  private refill(key: string): Bucket {
    const now = this.clock.now().getTime();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + Math.max(0, now - bucket.at) * this.refillPerMs);
    bucket.at = now;
    if (!this.buckets.has(key)) {
      if (this.buckets.size >= PRUNE_ABOVE) this.prune(now);
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private secondsUntilToken(bucket: Bucket): number {
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000));
  }

  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.refillPerMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}
