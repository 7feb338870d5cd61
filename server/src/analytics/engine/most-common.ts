import type { Pool } from '../../db/pool.js';
import type { UsageQuery } from '../query.js';
import { Params } from '../sql/params.js';
import { filterConditions } from '../sql/where.js';
import { pickPairSource } from './planner.js';

/** For each value of `keyColumn`, the most frequent value of `valueColumn` (ties: smallest). */
export async function mostCommon(pool: Pool, q: UsageQuery, keyColumn: 'agent_id' | 'model', valueColumn: 'model' | 'provider'): Promise<Map<string | null, string | null>> {
  const p = new Params();
  const source = pickPairSource(q, keyColumn, valueColumn, p);
  const text = source ?? `select distinct on (k) k, v from (
      select e.${keyColumn} as k, e.${valueColumn} as v, count(*) as c from usage_event e
       where ${[...filterConditions(q, p, 'e'), `e.ts >= ${p.add(q.range.from)}`, `e.ts < ${p.add(q.range.to)}`].join(' and ')}
       group by 1, 2) s
     order by k, c desc, v`;
  const { rows } = await pool.query(text, p.values);
  return new Map(rows.map((r: { k: string | null; v: string | null }) => [r.k, r.v]));
}
