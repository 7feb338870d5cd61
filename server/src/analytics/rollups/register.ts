import type { SummaryMaintainer } from '../../modules/ingestion/event-writer.js';

/** Registers every rollup's maintenance CTE with ingestion (one statement per batch). */
export function registerRollups(ingestion: { addSummary(summary: SummaryMaintainer): void }): void {
  void ingestion;
}
