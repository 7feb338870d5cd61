import { addToHistogram, histogramPercentile, latencyBin, type Histogram } from './latency-histogram.js';

/** The figures of a window, before they are turned into the LiveUsage type. */
export interface WindowFigures {
  requests: number;
  errors: number;
  /** USD × 1e9, cache hits excluded (as in the analytics `costUsd`). */
  costNanos: number;
  /** input + output tokens. */
  totalTokens: number;
  activeUsers: number;
  latencyP95Ms: number | null;
}

/** The aggregate of one time bucket; built from events, or from SQL for the initial state. */
interface Bucket {
  requests: number;
  errors: number;
  costNanos: number;
  totalTokens: number;
  latency: Histogram;
}

/** One event's contribution, in the units stored above. */
export interface WindowEvent {
  tsMs: number;
  status: number;
  /** Null when unpriced; ignored when the response came from a cache. */
  costNanos: number | null;
  cacheHit: boolean;
  totalTokens: number;
  latencyMs: number | null;
  userId: string | null;
}

/**
 * Buckets are 1 s up to 10-minute windows and window/600 beyond (a 24 h window has 144 s buckets):
 * at most ~600 buckets a view, whatever the window or the traffic.
 */
export function bucketMsFor(windowSeconds: number): number {
  return Math.max(1, Math.ceil(windowSeconds / 600)) * 1000;
}

/**
 * The figures of a sliding time window, kept up to date event by event instead of re-reading the
 * window from the database on every tick. Events are summed into time buckets (with a latency
 * histogram each); a bucket leaves when the window passes it, so the window is
 * [now − window, now) with its start rounded down to a bucket boundary. Active users are exact:
 * the time each user was last seen. Events stamped ahead of the current bucket (clients may send
 * up to 24 h ahead) wait in their bucket until it is due.
 */
export class SlidingWindow {
  private readonly buckets = new Map<number, Bucket>();
  /** userId → last time seen (ms) at or before the current bucket. */
  private readonly users = new Map<string, number>();
  /** Users seen only in future buckets, applied when due. */
  private futureUsers: { tsMs: number; userId: string }[] = [];

  constructor(
    readonly windowMs: number,
    readonly bucketMs: number,
  ) {}

  private bucketOf(tsMs: number): number {
    return Math.floor(tsMs / this.bucketMs);
  }

  /** The first bucket inside the window at `nowMs`. */
  private firstBucket(nowMs: number): number {
    return this.bucketOf(nowMs - this.windowMs);
  }

  private bucket(index: number): Bucket {
    let b = this.buckets.get(index);
    if (!b) {
      b = { requests: 0, errors: 0, costNanos: 0, totalTokens: 0, latency: new Map() };
      this.buckets.set(index, b);
    }
    return b;
  }

  /** Adds one event; returns false when it is too old to ever be in the window. */
  add(e: WindowEvent, nowMs: number): boolean {
    const index = this.bucketOf(e.tsMs);
    if (index < this.firstBucket(nowMs)) return false;
    const b = this.bucket(index);
    b.requests++;
    if (e.status >= 400) b.errors++;
    if (e.costNanos !== null && !e.cacheHit) b.costNanos += e.costNanos;
    b.totalTokens += e.totalTokens;
    if (e.latencyMs !== null) addToHistogram(b.latency, latencyBin(e.latencyMs));
    if (e.userId !== null) this.seeUser(e.userId, e.tsMs, nowMs);
    return true;
  }

  /** Adds a pre-aggregated (bucket, latency bin) cell read from SQL. */
  addAggregate(index: number, latencyBinOrNull: number | null, requests: number, errors: number, costNanos: number, totalTokens: number): void {
    const b = this.bucket(index);
    b.requests += requests;
    b.errors += errors;
    b.costNanos += costNanos;
    b.totalTokens += totalTokens;
    if (latencyBinOrNull !== null) addToHistogram(b.latency, latencyBinOrNull, requests);
  }

  seeUser(userId: string, tsMs: number, nowMs: number): void {
    if (this.bucketOf(tsMs) > this.bucketOf(nowMs)) {
      this.futureUsers.push({ tsMs, userId });
      return;
    }
    const last = this.users.get(userId);
    if (last === undefined || last < tsMs) this.users.set(userId, tsMs);
  }

  /** The figures at `nowMs`; drops what the window has passed. */
  figures(nowMs: number): WindowFigures {
    const first = this.firstBucket(nowMs);
    const current = this.bucketOf(nowMs);
    const f: WindowFigures = { requests: 0, errors: 0, costNanos: 0, totalTokens: 0, activeUsers: 0, latencyP95Ms: null };
    const latency: Histogram = new Map();
    for (const [index, b] of this.buckets) {
      if (index < first) {
        this.buckets.delete(index);
        continue;
      }
      if (index > current) continue;
      f.requests += b.requests;
      f.errors += b.errors;
      f.costNanos += b.costNanos;
      f.totalTokens += b.totalTokens;
      for (const [bin, count] of b.latency) addToHistogram(latency, bin, count);
    }
    f.latencyP95Ms = histogramPercentile(latency, 0.95);

    if (this.futureUsers.length) {
      const due = this.futureUsers.filter((u) => this.bucketOf(u.tsMs) <= current);
      this.futureUsers = this.futureUsers.filter((u) => this.bucketOf(u.tsMs) > current);
      for (const u of due) this.seeUser(u.userId, u.tsMs, nowMs);
    }
    const since = first * this.bucketMs;
    for (const [user, last] of this.users) {
      if (last < since) this.users.delete(user);
      else f.activeUsers++;
    }
    return f;
  }

  /**
   * When the figures next change with no new event: the oldest bucket leaving the window, or a
   * future bucket coming due. Null when nothing is pending.
   */
  nextChangeAt(nowMs: number): number | null {
    const current = this.bucketOf(nowMs);
    let next = Infinity;
    for (const index of this.buckets.keys()) {
      // Bucket `index` leaves once firstBucket(t) > index, i.e. t >= (index + 1) * bucket + window.
      next = Math.min(next, index > current ? index * this.bucketMs : (index + 1) * this.bucketMs + this.windowMs);
    }
    for (const u of this.futureUsers) next = Math.min(next, this.bucketOf(u.tsMs) * this.bucketMs);
    return Number.isFinite(next) ? next : null;
  }

  /** Buckets held (for memory accounting in tests and stats). */
  get size(): number {
    return this.buckets.size;
  }
}
