import type { Pool } from '../../db/pool.js';
import type { UsageQuery } from '../query.js';
import { Params } from '../sql/params.js';
import { mostCommonSql } from './planner.js';

/** For each value of `keyColumn` (or those in `keys`), the most frequent value of `valueColumn` (ties: smallest). */
export async function mostCommon(
  pool: Pool,
  q: UsageQuery,
  keyColumn: 'agent_id' | 'model',
  valueColumn: 'model' | 'provider',
  keys?: (string | null)[],
): Promise<Map<string | null, string | null>> {
  const p = new Params();
  const { rows } = await pool.query(mostCommonSql(q, keyColumn, valueColumn, p, keys), p.values);
  return new Map(rows.map((r: { k: string | null; v: string | null }) => [r.k, r.v]));
}
