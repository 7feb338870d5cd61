import type { Pool } from '../../db/pool.js';
import type { Values } from '../catalog/measures.js';
import type { CompiledSql } from '../sql/params.js';
import { plan } from './planner.js';
import type { AggregateRequest } from './request.js';

export type Key = string | Date | null;
export interface KeyedValues {
  key: Key;
  values: Values;
}

export const keyId = (k: Key): string => (k === null ? '\u0000' : k instanceof Date ? `t${k.getTime()}` : `s${k}`);

/** Optional hook to watch every statement (benchmarks, debugging). */
export let onStatement: ((sql: CompiledSql, ms: number) => void) | null = null;
export function setStatementHook(hook: typeof onStatement): void {
  onStatement = hook;
}

/**
 * Runs one aggregation: the planner picks a source per component, the statements run
 * concurrently, and their rows merge by key into one Values object per key.
 */
export async function aggregate(pool: Pool, req: AggregateRequest): Promise<Map<string, KeyedValues>> {
  const statements = plan(req);
  const results = await Promise.all(statements.map((s) => execute(pool, s)));
  const out = new Map<string, KeyedValues>();
  for (const rows of results) {
    for (const row of rows) {
      const k = normaliseKey(row.k);
      const id = keyId(k);
      let entry = out.get(id);
      if (!entry) out.set(id, (entry = { key: k, values: {} }));
      mergeRow(entry.values, row);
    }
  }
  return out;
}

async function execute(pool: Pool, sql: CompiledSql): Promise<Record<string, any>[]> {
  const started = performance.now();
  const { rows } = await pool.query(sql.text, sql.values);
  onStatement?.(sql, performance.now() - started);
  if (sql.fallback && sql.fallbackWhen?.(rows)) return execute(pool, sql.fallback);
  return sql.post ? sql.post(rows) : rows;
}

function normaliseKey(k: unknown): Key {
  if (k === null || k === undefined) return null;
  if (k instanceof Date) return k;
  return String(k);
}

function mergeRow(v: Values, row: Record<string, any>): void {
  for (const [name, value] of Object.entries(row)) {
    if (name === 'k') continue;
    if (name === 'p') {
      // percentile_cont over an array of fractions: [p50, p95, p99]
      v.latency_p50 = value?.[0] ?? null;
      v.latency_p95 = value?.[1] ?? null;
      v.latency_p99 = value?.[2] ?? null;
      continue;
    }
    const target = v as Record<string, unknown>;
    const current = target[name];
    if (value === null) {
      if (current === undefined) target[name] = null;
      continue;
    }
    if (value instanceof Date) {
      target[name] = current instanceof Date && current > value ? current : value;
      continue;
    }
    // Several partial statements (whole days from a rollup + edge hours) may deliver the same
    // additive column; components come from exactly one statement each, so summing is right.
    target[name] = typeof current === 'number' ? current + Number(value) : Number(value);
  }
}
