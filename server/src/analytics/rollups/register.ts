import type { SummaryMaintainer } from '../../modules/ingestion/event-writer.js';
import type { Pool } from '../../db/pool.js';
import { cubes, cubeSelect, cubeUpsert, PENDING_TABLE, type Cube } from './cubes.js';
import type { Logger } from '../../shared/logger.js';
import { DAILY_USERS_TABLE, dailyUsersMaintainers, dailyUsersRebuild, PRESENCE_TABLE } from './daily-users.js';
import { foldSelects } from './fold-bases.js';
import { FOLD_LOCK, foldAll, pendingMaintainer, RollupFolder } from './pending.js';
import { spanMaintainers, spanRebuild, spans, spanTables, type SpanTable } from './spans.js';

const fold = foldSelects(cubes);

/** Each summary with its maintenance CTEs (a span has several, a cube may need a base): what a benchmark can switch on alone. */
export const summaryGroups: [name: string, ctes: SummaryMaintainer[]][] = [
  ...cubes.map((c): [string, SummaryMaintainer[]] => {
    const { sql, base } = fold.select.get(c)!;
    return [c.name, [...fold.bases.filter((b) => b.name === base), { name: c.name, cte: cubeUpsert(c, sql) }]];
  }),
  ...spans.map((s): [string, SummaryMaintainer[]] => [s.name, spanMaintainers(s)]),
  [DAILY_USERS_TABLE, [...fold.bases.filter((b) => b.name === 'fold_user'), ...dailyUsersMaintainers]],
];

/** The maintenance CTEs of a fold: the bases, then each cube and span adding the fold's events (`inserted`). */
export const rollupMaintainers: SummaryMaintainer[] = [...fold.bases, ...summaryGroups.flatMap(([, ctes]) => ctes).filter((m) => !fold.bases.some((b) => b.name === m.name))];

/** Ingestion parks each batch in rollup_pending, in its own statement; the folder does the rest. */
export function registerRollups(ingestion: { addSummary(summary: SummaryMaintainer): void }): void {
  ingestion.addSummary(pendingMaintainer);
}

/** The background fold of pending events into every summary (`intervalMs` 0: only when asked). */
export const createFolder = (pool: Pool, intervalMs: number, log: Logger) => new RollupFolder(pool, rollupMaintainers, intervalMs, log);

/** Folds everything pending now (tests, bulk loads, before a rebuild of some summaries). */
export const foldEverything = (pool: Pool) => foldAll(pool, rollupMaintainers);

/** The backfill statements: rebuild cubes (and spans) from usage_event (a migration, a bulk load, a repair). */
export function rebuildStatements(only: Cube[] = cubes, onlySpans: SpanTable[] = only === cubes ? spans : []): string[] {
  return [
    ...only.flatMap((c) => [`truncate ${c.name}`, cubeUpsert(c, cubeSelect(c, 'usage_event', 'true', true))]),
    ...onlySpans.flatMap(spanRebuild),
    ...(only === cubes ? dailyUsersRebuild : []),
  ];
}

/** Every summary table (cubes, spans and their start cubes, daily users). */
export const summaryTables = [...cubes.map((c) => c.name), ...spans.flatMap(spanTables), PRESENCE_TABLE, DAILY_USERS_TABLE];

/**
 * Rebuilds every summary from usage_event, which holds the pending events too: so pending is
 * emptied in the same transaction, with new batches held off until the commit.
 */
export async function rebuildRollups(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    // No fold in between: a fold closing a week holds the week twins this truncates.
    await client.query('select pg_advisory_xact_lock($1)', [FOLD_LOCK]);
    await client.query(`lock table ${PENDING_TABLE} in exclusive mode`);
    await client.query(`delete from ${PENDING_TABLE}`);
    for (const sql of rebuildStatements()) await client.query(sql);
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
