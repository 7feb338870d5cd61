import pg from 'pg';
import { readFileSync } from 'node:fs';
import { SESSION_OPTIONS } from '../src/db/pool.js';
import { upsertDimensions, writeEvents, type SummaryMaintainer } from '../src/modules/ingestion/event-writer.js';
import type { PreparedEvent } from '../src/modules/ingestion/event.schema.js';
import { createFolder, foldEverything, rollupMaintainers, summaryGroups, summaryTables } from '../src/analytics/rollups/register.js';
import { PENDING_TABLE } from '../src/analytics/rollups/cubes.js';
import { FOLD_WORK_MEM, foldInTransaction, foldPending, foldStatement, pendingMaintainer } from '../src/analytics/rollups/pending.js';
import type { Logger } from '../src/shared/logger.js';

/**
 * Ingest rate through the bulk writer (the same `INSERT … SELECT unnest` + dimension upserts in one
 * transaction per batch as the service) with and without the rollup maintenance CTEs, on the
 * same events into a fresh database, alternating runs so both see the same machine noise.
 */
/** Events/s until done, and (with `fold`) until the last batch was acknowledged; machine CPU µs per event. */
type Runner = (summaries: SummaryMaintainer[], fold?: boolean) => Promise<{ rate: number; accepted: number; cpuUs: number }>;

/** CPU seconds the whole machine spent so far (Linux; 0 elsewhere): the server and PostgreSQL alike. */
function machineCpu(): number {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return 0;
  }
}

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
    const cpu = machineCpu();
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
    return { rate: rate(performance.now() - started), accepted: rate(acceptedAt - started), cpuUs: ((machineCpu() - cpu) * 1e6) / count };
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
// Runs of each variant, alternating: the same work's rate moves ±15% between runs on this machine.
const INGEST_RUNS = Math.max(1, Math.floor(Number(process.env.INGEST_RUNS ?? 3)) || 3);
const silent = { error: () => {} } as unknown as Logger;

export async function measureIngest(url: string, count: number, log: (s: string) => void): Promise<string> {
  return withRunner(url, count, async (run) => {
    type Result = Awaited<ReturnType<Runner>>;
    const without: Result[] = [];
    const folded: Result[] = [];
    const n = (x: number) => Math.round(x).toLocaleString();
    // The first run of a process is slow (JIT, caches, a fresh database's first pages): measured
    // ~20% below the next, it made the first paired ratio look better than it is. Discarded.
    await run([]);
    for (let i = 0; i < INGEST_RUNS; i++) {
      without.push(await run([]));
      folded.push(await run([pendingMaintainer], true));
      log(
        `ingest run ${i + 1}: ${n(without[i].rate)} events/s without summaries, ` +
          `${n(folded[i].rate)} with the background fold (accepted at ${n(folded[i].accepted)}); ` +
          `as shipped ${Math.round((folded[i].rate / without[i].rate) * 100)}% of this run's without; ` +
          `machine CPU ${without[i].cpuUs.toFixed(0)} and ${folded[i].cpuUs.toFixed(0)} µs per event`,
      );
    }
    // Each variant's best run, and the machine CPU (server, PostgreSQL, folder) it took per event.
    const best = (rs: Result[], rate: (r: Result) => number = (r) => r.rate) => rs.reduce((a, b) => (rate(b) > rate(a) ? b : a));
    const base = best(without).rate;
    const row = (label: string, r: Result, rate = r.rate, cpu = r.cpuUs.toFixed(0)) => `| ${label} | ${n(rate)} | ${Math.round((rate / base) * 100)}% | ${cpu} |`;
    const accepted = best(folded, (r) => r.accepted);
    const paired = folded.map((f, i) => Math.round((f.rate / without[i].rate) * 100));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
    return [
      `| ingest through the bulk writer (${count.toLocaleString()} events, batches of ${BATCH}, ${CONCURRENCY} in flight) | events/s (best of ${INGEST_RUNS}) | of without | machine CPU µs/event |`,
      '|---|---|---|---|',
      row('without summaries', best(without)),
      row('as shipped: batches parked in rollup_pending, the folder running beside ingest; until every summary holds every event', best(folded)),
      row('the same, until the last batch is acknowledged', accepted, accepted.accepted, '–'),
      '',
      `As shipped against the "without" run just before it, run by run: ${paired.map((p) => `${p}%`).join(', ')} (median ${median(paired)}%); ` +
        `by machine CPU per event, median of runs: ${median(without.map((r) => r.cpuUs)).toFixed(0)} without, ${median(folded.map((r) => r.cpuUs)).toFixed(0)} as shipped.`,
    ].join('\n');
  });
}

/**
 * What parking each batch in rollup_pending adds to the ingest statement (no fold): µs of wall
 * time per event over the plain insert, best of 3 alternating runs. (Summaries are no longer
 * maintained in the ingest statement: the fold is their only writer, and its upserts take rows in
 * no particular order, so two ingest statements upserting them could deadlock.)
 */
export async function measurePendingCost(url: string, count: number, log: (s: string) => void): Promise<string> {
  return withRunner(url, count, async (run) => {
    const us = (rate: number) => 1e6 / rate;
    await run([]); // warm up: caches, table sizes
    const plain: number[] = [];
    const parked: number[] = [];
    for (let i = 0; i < 3; i++) {
      plain.push((await run([])).rate);
      parked.push((await run([pendingMaintainer])).rate);
    }
    const base = Math.max(...plain);
    const rate = Math.max(...parked);
    const lines = [
      `| ingest statement (${count.toLocaleString()} events) | events/s (best of 3) | µs per event added |`,
      '|---|---|---|',
      `| plain insert | ${Math.round(base).toLocaleString()} | – |`,
      `| and the copy into rollup_pending | ${Math.round(rate).toLocaleString()} | ${(us(rate) - us(base)).toFixed(1)} |`,
    ];
    return lines.join('\n');
  });
}

/** Folds all but the last `FOLD` of `count` ingested events (so a fold updates existing rows, as in a steady stream), then `use`. */
const FOLD = 50_000;
async function withLastFold(url: string, count: number, use: (pool: pg.Pool) => Promise<string>): Promise<string> {
  return withRunner(url, count, async (run) => {
    await run([pendingMaintainer]);
    const pool = new pg.Pool({ connectionString: url, max: 1, options: SESSION_OPTIONS });
    try {
      await foldPending(pool, rollupMaintainers, count - FOLD);
      return await use(pool);
    } finally {
      await pool.end();
    }
  });
}

/**
 * What each summary costs in a fold: µs per event of one fold of `FOLD` pending events with only
 * that summary's CTEs (and the base it reads), after all the other events were folded (so the fold
 * updates existing rows, as in a steady stream), with the fold's own settings. Each fold is rolled
 * back and timed twice.
 */
export async function measureFoldCosts(url: string, count: number, log: (s: string) => void): Promise<string> {
  return withLastFold(url, count, async (pool) => {
    const time = async (ms: SummaryMaintainer[]) => {
      const best: number[] = [];
      for (let i = 0; i < 2; i++) {
        const client = await pool.connect();
        try {
          await client.query('begin');
          const started = performance.now();
          await foldInTransaction(client, ms, FOLD);
          best.push(performance.now() - started);
        } finally {
          await client.query('rollback');
          client.release();
        }
      }
      return (Math.min(...best) * 1000) / FOLD;
    };
    const none = await time([]);
    const lines = [`| summary (folds of ${FOLD.toLocaleString()}) | µs per event added |`, '|---|---|', `| delete from pending only | ${none.toFixed(1)} |`];
    for (const [name, ms] of [...summaryGroups, ['whole fold, delete included', rollupMaintainers] as [string, SummaryMaintainer[]]]) {
      const line = `| ${name} | ${((await time(ms)) - (ms === rollupMaintainers ? 0 : none)).toFixed(1)} |`;
      log(line);
      lines.push(line);
    }
    return lines.join('\n');
  });
}

/**
 * Where one fold of `FOLD` pending events spends its time: EXPLAIN ANALYZE of the whole statement
 * (rolled back), each CTE's own time: its total less its scans of other CTEs (a CTE runs inside
 * the first scan that reads it, so that time is the other CTE's).
 */
export async function measureFoldPlan(url: string, count: number): Promise<string> {
  return withLastFold(url, count, async (pool) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(`select set_config('work_mem', $1, true)`, [FOLD_WORK_MEM]);
      const { rows } = await client.query(`explain (analyze, format json) ${foldStatement(rollupMaintainers)}`, [FOLD]);
      const plan = rows[0]['QUERY PLAN'][0];
      const lines = [`| CTE (fold of ${FOLD.toLocaleString()}) | ms | µs per event |`, '|---|---|---|'];
      type Node = { 'Node Type': string; 'Subplan Name'?: string; 'Actual Total Time': number; 'Actual Loops': number; Plans?: Node[] };
      const total = (n: Node) => n['Actual Total Time'] * n['Actual Loops'];
      // Time spent in scans of other CTEs under `n`: a CTE read by another runs inside that reader's scan.
      const scans = (n: Node): number => (n.Plans ?? []).reduce((a, c) => a + (c['Node Type'] === 'CTE Scan' ? total(c) : scans(c)), 0);
      const own = (n: Node) => total(n) - scans(n);
      const ctes = (plan.Plan.Plans ?? []).filter((c: Node) => c['Subplan Name']?.startsWith('CTE')) as Node[];
      for (const c of ctes.sort((a, b) => own(b) - own(a))) lines.push(`| ${c['Subplan Name']!.slice(4)} | ${own(c).toFixed(0)} | ${((own(c) * 1000) / FOLD).toFixed(2)} |`);
      lines.push(`| whole statement (planning ${plan['Planning Time'].toFixed(0)} ms) | ${plan['Execution Time'].toFixed(0)} | ${((plan['Execution Time'] * 1000) / FOLD).toFixed(2)} |`);
      return lines.join('\n');
    } finally {
      await client.query('rollback');
      client.release();
    }
  });
}

function makeEvents(tenantId: number, count: number): PreparedEvent[] {
  let s = 12345;
  const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  // A live stream: the last two hours, shaped as the query dataset (query-dataset.ts): sessions of
  // a user within 8-hour windows, each using one of the ~4 agents of the user's group, agent runs
  // of a user within an hour, an agent's events mostly on its main model.
  const end = Math.floor(Date.now() / 60_000) * 60_000;
  return Array.from({ length: count }, (_, i) => {
    const user = Math.floor(5000 * r() ** 2.5);
    const ts = new Date(end - Math.floor(r() * 2 * 3_600_000));
    const window = Math.floor(ts.getTime() / 28_800_000);
    const agent = r() < 0.3 ? (user % 50) + 50 * (((user * 2_654_435_761 + window * 40_503) >>> 0) % 4) : -1;
    const model = agent >= 0 && r() < 0.85 ? agent % 30 : Math.floor(30 * r() ** 2.2);
    const input = 100 + Math.floor(r() * 3000);
    return {
      tenantId,
      orgId: tenantId,
      eventId: `i${i}`,
      ts,
      model: `model-${model}`,
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
      runId: agent >= 0 && r() < 0.9 ? `run-${agent}-${user}-${Math.floor(ts.getTime() / 3_600_000)}` : null,
      sessionId: `sess-${user}-${window}`,
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
