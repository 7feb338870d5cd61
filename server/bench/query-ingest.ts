import pg from 'pg';
import { upsertDimensions, writeEvents, type SummaryMaintainer } from '../src/modules/ingestion/event-writer.js';
import type { PreparedEvent } from '../src/modules/ingestion/event.schema.js';
import { rollupMaintainers } from '../src/analytics/rollups/register.js';
import { cubes } from '../src/analytics/rollups/cubes.js';

/**
 * Ingest rate through the bulk writer (the same `INSERT … SELECT unnest` + dimension upserts in one
 * transaction per batch as the service) with and without the rollup maintenance CTEs, on the
 * same events into a fresh database, alternating runs so both see the same machine noise.
 */
export async function measureIngest(url: string, count: number, log: (s: string) => void): Promise<string> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const { rows } = await pool.query(`insert into organization (name) values ('ingest bench') returning id`);
  const tenantId = rows[0].id as number;
  const events = makeEvents(tenantId, count);
  const batch = 5_000;
  const concurrency = 2;
  const run = async (summaries: SummaryMaintainer[]) => {
    await pool.query(`truncate usage_event, ${cubes.map((c) => c.name).join(', ')}`);
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < events.length) {
        const slice = events.slice(next, (next += batch));
        const client = await pool.connect();
        try {
          await client.query('begin');
          await upsertDimensions(client, tenantId, slice);
          await writeEvents(client, slice, summaries);
          await client.query('commit');
        } catch (err) {
          await client.query('rollback');
          throw err;
        } finally {
          client.release();
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return count / ((performance.now() - started) / 1000);
  };
  const without: number[] = [];
  const withRollups: number[] = [];
  for (let i = 0; i < 2; i++) {
    without.push(await run([]));
    withRollups.push(await run(rollupMaintainers));
    log(`ingest run ${i + 1}: ${Math.round(without[i]).toLocaleString()} events/s without rollups, ${Math.round(withRollups[i]).toLocaleString()} with`);
  }
  await pool.end();
  const a = Math.max(...without);
  const b = Math.max(...withRollups);
  return [
    `| ingest through the bulk writer (${count.toLocaleString()} events, batches of ${batch}, ${concurrency} in flight) | events/s (best of 2) |`,
    '|---|---|',
    `| without rollups | ${Math.round(a).toLocaleString()} |`,
    `| with the ${cubes.length} rollups maintained in the same statement | ${Math.round(b).toLocaleString()} (${Math.round((b / a) * 100)}%) |`,
  ].join('\n');
}

function makeEvents(tenantId: number, count: number): PreparedEvent[] {
  let s = 12345;
  const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const end = Date.parse('2026-11-23T00:00:00Z');
  return Array.from({ length: count }, (_, i) => {
    const user = Math.floor(5000 * r() ** 2.5);
    const agent = r() < 0.3 ? Math.floor(200 * r() ** 2) : -1;
    const input = 100 + Math.floor(r() * 3000);
    const ts = new Date(end - Math.floor(r() * 2 * 3_600_000)); // a live stream: the last two hours
    return {
      tenantId,
      orgId: tenantId,
      eventId: `i${i}`,
      ts,
      model: `model-${Math.floor(30 * r() ** 2.2)}`,
      provider: 'openai',
      status: r() < 0.02 ? 500 : 200,
      error: null,
      inputTokens: input,
      outputTokens: Math.floor(r() * 800),
      cachedInputTokens: 0,
      cacheWriteTokens: 0,
      costNanos: input * 1000,
      latencyMs: 100 + Math.floor(r() * 4000),
      ttftMs: 50 + Math.floor(r() * 400),
      userId: `user-${user}`,
      userEmail: null,
      userName: null,
      teamId: `team-${user % 100}`,
      agentId: agent >= 0 ? `agent-${agent}` : null,
      agentName: null,
      agentType: agent >= 0 ? 'single_task' : null,
      runId: agent >= 0 ? `run-${agent}-${Math.floor(ts.getTime() / 600_000)}` : null,
      sessionId: `sess-${user}-${Math.floor(ts.getTime() / 10_800_000)}`,
      sessionName: null,
      feature: 'Chat',
      promptId: null,
      tools: null,
      cacheHit: r() < 0.05,
      threat: false,
      outputChars: 1000,
      properties: { environment: r() < 0.8 ? 'production' : 'staging' },
    };
  });
}
