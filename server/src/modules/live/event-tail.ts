import type { UsageQuery } from '../../analytics/index.js';
import type { EventRow, RowBatch } from './event-row.js';
import { compilePredicate, filterKey, type RowPredicate } from './live-filter.js';
import { DropOldestQueue } from './subscriber-queues.js';

/** Subscribers with the same tenant scope and filter: the filter runs once per event for all. */
interface TailGroup<P> {
  key: string;
  matches: RowPredicate;
  subscribers: Set<DropOldestQueue<P>>;
}

/**
 * The usageEvents fan-out. Groups are per tenant, so a batch of tenant A is never even matched
 * against B's subscribers. Each matched event is turned into its payload once (`toPayload`), then
 * pushed into every subscriber's bounded queue.
 */
export class EventTail<P> {
  private readonly tenants = new Map<number, Map<string, TailGroup<P>>>();
  private subscriberCount = 0;

  constructor(
    /** Read at each subscription, so the setting can change at run time. */
    private readonly capacity: () => number,
    private readonly onEmpty: () => void,
  ) {}

  subscribe(q: UsageQuery): DropOldestQueue<P> {
    let groups = this.tenants.get(q.tenantId);
    if (!groups) this.tenants.set(q.tenantId, (groups = new Map()));
    const key = filterKey(q);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, matches: compilePredicate(q), subscribers: new Set() }));
    const g = group;
    const queue = new DropOldestQueue<P>(this.capacity(), () => this.leave(q.tenantId, g, queue));
    g.subscribers.add(queue);
    this.subscriberCount++;
    return queue;
  }

  private leave(tenantId: number, group: TailGroup<P>, queue: DropOldestQueue<P>): void {
    if (!group.subscribers.delete(queue)) return;
    this.subscriberCount--;
    if (group.subscribers.size === 0) {
      const groups = this.tenants.get(tenantId);
      groups?.delete(group.key);
      if (groups?.size === 0) this.tenants.delete(tenantId);
    }
    if (this.subscriberCount === 0) this.onEmpty();
  }

  hasTenant(tenantId: number): boolean {
    return this.tenants.has(tenantId);
  }

  deliver(batches: RowBatch[], toPayload: (row: EventRow) => P): void {
    for (const b of batches) {
      const groups = this.tenants.get(b.tenantId);
      if (!groups) continue;
      for (const g of groups.values()) {
        for (const row of b.rows) {
          if (!g.matches(row)) continue;
          const payload = toPayload(row);
          for (const q of g.subscribers) q.push(payload);
        }
      }
    }
  }

  closeAll(): void {
    for (const groups of [...this.tenants.values()]) for (const g of [...groups.values()]) for (const q of [...g.subscribers]) q.close();
  }

  get stats(): { subscribers: number; groups: number } {
    let groups = 0;
    for (const g of this.tenants.values()) groups += g.size;
    return { subscribers: this.subscriberCount, groups };
  }
}
