import pg from 'pg';
import { rebuildStatements } from '../src/analytics/rollups/register.js';
import { cubes, type Cube } from '../src/analytics/rollups/cubes.js';

/**
 * The benchmark dataset of issue 3, generated inside PostgreSQL (no Node round trips): 90 days
 * before END, one organization with 50 sub-accounts, 5,000 users, 200 agents, 30 models, skewed
 * (a few heavy users, models and agents), each agent owned by one organization with one main model,
 * sessions of a user within 8-hour windows (one agent each), agent runs of a user within an hour, 2% errors, 5% cache hits, two custom properties. Deterministic
 * (setseed), built once into a persistent database and reused.
 */
export const DATASET_VERSION = 2;
export const END = new Date('2026-11-23T00:00:00Z');
export const DAYS = 90;

const MODELS = Array.from({ length: 30 }, (_, i) => `${['gpt', 'claude', 'gemini', 'mistral'][i % 4]}-bench-${i}`);
const PROVIDERS = ['openai', 'anthropic', 'google', 'mistral'];
const FEATURES = ['Chat', 'Document Chat', 'Agents', 'Tools', 'Summarization', 'Search'];
const sqlArray = (xs: string[]) => `(array[${xs.map((x) => `'${x}'`).join(',')}])`;

export async function ensureDataset(client: pg.Client, rootId: number, events: number, log: (s: string) => void): Promise<void> {
  await client.query(`create table if not exists bench_dataset (version int, events int, built_at timestamptz)`);
  // Several benchmarks share this database: one builds, the others wait for it.
  await client.query('select pg_advisory_lock(424242)');
  try {
    await build(client, rootId, events, log);
  } finally {
    await client.query('select pg_advisory_unlock(424242)');
  }
}

async function build(client: pg.Client, rootId: number, events: number, log: (s: string) => void): Promise<void> {
  const { rows } = await client.query('select version, events from bench_dataset');
  if (rows[0]?.version === DATASET_VERSION && rows[0]?.events === events) {
    const empty: Cube[] = [];
    for (const c of cubes) if (!(await client.query(`select exists (select 1 from ${c.name}) as any`)).rows[0].any) empty.push(c);
    if (empty.length === 0) {
      log(`dataset: ${events.toLocaleString()} events already loaded`);
      return;
    }
    log(`dataset: events loaded but ${empty.map((c) => c.name).join(', ')} empty: rebuilding…`);
    const t = Date.now();
    for (const sql of rebuildStatements(empty)) await client.query(sql);
    await client.query('analyze');
    log(`dataset: rollups rebuilt in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return;
  }
  log(`dataset: building ${events.toLocaleString()} events (a few minutes, once)…`);
  await client.query('delete from bench_dataset');
  await client.query('truncate usage_event; delete from app_user; delete from agent; delete from team; delete from organization where parent_id is not null');
  // Loading without indexes and building them once is several times faster.
  await client.query('drop index if exists usage_event_idempotency_idx, usage_event_tenant_ts_idx, usage_event_org_ts_idx');
  await client.query(`insert into organization (parent_id, external_id, name, timezone, credits_per_usd)
    select $1, 'sub-' || i, 'Sub-account ' || i, 'UTC', case when i % 10 = 0 then 500 else 1000 end from generate_series(1, 50) i`, [rootId]);
  const { rows: orgs } = await client.query('select id from organization where root_id = $1 order by id', [rootId]);
  const orgIds = orgs.map((o) => o.id as number);
  await client.query(`insert into team (tenant_id, external_id, name) select $1, 'team-' || i, 'Team ' || i from generate_series(0, 99) i`, [rootId]);
  await client.query(`insert into app_user (tenant_id, external_id, email, name, team_id) select $1, 'user-' || i, 'user' || i || '@bench.test', 'User ' || i, 'team-' || (i / 50) from generate_series(0, 4999) i`, [rootId]);
  await client.query(`insert into agent (tenant_id, external_id, name, type, creator_user_id)
    select $1, 'agent-' || i, 'Agent ' || i, (array['single_task','multi_step','conversational'])[i % 3 + 1], 'user-' || (i * 7) from generate_series(0, 203) i`, [rootId]);

  await client.query('select setseed(0.42)');
  const chunk = 1_000_000;
  const started = Date.now();
  for (let first = 0; first < events; first += chunk) {
    const last = Math.min(events, first + chunk) - 1;
    await client.query(generateSql(rootId, orgIds), [first, last, END.toISOString(), DAYS]);
    const done = last + 1;
    log(`  ${done.toLocaleString()} events (${Math.round(done / ((Date.now() - started) / 1000)).toLocaleString()}/s)`);
  }
  log('dataset: indexing…');
  await client.query('create unique index usage_event_idempotency_idx on usage_event (tenant_id, event_id)');
  await client.query('create index usage_event_tenant_ts_idx on usage_event (tenant_id, ts)');
  await client.query('create index usage_event_org_ts_idx on usage_event (org_id, ts)');
  log('dataset: building the rollups from the events…');
  const t = Date.now();
  for (const sql of rebuildStatements()) await client.query(sql);
  log(`dataset: rollups built in ${((Date.now() - t) / 1000).toFixed(1)} s; analyzing…`);
  await client.query('vacuum analyze');
  await client.query('insert into bench_dataset values ($1, $2, now())', [DATASET_VERSION, events]);
}

function generateSql(rootId: number, orgIds: number[]): string {
  const normal = `sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())`;
  return `
insert into usage_event (tenant_id, org_id, event_id, ts, model, provider, status, error, input_tokens, output_tokens,
  cached_input_tokens, cache_write_tokens, cost_nanos, latency_ms, ttft_ms, user_id, team_id, agent_id, agent_type, run_id,
  session_id, session_name, feature, prompt_id, tools, cache_hit, threat, output_chars, properties)
select ${rootId}, (${`array[${orgIds.join(',')}]`})[u % ${orgIds.length} + 1], 'b' || g, ts, ${sqlArray(MODELS)}[mi + 1], ${sqlArray(PROVIDERS)}[mi % 4 + 1],
       status, case when status >= 400 then 'bench_error' end, inp, outp, cached, 0,
       case when mi >= 28 then null else (inp - cached) * (mi % 10 + 1) * 500 + cached * (mi % 10 + 1) * 50 + outp * (mi % 10 + 1) * 2000 end,
       lat, case when ttft_r < 0.15 then null else (lat * ttft_r * 0.3)::int end,
       'user-' || u, 'team-' || (u / 50),
       case when a >= 0 then 'agent-' || a end, case when a >= 0 then (array['single_task','multi_step','conversational'])[a % 3 + 1] end,
       case when a >= 0 and run_r < 0.9 then 'run-' || a || '-' || u || '-' || floor(extract(epoch from ts) / 3600)::bigint end,
       'sess-' || u || '-' || floor(extract(epoch from ts) / 28800)::bigint, null,
       ${sqlArray(FEATURES)}[f + 1], 'prompt-' || p, tools, cache_r < 0.05, threat_r < 0.002, outp * 4,
       jsonb_build_object('environment', case when env_r < 0.8 then 'production' when env_r < 0.95 then 'staging' else 'development' end,
                          'userTier', (array['free','pro','enterprise'])[u % 3 + 1])
  from (
    select g, ts, u, a, f, p, status, inp, outp, cached, tools, ttft_r, run_r, cache_r, threat_r, env_r,
           case when a is not null and m_r < 0.85 then a % 30 else m end as mi,
           greatest(20, exp(ln(300 + 4 * outp) + 0.45 * (${normal})))::int as lat
      from (
        select g, ts, u, m, f, p, status, inp, least(outp, 16000) as outp, m_r,
               -- an agent event uses one of the ~4 agents of the user's organization, the same one for a whole session
               case when a_r < 0.3 then (u % ${orgIds.length}) + ${orgIds.length} * (abs(hashtext(u || '-' || floor(extract(epoch from ts) / 28800)::bigint)) % 4) end as a,
               case when cache_q < 0.3 then (inp * 0.6)::int else 0 end as cached,
               tools, ttft_r, run_r, cache_r, threat_r, env_r
          from (
            select g,
                   $3::timestamptz - $4 * interval '1 day' * random() as ts,
                   floor(5000 * power(random(), 2.5))::int as u,
                   floor(30 * power(random(), 2.2))::int as m,
                   random() as a_r, random() as m_r,
                   floor(6 * power(random(), 1.5))::int as f,
                   floor(50 * power(random(), 2))::int as p,
                   case when random() >= 0.02 then 200 else (array[429,429,429,500,500,502,400,401,404,503])[1 + floor(random() * 10)::int] end as status,
                   greatest(1, exp(ln(800) + 1.0 * (${normal})))::int as inp,
                   greatest(1, exp(ln(200) + 0.8 * (${normal})))::int as outp,
                   random() as cache_q,
                   case when random() < 0.2 then array['search_kb'] when random() < 0.1 then array['search_kb','calculator'] end as tools,
                   random() as ttft_r, random() as run_r, random() as cache_r, random() as threat_r, random() as env_r
              from generate_series($1::int, $2::int) g
          ) a0
      ) a1
  ) a2`;
}
