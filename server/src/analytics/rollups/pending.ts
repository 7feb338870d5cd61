import type { Pool, PoolClient } from '../../db/pool.js';
import type { Logger } from '../../shared/logger.js';
import type { SummaryMaintainer } from '../../modules/ingestion/event-writer.js';
import { PENDING_TABLE } from './cubes.js';
import { closeWeeks, WEEK_CLOSE_DUE } from './week-mark.js';

/**
 * Summaries are folded in the background, in large batches, instead of in every ingest statement.
 *
 * The ingest statement copies its events into `rollup_pending` (a plain heap insert: no index, no
 * conflict, no row lock shared with another batch), in the same statement and transaction as the
 * events. A fold moves pending events into every cube and span in one transaction: it deletes
 * them from `rollup_pending` and feeds the deleted rows to the same maintenance CTEs the ingest
 * statement used to run. So an event is in exactly one of two places at any snapshot: pending, or
 * folded into every summary.
 *
 * Reads stay exact at any moment: a cube is read as its rows plus the pending events aggregated
 * the same way (`cubeSource`), and the span engine recounts the sessions and runs that have a
 * pending event from raw events (engine/spans.ts).
 *
 * Why: per 5,000-event batch the maintenance CTEs upserted ~11k summary rows (a row per user,
 * session, run, agent × model, histogram bucket touched), and concurrent batches queued on the
 * same hot rows. Folding 50,000 events at once touches far fewer rows per event (a user's day is
 * one upsert, not ten) and only one transaction ever writes the summaries.
 */
export const pendingDdl = [`create table ${PENDING_TABLE} (like usage_event including defaults)`];

/** The one summary CTE of the ingest statement: park the batch for the next fold. */
export const pendingMaintainer: SummaryMaintainer = { name: 'pending', cte: `insert into ${PENDING_TABLE} select * from inserted` };

/** Any fixed number: only one fold runs at a time across every server instance. */
export const FOLD_LOCK = 7_402_611;

/**
 * One fold: up to `limit` pending events into every summary (`maintainers`, the CTEs reading
 * `inserted`). Returns how many were folded, or null when another fold holds the lock (unless
 * `wait`: then it waits for that fold to finish).
 */
export async function foldPending(pool: Pool, maintainers: SummaryMaintainer[], limit: number, wait = false): Promise<number | null> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const { rows: lock } = await client.query(wait ? 'select pg_advisory_xact_lock($1) is not null as ok' : 'select pg_try_advisory_xact_lock($1) as ok', [FOLD_LOCK]);
    if (!lock[0].ok) {
      await client.query('rollback');
      return null;
    }
    const n = await foldInTransaction(client, maintainers, limit);
    await client.query('commit');
    return n;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * The fold itself, in the caller's transaction (foldPending's, under the lock; a benchmark's, rolled
 * back): deletes up to `limit` pending events and feeds them to every maintainer in one statement.
 */
export async function foldInTransaction(client: PoolClient, maintainers: SummaryMaintainer[], limit: number): Promise<number> {
  // A fold need not wait for its commit to reach disk: a crash loses the whole transaction, its
  // delete from rollup_pending included, so the next fold folds those events again.
  const { rows: state } = await client.query(
    `select exists (select 1 from ${PENDING_TABLE}) as any, ${WEEK_CLOSE_DUE} as close, set_config('work_mem', $1, true), set_config('synchronous_commit', 'off', true)`,
    [FOLD_WORK_MEM],
  );
  // The first fold of a UTC week builds the week that closed into the week twins (week-mark.ts).
  if (state[0].close) await closeWeeks(client);
  // Nothing pending (an idle server, every interval): skip planning the ~30-CTE statement (7–11 ms).
  if (!state[0].any) return 0;
  const { rows } = await client.query(foldStatement(maintainers), [limit]);
  return rows[0].n as number;
}

/** The fold's one statement ($1: how many events at most), returning how many it folded as `n`. */
export function foldStatement(maintainers: SummaryMaintainer[]): string {
  const ctes = maintainers.map((m) => `, ${m.name} as (${m.cte})`).join('\n');
  return `with inserted as (
       delete from ${PENDING_TABLE} where ctid = any(array(select ctid from ${PENDING_TABLE} limit $1))
       returning *
     )${ctes}
     select count(*)::int as n from inserted`;
}

/** Folds until nothing is pending, waiting for any fold in progress. Returns how many it folded. */
export async function foldAll(pool: Pool, maintainers: SummaryMaintainer[], limit = FOLD_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const n = (await foldPending(pool, maintainers, limit, true))!;
    total += n;
    if (n < limit) return total;
  }
}

/**
 * Events per fold at most. Larger folds touch fewer summary rows per event (a user's day is one
 * upsert per fold, however many events it has): measured per event on a 2-hour stream, 50,000 →
 * 31.7 µs, 100,000 → 25.3, 200,000 → 22.5 (with FOLD_WORK_MEM). Only the folder writes the
 * summaries, so a long fold blocks no one; under light ingest folds stay small anyway (what
 * arrived in one interval).
 */
export const FOLD_BATCH = 200_000;

/** The fold's hash aggregates of up to FOLD_BATCH events stay in memory (the session default is 32MB). */
export const FOLD_WORK_MEM = '128MB';

/**
 * How long the folder waits after a fold that took `tookMs`: at once while a full batch was found
 * (catching up), else the interval, or as long as the fold took when that is longer. A fold costs
 * mostly per summary row it touches (every active user and session, however many events each
 * has), so under heavy ingest a folder that started again after only the interval folded smaller
 * batches as often as it could, taking most of a core from ingest for little. Resting as long as
 * it worked keeps it under half a core with larger folds (1M-event bench: 74k → 130k events per
 * fold, 23.6 → 20.6 µs of fold CPU per event), at the price of up to twice as many events pending.
 */
export const nextFoldDelay = (intervalMs: number, tookMs: number, full: boolean) => (full ? 0 : Math.max(intervalMs, Math.round(tookMs)));

/**
 * Folds pending events as `nextFoldDelay` says, so the pending set stays a few seconds of ingest:
 * reads aggregate it on every cube access.
 */
export class RollupFolder {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly pool: Pool,
    private readonly maintainers: SummaryMaintainer[],
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.intervalMs > 0) this.schedule(this.intervalMs);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = null));
    }, ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    let again = false;
    const started = performance.now();
    try {
      const n = await foldPending(this.pool, this.maintainers, FOLD_BATCH);
      again = n === FOLD_BATCH;
    } catch (err) {
      this.log.error({ err }, 'folding pending events into the summaries failed; retrying');
    }
    this.schedule(nextFoldDelay(this.intervalMs, performance.now() - started, again));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
