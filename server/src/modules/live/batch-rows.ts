import type { Pool } from '../../db/pool.js';
import { EVENT_ROW_COLUMNS, type EventRow, type RowBatch } from './event-row.js';
import type { BatchNotice } from './notification.js';

const columns = EVENT_ROW_COLUMNS.map((c) => `e.${c}`).join(', ');

/**
 * The rows of batches another instance announced: one query per notice, whatever the number of
 * subscribers. ingested_at (exact to the µs, shared by a transaction's rows) picks the batches;
 * the timestamp bounds let the (tenant_id, ts) index narrow the search, and the BRIN index on
 * ingested_at serves batches that span a long time (backfills).
 */
export async function fetchBatchRows(pool: Pool, notice: BatchNotice): Promise<RowBatch[]> {
  const { rows } = await pool.query<EventRow & { ingested_us: number }>({
    name: 'live_fetch_batches',
    text: `select ${columns}, (extract(epoch from e.ingested_at) * 1000000)::int8 as ingested_us
             from usage_event e
            where e.tenant_id = $1
              and e.ingested_at = any(array(select timestamptz 'epoch' + us * interval '1 microsecond' from unnest($2::int8[]) as us))
              and e.ts between $3 and $4`,
    values: [notice.tenantId, notice.ingestedAtUs, new Date(notice.tsMinMs), new Date(notice.tsMaxMs)],
  });
  const byBatch = new Map<number, EventRow[]>();
  for (const r of rows) {
    const us = r.ingested_us;
    delete (r as Partial<typeof r>).ingested_us;
    let list = byBatch.get(us);
    if (!list) byBatch.set(us, (list = []));
    list.push(r);
  }
  return [...byBatch].map(([ingestedAtUs, list]) => ({ tenantId: notice.tenantId, ingestedAtUs, rows: list }));
}
