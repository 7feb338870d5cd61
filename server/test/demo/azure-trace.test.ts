import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AZURE_TRACES, DEFAULT_AZURE_TRACE_DIR, importAzureTraces } from '../../src/modules/demo/azure-trace.js';
import type { IngestResult } from '../../src/modules/ingestion/ingestion.service.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The Azure LLM inference trace 2023 (Microsoft Azure, CC-BY 4.0; Patel et al., "Splitwise",
 * ISCA 2024), imported over HTTP and checked against figures computed here independently of the
 * importer (plain string splitting of the CSV files) and against the totals its README publishes.
 */
function independentFigures(file: string) {
  const lines = readFileSync(path.join(DEFAULT_AZURE_TRACE_DIR, file), 'utf8').split('\n').slice(1).filter((l) => l.trim());
  const perMinute = new Map<string, number>();
  let context = 0;
  let generated = 0;
  for (const line of lines) {
    const [timestamp, ctx, gen] = line.split(',');
    context += Number(ctx);
    generated += Number(gen);
    const minute = timestamp.slice(0, 16); // "2023-11-16 18:17"
    perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
  }
  return { rows: lines.length, context, generated, perMinute };
}

describe('importing the Azure LLM inference trace', () => {
  let t: TestServer;
  let db: pg.Client;
  let key: string;
  const send = async (events: object[]): Promise<IngestResult> => {
    const res = await t.ingest(events, key);
    expect(res.status).toBe(200);
    return (await res.json()) as IngestResult;
  };

  beforeAll(async () => {
    t = await startTestServer();
    key = await t.apiKey(['INGEST']);
    db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it('stores every request of both traces, as recorded', async () => {
    const result = await importAzureTraces(DEFAULT_AZURE_TRACE_DIR, { ingest: send });
    expect(result).toMatchObject({ rows: 8_819 + 19_366, accepted: 8_819 + 19_366, duplicates: 0, rejected: [] });
  });

  it('keeps the token sums of each trace (as computed here and as published)', async () => {
    const { rows } = await db.query(
      `select properties->>'trace' as trace, model, count(*)::int as requests, sum(input_tokens)::bigint as input, sum(output_tokens)::bigint as output
         from usage_event group by 1, 2 order by 1`,
    );
    const published = { code: { rows: 8_819, context: 18_059_974, generated: 245_896 }, conv: { rows: 19_366, context: 22_361_870, generated: 4_088_665 } };
    for (const trace of AZURE_TRACES) {
      const mine = independentFigures(trace.file);
      expect({ rows: mine.rows, context: mine.context, generated: mine.generated }).toEqual(published[trace.trace]);
      expect(rows.find((r) => r.trace === trace.trace)).toEqual({ trace: trace.trace, model: trace.model, requests: mine.rows, input: mine.context, output: mine.generated });
    }
  });

  it('keeps the arrival pattern: the same number of requests in every minute', async () => {
    for (const trace of AZURE_TRACES) {
      const { rows } = await db.query(
        `select to_char(date_trunc('minute', ts at time zone 'UTC'), 'YYYY-MM-DD HH24:MI') as minute, count(*)::int as n
           from usage_event where properties->>'trace' = $1 group by 1`,
        [trace.trace],
      );
      const stored = new Map(rows.map((r) => [r.minute as string, r.n as number]));
      expect(stored).toEqual(independentFigures(trace.file).perMinute);
      expect(stored.size).toBeGreaterThan(40); // the code trace has quiet minutes with no request at all
    }
  });

  it('changes nothing when imported again', async () => {
    const again = await importAzureTraces(DEFAULT_AZURE_TRACE_DIR, { ingest: send });
    expect(again).toMatchObject({ accepted: 0, duplicates: 8_819 + 19_366 });
    const { rows } = await db.query(`select count(*)::int as n from usage_event`);
    expect(rows[0].n).toBe(8_819 + 19_366);
  });
});
