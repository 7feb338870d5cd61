import type { TenantScope } from '../accounts/access.js';
import type { ReportRunUpdatedMessage } from '../reports/topics.js';
import { REPORT_RUN_UPDATED } from '../reports/topics.js';
import { DropOldestQueue } from './subscriber-queues.js';

/**
 * Small typed messages for subscriptions other than usage: ids only, published in-process by the
 * owning module, carried to every instance over NOTIFY, and loaded by the subscription's resolver
 * with a fresh EntityManager per event. The reports module owns the report-run message.
 */
export type ReportRunUpdated = ReportRunUpdatedMessage;

export interface TopicMessages {
  reportRunUpdated: ReportRunUpdated;
}
export type TopicName = keyof TopicMessages;
export const REPORT_RUN_TOPIC: TopicName = REPORT_RUN_UPDATED as TopicName;

interface TopicSubscriber<M> {
  scope: TenantScope;
  accept: (m: M) => boolean;
  queue: DropOldestQueue<M>;
}

/** In-process fan-out of one topic, scoped like every read: a tenant never sees another's. */
export class TopicHub<M extends { tenantId: number; orgId: number }> {
  private readonly subscribers = new Set<TopicSubscriber<M>>();

  constructor(private readonly onEmpty: () => void) {}

  subscribe(scope: TenantScope, accept: (m: M) => boolean, capacity = 100): DropOldestQueue<M> {
    const sub: TopicSubscriber<M> = {
      scope,
      accept,
      queue: new DropOldestQueue<M>(capacity, () => {
        if (this.subscribers.delete(sub) && this.subscribers.size === 0) this.onEmpty();
      }),
    };
    this.subscribers.add(sub);
    return sub.queue;
  }

  deliver(m: M): void {
    for (const s of this.subscribers) {
      if (s.scope.tenantId !== m.tenantId) continue;
      if (s.scope.orgIds && !s.scope.orgIds.includes(m.orgId)) continue;
      if (s.accept(m)) s.queue.push(m);
    }
  }

  closeAll(): void {
    for (const s of [...this.subscribers]) s.queue.close();
  }

  get size(): number {
    return this.subscribers.size;
  }
}
