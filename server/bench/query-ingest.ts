import pg from 'pg';
import { SESSION_OPTIONS } from '../src/db/pool.js';
import { upsertDimensions, writeEvents, type SummaryMaintainer } from '../src/modules/ingestion/event-writer.js';
import type { PreparedEvent } from '../src/modules/ingestion/event.schema.js';
import { createFolder, foldEverything, rollupMaintainers, summaryGroups, summaryTables } from '../src/analytics/rollups/register.js';
import { cubes, PENDING_TABLE } from '../src/analytics/rollups/cubes.js';
import { pendingMaintainer } from '../src/analytics/rollups/pending.js';
import type { Logger } from '../src/shared/logger.js';
import { spans } from '../src/analytics/rollups/spans.js';

/**
 * Ingest rate through the bulk writer (the same `INSERT … SELECT unnest` + dimension upserts in one
 * transaction per batch as the service) with and without the rollup maintenance CTEs, on the
 * same events into a fresh database, alternating runs so both see the same machine noise.
 */
/** Events/s until done, and (with `fold`) until the last batch was acknowledged. */
type Runner = (summaries: SummaryMaintainer[], fold?: boolean) => Promise<{ rate: number; accepted: number }>;

async function withRunner<T>(url: string, count: number, use: (run: Runner) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 4, options: SESSION_OPTIONS });
  const { rows } = await pool.query(`insert into organization (name) values ('ingest bench') returning id`);
  const tenantId = rows[0].id as number;
  const events = makeEvents(tenantId, count);
  const tables = [...summaryTables, PENDING_TABLE];
  // `fold`: the server's folder runs beside ingest, and the time includes draining what is left.
  const run: Runner = async (summaries, fold = false) => {
    await pool.query(`truncate usage_event, ${tables.join(', ')}`);
    const folder = fold ? createFolder(pool, FOLD_INTERVAL_MS, silent) : null;
    folder?.start();
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < events.length) {
        const slice = events.slice(next, (next += BATCH));
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
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const acceptedAt = performance.now();
    if (folder) {
      await folder.stop();
      await foldEverything(pool);
    }
    const rate = (ms: number) => count / (ms / 1000);
    return { rate: rate(performance.now() - started), accepted: rate(acceptedAt - started) };
  };
  try {
    return await use(run);
  } finally {
    await pool.end();
  }
}

const BATCH = Number(process.env.INGEST_BATCH ?? 5_000);
const CONCURRENCY = Number(process.env.INGEST_CONCURRENCY ?? 2);
const FOLD_INTERVAL_MS = 1_000; // the server's default (ROLLUP_FOLD_INTERVAL_MS)
const silent = { error: () => {} } as unknown as Logger;

export async function measureIngest(url: string, count: number, log: (s: string) => void): Promise<string> {
  return withRunner(url, count, async (run) => {
    const without: number[] = [];
    const folded: number[] = [];
    const acceptedRates: number[] = [];
    const inline: number[] = [];
    for (let i = 0; i < 2; i++) {
      without.push((await run([])).rate);
      const background = await run([pendingMaintainer], true);
      folded.push(background.rate);
      acceptedRates.push(background.accepted);
      inline.push((await run(rollupMaintainers)).rate);
      log(
        `ingest run ${i + 1}: ${Math.round(without[i]).toLocaleString()} events/s without summaries, ` +
          `${Math.round(folded[i]).toLocaleString()} with the background fold (accepted at ${Math.round(acceptedRates[i]).toLocaleString()}), ` +
          `${Math.round(inline[i]).toLocaleString()} with the summaries in the ingest statement`,
      );
    }
    const a = Math.max(...without);
    const pct = (x: number) => `${Math.round(x).toLocaleString()} (${Math.round((x / a) * 100)}%)`;
    return [
      `| ingest through the bulk writer (${count.toLocaleString()} events, batches of ${BATCH}, ${CONCURRENCY} in flight) | events/s (best of 2) |`,
      '|---|---|',
      `| without summaries | ${Math.round(a).toLocaleString()} |`,
      `| as shipped: batches parked in rollup_pending, the folder running beside ingest; until every summary holds every event | ${pct(Math.max(...folded))} |`,
      `| the same, until the last batch is acknowledged | ${pct(Math.max(...acceptedRates))} |`,
      `| for comparison: the same ${rollupMaintainers.length} summary CTEs (${cubes.length} cubes, ${spans.length} spans with start cubes, daily users) in each ingest statement | ${pct(Math.max(...inline))} |`,
    ].join('\n');
  });
}

/** What each summary adds on its own: µs of wall time per event over the plain insert (best of 2). */
export async function measureSummaryCosts(url: string, count: number, log: (s: string) => void): Promise<string> {
  return withRunner(url, count, async (run) => {
    const us = (rate: number) => 1e6 / rate;
    await run(rollupMaintainers); // warm up: caches, table sizes
    const base = Math.max((await run([])).rate, (await run([])).rate);
    const lines = [`| summary (${count.toLocaleString()} events) | events/s alone | µs per event added |`, '|---|---|---|', `| none | ${Math.round(base).toLocaleString()} | – |`];
    for (const [name, ms] of summaryGroups) {
      const rate = Math.max((await run(ms)).rate, (await run(ms)).rate);
      const line = `| ${name} | ${Math.round(rate).toLocaleString()} | ${(us(rate) - us(base)).toFixed(1)} |`;
      log(line);
      lines.push(line);
    }
    return lines.join('\n');
  });
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
