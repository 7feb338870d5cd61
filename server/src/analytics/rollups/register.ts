import type { SummaryMaintainer } from '../../modules/ingestion/event-writer.js';
import type { Pool } from '../../db/pool.js';
import { cubes, cubeSelect, cubeUpsert, type Cube } from './cubes.js';
import { spanMaintainers, spanRebuild, spans, type SpanTable } from './spans.js';

/** Each summary with its maintenance CTEs (a span has several): what a benchmark can switch on alone. */
export const summaryGroups: [name: string, ctes: SummaryMaintainer[]][] = [
  ...cubes.map((c): [string, SummaryMaintainer[]] => [c.name, [{ name: c.name, cte: cubeUpsert(c, cubeSelect(c, 'inserted')) }]]),
  ...spans.map((s): [string, SummaryMaintainer[]] => [s.name, spanMaintainers(s)]),
];

/** The maintenance CTEs: each cube and span adds the batch just inserted (`inserted`), in the same statement. */
export const rollupMaintainers: SummaryMaintainer[] = summaryGroups.flatMap(([, ctes]) => ctes);

/** Registers every rollup's maintenance CTE with ingestion (one statement per batch). */
export function registerRollups(ingestion: { addSummary(summary: SummaryMaintainer): void }): void {
  for (const m of rollupMaintainers) ingestion.addSummary(m);
}

/** The backfill statements: rebuild cubes (and spans) from usage_event (a migration, a bulk load, a repair). */
export function rebuildStatements(only: Cube[] = cubes, onlySpans: SpanTable[] = only === cubes ? spans : []): string[] {
  return [...only.flatMap((c) => [`truncate ${c.name}`, cubeUpsert(c, cubeSelect(c, 'usage_event'))]), ...onlySpans.flatMap(spanRebuild)];
}

export async function rebuildRollups(pool: Pool): Promise<void> {
  for (const sql of rebuildStatements()) await pool.query(sql);
}
