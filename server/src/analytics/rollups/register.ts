import type { SummaryMaintainer } from '../../modules/ingestion/event-writer.js';
import type { Pool } from '../../db/pool.js';
import { cubes, cubeSelect, cubeUpsert, type Cube } from './cubes.js';

/** The maintenance CTEs: each cube adds the batch just inserted (`inserted`), in the same statement. */
export const rollupMaintainers: SummaryMaintainer[] = cubes.map((c) => ({ name: c.name, cte: cubeUpsert(c, cubeSelect(c, 'inserted')) }));

/** Registers every rollup's maintenance CTE with ingestion (one statement per batch). */
export function registerRollups(ingestion: { addSummary(summary: SummaryMaintainer): void }): void {
  for (const m of rollupMaintainers) ingestion.addSummary(m);
}

/** The backfill statements: rebuild every cube from usage_event (a migration, a bulk load, a repair). */
export function rebuildStatements(only: Cube[] = cubes): string[] {
  return only.flatMap((c) => [`truncate ${c.name}`, cubeUpsert(c, cubeSelect(c, 'usage_event'))]);
}

export async function rebuildRollups(pool: Pool): Promise<void> {
  for (const sql of rebuildStatements()) await pool.query(sql);
}
