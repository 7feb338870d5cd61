import { baseAggregates, creditsAggregate } from '../catalog/aggregates.js';
import type { ComponentName } from '../catalog/measures.js';
import { Params, type CompiledSql } from '../sql/params.js';
import { filterConditions, keyCondition } from '../sql/where.js';
import { eventEnd } from '../rollups/spans.js';
import { isComponent, type AggregateRequest } from './request.js';
import type { Span } from './segments.js';

/**
 * SQL over the raw event table: always correct, the fallback for whatever no rollup carries
 * (custom properties, prompts, tools, odd timezones). Uses the (tenant_id, ts) index.
 */
export function rawSource(req: AggregateRequest, p: Params, spans: Span[] = [{ from: req.from, to: req.to }]): { from: string; where: string; key: string } {
  const laterals = new Set<string>();
  let key = 'null::text';
  if (req.group.kind === 'bucket') key = `date_trunc(${p.add(req.group.unit)}, e.ts, ${p.add(req.query.range.timezone)})`;
  if (req.group.kind === 'dimension') {
    key = req.group.dimension.raw(p.add, req.group.propertyKey);
    if (req.group.dimension.lateral) laterals.add(req.group.dimension.lateral);
  }
  const time = spans.map((s) => `(e.ts >= ${p.add(s.from)} and e.ts < ${p.add(s.to)})`);
  const where = [...filterConditions(req.query, p, 'e'), time.length === 1 ? time[0] : `(${time.join(' or ')})`];
  for (const [set, keep] of [[req.exclude, false], [req.only, true]] as const) {
    if (!set) continue;
    if (set.dimension.lateral) laterals.add(set.dimension.lateral);
    where.push(keyCondition(set.dimension.raw(p.add, set.propertyKey), set.keys, keep, p));
  }
  return { from: `usage_event e ${[...laterals].join(' ')}`, where: where.join(' and '), key };
}

const grouped = (req: AggregateRequest) => req.group.kind !== 'none';

export function rawBase(req: AggregateRequest, spans?: Span[], p = new Params()): CompiledSql {
  const src = rawSource(req, p, spans);
  const aggs = baseAggregates.filter((a) => req.needs.has(a.name)).map((a) => `${a.raw} as ${a.name}`);
  if (req.needs.has('credits')) aggs.push(`${creditsAggregate.raw} as credits`);
  if (aggs.length === 0) aggs.push('count(*) as requests');
  const join = req.needs.has('credits') ? ' join organization o on o.id = e.org_id' : '';
  const text = `select ${src.key} as k, ${aggs.join(', ')} from ${src.from}${join} where ${src.where}${grouped(req) ? ' group by 1' : ''}`;
  return { name: 'raw.base', text, values: p.values };
}

export function rawComponent(req: AggregateRequest, component: ComponentName): CompiledSql {
  const p = new Params();
  const src = rawSource(req, p);
  const g = grouped(req) ? ' group by 1' : '';
  const texts: Record<ComponentName, () => string> = {
    users: () => `select ${src.key} as k, count(distinct e.user_id) as active_users from ${src.from} where ${src.where}${g}`,
    sessions: () => `select k, count(*) as sessions, coalesce(sum(d), 0) as session_duration_sum_ms from (
        select ${src.key} as k, e.session_id,
               extract(epoch from max(${eventEnd('e')}) - min(e.ts)) * 1000 as d
          from ${src.from} where ${src.where} and e.session_id is not null group by 1, 2) s group by k`,
    runs: () => `select k, count(*) as id_runs, count(*) filter (where failed) as id_runs_failed from (
        select ${src.key} as k, e.run_id, bool_or(e.status >= 400) as failed
          from ${src.from} where ${src.where} and e.run_id is not null group by 1, 2) s group by k`,
    latency: () => `select ${src.key} as k, percentile_cont(array[0.5, 0.95, 0.99]) within group (order by e.latency_ms) as p
        from ${src.from} where ${src.where} and e.latency_ms is not null${g}`,
    ttft: () => `select ${src.key} as k, percentile_cont(0.95) within group (order by e.ttft_ms) as ttft_p95
        from ${src.from} where ${src.where} and e.ttft_ms is not null${g}`,
  };
  return { name: `raw.${component}`, text: texts[component](), values: p.values };
}

export function rawPlan(req: AggregateRequest): CompiledSql[] {
  const out = [rawBase(req)];
  for (const need of req.needs) if (isComponent(need)) out.push(rawComponent(req, need));
  return out;
}
