import type { UsageQuery } from '../../analytics/index.js';
import type { Pool } from '../../db/pool.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { RowBatch } from './event-row.js';
import { compilePredicate, filterKey, type RowPredicate } from './live-filter.js';
import { LiveUsageType } from './live.types.js';
import { bucketMsFor, SlidingWindow, type WindowFigures } from './sliding-window.js';
import { LatestValueSlot } from './subscriber-queues.js';
import { readWindowState } from './usage-view-state.js';

export interface UsageViewsOptions {
  /** At most one snapshot per view (and per subscriber) this often (ms). */
  minIntervalMs: number;
  /** How often views are checked for new events or a sliding window (ms). */
  tickMs: number;
}

/**
 * One view per distinct (tenant, scope, filter, window), shared by all its subscribers. A view
 * reads its window from the database once, then follows the batches it is told about in memory;
 * each tick it recomputes its figures only if events arrived or the window slid past a bucket,
 * and sends them only if they changed.
 */
interface View {
  key: string;
  tenantId: number;
  query: UsageQuery;
  windowSeconds: number;
  matches: RowPredicate;
  window: SlidingWindow;
  subscribers: Set<LatestValueSlot<LiveUsageType>>;
  ready: boolean;
  /** Batches that arrived while the window was read; applied after it (those it lacked). */
  buffer: RowBatch[];
  /** Batches the database read already contained (by ingested_at µs); skipped on arrival. */
  seen: Set<number>;
  seenUntil: number;
  dirty: boolean;
  nextChangeAt: number | null;
  lastComputedAt: number;
  lastFigures: string | null;
  last: LiveUsageType | null;
  generation: number;
}

const SEEN_KEEP_MS = 120_000;
const RETRY_MS = 2_000;

export class UsageViews {
  private readonly tenants = new Map<number, Map<string, View>>();
  private timer: NodeJS.Timeout | null = null;
  private subscriberCount = 0;
  /** Figures computed and window reads done, for stats and the benchmark. */
  computations = 0;
  reads = 0;

  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: UsageViewsOptions,
    private readonly onEmpty: () => void,
    private readonly realNow: () => number = () => performance.now(),
  ) {}

  /** The subscriber receives the current figures at once, then changes. */
  subscribe(query: UsageQuery, windowSeconds: number): LatestValueSlot<LiveUsageType> {
    let views = this.tenants.get(query.tenantId);
    if (!views) this.tenants.set(query.tenantId, (views = new Map()));
    const key = `${filterKey(query)}|${windowSeconds}`;
    let view = views.get(key);
    if (!view) {
      view = this.createView(key, query, windowSeconds);
      views.set(key, view);
    }
    const v = view;
    const slot = new LatestValueSlot<LiveUsageType>(this.options.minIntervalMs, this.realNow, () => this.leave(v, slot));
    v.subscribers.add(slot);
    this.subscriberCount++;
    if (v.ready) {
      // A snapshot at once: figures are in memory, so this costs no query.
      const at = this.clock.now();
      slot.set(LiveUsageType.from(v.window.figures(at.getTime()), at, v.windowSeconds));
    } else if (v.last) {
      slot.set(v.last); // the window is being re-read; until then the last figures are the best known
    }
    // Otherwise the first computation, once the window is read, sends it.
    this.timer ??= setInterval(() => this.tick(), this.options.tickMs);
    return slot;
  }

  private createView(key: string, query: UsageQuery, windowSeconds: number): View {
    const view: View = {
      key,
      tenantId: query.tenantId,
      query,
      windowSeconds,
      matches: compilePredicate(query),
      window: new SlidingWindow(windowSeconds * 1000, bucketMsFor(windowSeconds)),
      subscribers: new Set(),
      ready: false,
      buffer: [],
      seen: new Set(),
      seenUntil: 0,
      dirty: false,
      nextChangeAt: null,
      lastComputedAt: -Infinity,
      lastFigures: null,
      last: null,
      generation: 0,
    };
    void this.load(view);
    return view;
  }

  /** (Re)reads a view's window from the database, then applies what arrived meanwhile. */
  private async load(view: View): Promise<void> {
    const generation = ++view.generation;
    view.ready = false;
    view.buffer = [];
    const window = new SlidingWindow(view.windowSeconds * 1000, view.window.bucketMs);
    try {
      this.reads++;
      const seen = await readWindowState(this.pool, view.query, window, this.clock.now().getTime());
      if (generation !== view.generation || view.subscribers.size === 0) return;
      view.window = window;
      view.seen = seen;
      view.seenUntil = this.realNow() + SEEN_KEEP_MS;
      view.ready = true;
      const buffered = view.buffer;
      view.buffer = [];
      this.apply(view, buffered);
      this.compute(view);
    } catch (err) {
      if (generation !== view.generation || view.subscribers.size === 0) return;
      this.log.warn({ err }, 'live: reading a live usage window failed; retrying');
      setTimeout(() => {
        if (generation === view.generation && view.subscribers.size > 0) void this.load(view);
      }, RETRY_MS).unref();
    }
  }

  private leave(view: View, slot: LatestValueSlot<LiveUsageType>): void {
    if (!view.subscribers.delete(slot)) return;
    this.subscriberCount--;
    if (view.subscribers.size === 0) {
      view.generation++; // a read in flight is dropped
      const views = this.tenants.get(view.tenantId);
      views?.delete(view.key);
      if (views?.size === 0) this.tenants.delete(view.tenantId);
    }
    if (this.subscriberCount === 0) {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      this.onEmpty();
    }
  }

  hasTenant(tenantId: number): boolean {
    return this.tenants.has(tenantId);
  }

  /** Batches committed by this or another instance. */
  onBatches(batches: RowBatch[]): void {
    for (const batch of batches) {
      const views = this.tenants.get(batch.tenantId);
      if (!views) continue;
      for (const view of views.values()) {
        if (!view.ready) view.buffer.push(batch);
        else this.apply(view, [batch]);
      }
    }
  }

  private apply(view: View, batches: RowBatch[]): void {
    const nowMs = this.clock.now().getTime();
    for (const batch of batches) {
      if (view.seen.delete(batch.ingestedAtUs)) continue;
      for (const row of batch.rows) {
        if (!view.matches(row)) continue;
        const added = view.window.add(
          {
            tsMs: row.ts.getTime(),
            status: row.status,
            costNanos: row.cost_nanos,
            cacheHit: row.cache_hit,
            totalTokens: row.input_tokens + row.output_tokens,
            latencyMs: row.latency_ms,
            userId: row.user_id,
          },
          nowMs,
        );
        if (added) view.dirty = true;
      }
    }
  }

  /** Announcements may have been missed (the LISTEN connection dropped): read every window again. */
  reloadAll(tenantId?: number): void {
    for (const [t, views] of this.tenants) {
      if (tenantId !== undefined && t !== tenantId) continue;
      for (const view of views.values()) void this.load(view);
    }
  }

  private tick(): void {
    const nowMs = this.clock.now().getTime();
    const real = this.realNow();
    for (const views of this.tenants.values()) {
      for (const view of views.values()) {
        if (!view.ready) continue;
        if (view.seen.size && real > view.seenUntil) view.seen.clear();
        const slid = view.nextChangeAt !== null && nowMs >= view.nextChangeAt;
        if ((view.dirty || slid) && real - view.lastComputedAt >= this.options.minIntervalMs) this.compute(view);
      }
    }
  }

  private compute(view: View): void {
    const at = this.clock.now();
    const figures: WindowFigures = view.window.figures(at.getTime());
    this.computations++;
    view.dirty = false;
    view.lastComputedAt = this.realNow();
    view.nextChangeAt = view.window.nextChangeAt(at.getTime());
    const key = JSON.stringify(figures);
    if (key === view.lastFigures) return;
    view.lastFigures = key;
    view.last = LiveUsageType.from(figures, at, view.windowSeconds);
    for (const slot of view.subscribers) slot.set(view.last);
  }

  closeAll(): void {
    for (const views of [...this.tenants.values()]) for (const v of [...views.values()]) for (const s of [...v.subscribers]) s.close();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get stats(): { subscribers: number; views: number } {
    let views = 0;
    for (const v of this.tenants.values()) views += v.size;
    return { subscribers: this.subscriberCount, views };
  }
}
