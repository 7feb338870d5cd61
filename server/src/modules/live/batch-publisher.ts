import type { Pool } from '../../db/pool.js';
import type { Logger } from '../../shared/logger.js';
import type { IngestedBatch } from '../ingestion/ingestion.service.js';
import { rowFromPrepared, type RowBatch } from './event-row.js';
import { batchNotices, encodeNotice, LIVE_CHANNEL } from './notification.js';

/**
 * Announces committed batches to every instance, after the commit and off the ingest path: the
 * ingest answer never waits for this. Batches that commit while an announcement is in flight are
 * announced together in the next one, so a busy process sends a few notifications a second, not
 * one per request.
 *
 * A batch is identified by its rows' ingested_at (the transaction's timestamp, shared by every
 * row it inserted), read back by one indexed lookup of one event id per batch.
 */
export class BatchPublisher {
  private pending: IngestedBatch[] = [];
  private flushing: Promise<void> | null = null;
  private stopped = false;
  /** Batches announced, for stats. */
  announced = 0;

  constructor(
    private readonly pool: Pool,
    private readonly origin: string,
    private readonly log: Logger,
    /** Local delivery: called with the batches of this process once their identity is known. */
    private readonly deliverLocally: (batches: RowBatch[]) => void,
    /** Whether this process has live subscribers for a tenant (else rows are not built). */
    private readonly wantsRows: (tenantId: number) => boolean,
  ) {}

  /** Called synchronously from the ingest path: only queues. */
  enqueue(batch: IngestedBatch): void {
    if (this.stopped || batch.events.length === 0) return;
    this.pending.push(batch);
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flushLoop());
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.pending.length && !this.stopped) {
        const batches = this.pending;
        this.pending = [];
        await this.flush(batches).catch((err) => this.log.warn({ err, batches: batches.length }, 'live: announcing ingested batches failed'));
      }
    } finally {
      this.flushing = null;
    }
  }

  private async flush(batches: IngestedBatch[]): Promise<void> {
    const { rows } = await this.pool.query<{ tenant_id: number; event_id: string; us: number }>(
      `select e.tenant_id, e.event_id, (extract(epoch from e.ingested_at) * 1000000)::int8 as us
         from usage_event e
         join unnest($1::int[], $2::text[]) as b(tenant_id, event_id) using (tenant_id, event_id)`,
      [batches.map((b) => b.tenantId), batches.map((b) => b.events[0].eventId)],
    );
    const idOf = new Map(rows.map((r) => [`${r.tenant_id}\u0000${r.event_id}`, r.us]));
    const byTenant = new Map<number, { batches: IngestedBatch[]; us: number[] }>();
    const local: RowBatch[] = [];
    for (const b of batches) {
      const us = idOf.get(`${b.tenantId}\u0000${b.events[0].eventId}`);
      if (us === undefined) continue; // deleted since: nothing to announce
      const group = byTenant.get(b.tenantId) ?? { batches: [], us: [] };
      group.batches.push(b);
      group.us.push(us);
      byTenant.set(b.tenantId, group);
      if (this.wantsRows(b.tenantId)) local.push({ tenantId: b.tenantId, ingestedAtUs: us, rows: b.events.map(rowFromPrepared) });
    }
    if (local.length) this.deliverLocally(local);

    const payloads: string[] = [];
    for (const [tenantId, group] of byTenant) {
      let tsMinMs = Infinity;
      let tsMaxMs = -Infinity;
      let events = 0;
      const orgIds = new Set<number>();
      for (const b of group.batches) {
        events += b.events.length;
        for (const o of b.orgIds) orgIds.add(o);
        for (const e of b.events) {
          const t = e.ts.getTime();
          if (t < tsMinMs) tsMinMs = t;
          if (t > tsMaxMs) tsMaxMs = t;
        }
      }
      for (const n of batchNotices({ origin: this.origin, tenantId, orgIds: [...orgIds], events, tsMinMs, tsMaxMs }, group.us)) {
        payloads.push(encodeNotice(n));
      }
    }
    if (payloads.length) await this.pool.query(`select pg_notify($1, p) from unnest($2::text[]) as p`, [LIVE_CHANNEL, payloads]);
    this.announced += byTenant.size;
  }

  /** Sends a small message to every instance (used by topics). */
  async notify(payload: string): Promise<void> {
    await this.pool.query('select pg_notify($1, $2)', [LIVE_CHANNEL, payload]);
  }

  /** Waits for announcements in flight; later batches are not announced. */
  async stop(): Promise<void> {
    await this.flushing;
    this.stopped = true;
    this.pending = [];
  }
}
