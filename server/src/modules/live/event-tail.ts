import type { UsageQuery } from '../../analytics/index.js';
import type { EventRow, RowBatch } from './event-row.js';
import { compilePredicate, filterKey, type RowPredicate } from './live-filter.js';
import { DropOldestQueue } from './subscriber-queues.js';

/** Subscribers with the same tenant scope and filter: the filter runs once per event for all. */
interface TailGroup<P> {
  key: string;
  matches: RowPredicate;
  /** The users the filter names, if it names some: the group is then indexed by them. */
  userIds: string[] | null;
  subscribers: Set<DropOldestQueue<P>>;
}

/**
 * One tenant's groups. Tails of one user (or a few) are the common narrow case, so groups that
 * name users are found from each event's user instead of testing every group against every event.
 */
class TenantTail<P> {
  readonly groups = new Map<string, TailGroup<P>>();
  private readonly byUser = new Map<string, Set<TailGroup<P>>>();
  private readonly scanned = new Set<TailGroup<P>>();

  add(group: TailGroup<P>): void {
    this.groups.set(group.key, group);
    if (!group.userIds) this.scanned.add(group);
    else for (const u of group.userIds) (this.byUser.get(u) ?? this.byUser.set(u, new Set()).get(u)!).add(group);
  }

  remove(group: TailGroup<P>): void {
    this.groups.delete(group.key);
    this.scanned.delete(group);
    for (const u of group.userIds ?? []) {
      const set = this.byUser.get(u);
      set?.delete(group);
      if (set?.size === 0) this.byUser.delete(u);
    }
  }

  /** Calls `fn` for every group whose filter the row passes. */
  forMatching(row: EventRow, fn: (g: TailGroup<P>) => void): void {
    for (const g of this.scanned) if (g.matches(row)) fn(g);
    const named = row.user_id === null ? undefined : this.byUser.get(row.user_id);
    if (named) for (const g of named) if (g.matches(row)) fn(g);
  }
}

/**
 * The usageEvents fan-out. Groups are per tenant, so a batch of tenant A is never even matched
 * against B's subscribers. Each matched event is turned into its payload once (`toPayload`), then
 * pushed into every subscriber's bounded queue.
 */
export class EventTail<P> {
  private readonly tenants = new Map<number, TenantTail<P>>();
  private subscriberCount = 0;

  constructor(
    /** Read at each subscription, so the setting can change at run time. */
    private readonly capacity: () => number,
    private readonly onEmpty: () => void,
  ) {}

  subscribe(q: UsageQuery): DropOldestQueue<P> {
    let tenant = this.tenants.get(q.tenantId);
    if (!tenant) this.tenants.set(q.tenantId, (tenant = new TenantTail()));
    const key = filterKey(q);
    let group = tenant.groups.get(key);
    if (!group) {
      group = { key, matches: compilePredicate(q), userIds: q.lists.userIds ?? null, subscribers: new Set() };
      tenant.add(group);
    }
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
      const tenant = this.tenants.get(tenantId);
      tenant?.remove(group);
      if (tenant?.groups.size === 0) this.tenants.delete(tenantId);
    }
    if (this.subscriberCount === 0) this.onEmpty();
  }

  hasTenant(tenantId: number): boolean {
    return this.tenants.has(tenantId);
  }

  deliver(batches: RowBatch[], toPayload: (row: EventRow) => P): void {
    for (const b of batches) {
      const tenant = this.tenants.get(b.tenantId);
      if (!tenant) continue;
      for (const row of b.rows) {
        tenant.forMatching(row, (g) => {
          const payload = toPayload(row);
          for (const q of g.subscribers) q.push(payload);
        });
      }
    }
  }

  closeAll(): void {
    for (const tenant of [...this.tenants.values()]) for (const g of [...tenant.groups.values()]) for (const q of [...g.subscribers]) q.close();
  }

  get stats(): { subscribers: number; groups: number } {
    let groups = 0;
    for (const t of this.tenants.values()) groups += t.groups.size;
    return { subscribers: this.subscriberCount, groups };
  }
}
