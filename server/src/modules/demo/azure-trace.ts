import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IngestResult } from '../ingestion/ingestion.service.js';

/**
 * Importer for the Azure LLM inference trace 2023 (Splitwise): two real traces published by
 * Microsoft Azure in Azure/AzurePublicDataset, licensed CC-BY 4.0. Attribution: Patel et al.,
 * "Splitwise: Efficient generative LLM inference using phase splitting", ISCA 2024.
 * The repository keeps a copy in `../shared/data/azure-llm-2023` (with its LICENSE and README).
 *
 * Each row is one request: TIMESTAMP (wall clock, 7 fractional digits, no zone; read as UTC),
 * ContextTokens and GeneratedTokens. There are no model, user or latency columns, so each file is
 * mapped to a model and a feature of our choosing. Used for a realistic arrival pattern and as an
 * import whose totals can be checked against the published files.
 */
export const AZURE_TRACES = [
  { trace: 'code', file: 'AzureLLMInferenceTrace_code.csv', model: 'gpt-4o-mini', feature: 'Code Completion' },
  { trace: 'conv', file: 'AzureLLMInferenceTrace_conv.csv', model: 'gpt-4o', feature: 'Chat' },
] as const;

/** `../shared/data/azure-llm-2023`, next to the repository. */
export const DEFAULT_AZURE_TRACE_DIR = fileURLToPath(new URL('../../../../../shared/data/azure-llm-2023', import.meta.url));

export const AZURE_ATTRIBUTION =
  'Azure LLM inference trace 2023, Microsoft Azure (Azure/AzurePublicDataset), CC-BY 4.0; Patel et al., "Splitwise: Efficient generative LLM inference using phase splitting", ISCA 2024.';

export interface AzureTraceRow {
  trace: 'code' | 'conv';
  /** 1-based data row number within its file (the header is row 0). */
  row: number;
  /** Epoch milliseconds (the trace's sub-millisecond digits are dropped). */
  at: number;
  contextTokens: number;
  generatedTokens: number;
}

/** Parses one trace file. Rows are `YYYY-MM-DD HH:MM:SS.fffffff,<int>,<int>`; the last has no newline. */
export function parseAzureTrace(text: string, trace: AzureTraceRow['trace']): AzureTraceRow[] {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== 'TIMESTAMP,ContextTokens,GeneratedTokens') throw new Error(`unexpected header in the ${trace} trace: ${lines[0]}`);
  const rows: AzureTraceRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?,(\d+),(\d+)$/.exec(line);
    if (!m) throw new Error(`line ${i + 1} of the ${trace} trace is malformed: ${line}`);
    const millis = (m[3] ?? '').padEnd(3, '0').slice(0, 3);
    rows.push({ trace, row: i, at: Date.parse(`${m[1]}T${m[2]}.${millis}Z`), contextTokens: Number(m[4]), generatedTokens: Number(m[5]) });
  }
  return rows;
}

export async function readAzureTraces(dir: string): Promise<AzureTraceRow[]> {
  const all: AzureTraceRow[] = [];
  for (const t of AZURE_TRACES) all.push(...parseAzureTrace(await readFile(path.join(dir, t.file), 'utf8'), t.trace));
  return all.sort((a, b) => a.at - b.at || a.row - b.row);
}

export interface AzureImportOptions {
  /** Moves the whole trace so its last request is at this instant (its pattern is kept); default: as recorded. */
  endAt?: Date;
  batchSize?: number;
  /** Sends one batch (e.g. `services.ingestion.ingest` with a principal, or an HTTP client). */
  ingest: (events: object[]) => Promise<IngestResult>;
}

/** Imports both traces as usage events with stable ids (`azure-<trace>-<row>`): a re-import changes nothing. */
export async function importAzureTraces(dir: string, options: AzureImportOptions): Promise<IngestResult & { rows: number }> {
  const rows = await readAzureTraces(dir);
  const shift = options.endAt && rows.length ? options.endAt.getTime() - rows[rows.length - 1].at : 0;
  const total: IngestResult & { rows: number } = { rows: rows.length, accepted: 0, duplicates: 0, rejected: [] };
  const batchSize = options.batchSize ?? 5_000;
  for (let i = 0; i < rows.length; i += batchSize) {
    const result = await options.ingest(rows.slice(i, i + batchSize).map((r) => toEvent(r, shift)));
    total.accepted += result.accepted;
    total.duplicates += result.duplicates;
    total.rejected.push(...result.rejected.map((x) => ({ ...x, index: x.index + i })));
  }
  return total;
}

function toEvent(r: AzureTraceRow, shift: number): object {
  const t = AZURE_TRACES.find((x) => x.trace === r.trace)!;
  return {
    id: `azure-${r.trace}-${r.row}`,
    timestamp: new Date(r.at + shift).toISOString(),
    model: t.model,
    provider: 'openai',
    inputTokens: r.contextTokens,
    outputTokens: r.generatedTokens,
    feature: t.feature,
    properties: { source: 'azure-llm-2023', trace: r.trace },
  };
}
