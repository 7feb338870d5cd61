import { Migration } from '@mikro-orm/migrations';
import { cubeDdl, cubes } from '../../analytics/rollups/cubes.js';
import { rebuildStatements } from '../../analytics/rollups/register.js';
import { spanDdl, spanRebuild, spans, spanTables } from '../../analytics/rollups/spans.js';

/**
 * Cubes whose key or metrics changed here: model histograms gained the provider and lost TTFT,
 * the agent cube lost the model (kept in the new agent × model cube), an hourly histogram, a user × month presence cube and prompt and tool cubes came.
 */
const RESHAPED = ['histogram_model_day', 'histogram_agent_day', 'histogram_hour', 'rollup_agent_day', 'rollup_agent_model_day', 'user_month', 'rollup_prompt_day', 'rollup_tool_day'];
const reshaped = () => cubes.filter((c) => RESHAPED.includes(c.name));

/**
 * Sessions and runs as span tables with start cubes (summable), replacing the per-day session
 * and run tables whose exact counts grouped millions of rows; fewer rows touched per ingest batch
 * (no model × hour cube: 29% as many rows as events, serving only edge hours). Filled from the
 * stored events.
 */
export class Migration20261123210000_analytics_spans extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop table if exists rollup_session_day, rollup_run_day, rollup_model_hour');
    for (const c of reshaped()) {
      this.addSql(`drop table if exists ${c.name}`);
      for (const sql of cubeDdl(c)) this.addSql(sql);
    }
    for (const sql of rebuildStatements(reshaped())) this.addSql(sql);
    // The most expensive requests of a range (`topRequests`, the report's section): walk spend
    // from the top and stop at the limit, instead of sorting every priced event of the range
    // (a month of the 10M-event benchmark: 3.3 s).
    this.addSql('create index if not exists usage_event_top_cost on usage_event (tenant_id, cost_nanos desc, ts desc) where cost_nanos is not null and not cache_hit');
    // Distinct users read (day, user, hour mask) of the user cube from this index alone.
    this.addSql('create index if not exists rollup_user_day_users on rollup_user_day (tenant_id, day) include (user_id, hour_mask, org_id, team_id)');
    for (const s of spans) for (const sql of spanDdl(s)) this.addSql(sql);
    for (const s of spans) for (const sql of spanRebuild(s)) this.addSql(sql);
    // Plans over freshly filled tables need their statistics now, not at the next autovacuum.
    for (const table of [...RESHAPED, 'rollup_user_day', ...spans.flatMap(spanTables)]) this.addSql(`analyze ${table}`);
  }

  override async down(): Promise<void> {
    for (const s of spans) this.addSql(`drop table if exists ${spanTables(s).join(', ')}`);
  }
}
