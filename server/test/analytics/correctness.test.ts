import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.js';
import { generateEvents, startAnalyticsTenant } from './dataset.js';

/**
 * Every measure, for every dimension and several filters, against plain SQL over the raw events
 * written here independently of the engine (which answers from rollups where it can).
 */
const NOW = new Date('2026-04-01T10:00:00Z');
const ALL = `requests errors errorRate clientErrors serverErrors costUsd credits costNotSupportedRequests inputTokens outputTokens
  cachedInputTokens cacheWriteTokens totalTokens activeUsers sessions avgCostPerSession avgSessionDurationMs agentRuns agentSuccessRate
  latencyAvgMs latencyP50Ms latencyP95Ms latencyP99Ms ttftAvgMs ttftP95Ms cacheHits cacheHitRate cacheSavingsUsd threats outputChars`;

const REF_SELECT = `
  count(*)::float8 as "requests",
  count(*) filter (where status >= 400)::float8 as "errors",
  count(*) filter (where status between 400 and 499)::float8 as "clientErrors",
  count(*) filter (where status >= 500)::float8 as "serverErrors",
  coalesce(sum(cost_nanos) filter (where not cache_hit), 0)::float8 / 1e9 as "costUsd",
  coalesce(sum(cost_nanos::numeric * credits_per_usd) filter (where not cache_hit), 0)::float8 / 1e9 as "credits",
  count(*) filter (where cost_nanos is null)::float8 as "costNotSupportedRequests",
  sum(input_tokens)::float8 as "inputTokens", sum(output_tokens)::float8 as "outputTokens",
  sum(cached_input_tokens)::float8 as "cachedInputTokens", sum(cache_write_tokens)::float8 as "cacheWriteTokens",
  count(distinct user_id)::float8 as "activeUsers", count(distinct session_id)::float8 as "sessions",
  avg(latency_ms)::float8 as "latencyAvgMs", avg(ttft_ms)::float8 as "ttftAvgMs",
  percentile_cont(0.5) within group (order by latency_ms) as "latencyP50Ms",
  percentile_cont(0.95) within group (order by latency_ms) as "latencyP95Ms",
  percentile_cont(0.99) within group (order by latency_ms) as "latencyP99Ms",
  percentile_cont(0.95) within group (order by ttft_ms) as "ttftP95Ms",
  count(*) filter (where cache_hit)::float8 as "cacheHits",
  coalesce(sum(cost_nanos) filter (where cache_hit), 0)::float8 / 1e9 as "cacheSavingsUsd",
  count(*) filter (where threat)::float8 as "threats", coalesce(sum(output_chars), 0)::float8 as "outputChars",
  coalesce(sum(cost_nanos) filter (where session_id is not null and not cache_hit), 0)::float8 / 1e9 as "sessionCost"`;

describe('analytics equals plain SQL over raw events', () => {
  let t: TestServer;
  let token: string;
  let db: pg.Client;
  let tenantId: number;

  beforeAll(async () => {
    let fold: (limit?: number) => Promise<number>;
    ({ t, token, db, tenantId, fold } = await startAnalyticsTenant(NOW));
    await db.query(`update organization set credits_per_usd = 250 where external_id = 'eu'`);
    const key = await t.apiKey(['INGEST']);
    const events = generateEvents(3000, new Date('2026-02-20T00:00:00Z'), new Date('2026-04-01T09:30:00Z'));
    for (let i = 0; i < events.length; i += 1000) {
      const res = await t.ingest(events.slice(i, i + 1000), key);
      const body = await res.json();
      expect(body.rejected, JSON.stringify(body.rejected.slice(0, 2))).toEqual([]);
    }
    // Two thirds folded into the summaries, the rest pending: every read merges both.
    expect(await fold(2000)).toBe(2000);
  });
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  /** Reference figures per key over usage_event e (joined to its organization). */
  async function reference(key: string, where: string, values: unknown[], lateral = ''): Promise<Map<string | null, Record<string, number | null>>> {
    const ev = `select e.*, o.credits_per_usd, ${key} as k from usage_event e join organization o on o.id = e.org_id ${lateral} where e.tenant_id = ${tenantId} and ${where}`;
    const main = await db.query(`with ev as (${ev}) select k, ${REF_SELECT} from ev group by k`, values);
    const sessions = await db.query(
      `with ev as (${ev}) select k, avg(d)::float8 as d from (select k, session_id, extract(epoch from max(ts + coalesce(latency_ms, 0) * interval '1 millisecond') - min(ts)) * 1000 as d from ev where session_id is not null group by 1, 2) s group by k`,
      values,
    );
    const runs = await db.query(
      `with ev as (${ev}), r as (
         select k, bool_or(status >= 400) as failed from ev where run_id is not null group by k, run_id
         union all select k, status >= 400 from ev where run_id is null and agent_id is not null)
       select k, count(*)::float8 as runs, count(*) filter (where not failed)::float8 as ok from r group by k`,
      values,
    );
    const out = new Map<string | null, Record<string, number | null>>();
    for (const row of main.rows) {
      const m: Record<string, number | null> = { ...row };
      delete m.k;
      m.errorRate = m.errors! / m.requests!;
      m.cacheHitRate = m.cacheHits! / m.requests!;
      m.totalTokens = m.inputTokens! + m.outputTokens!;
      const same = (a: unknown) => String(a) === String(row.k);
      m.avgSessionDurationMs = sessions.rows.find((s) => same(s.k))?.d ?? null;
      const run = runs.rows.find((s) => same(s.k));
      m.agentRuns = run?.runs ?? 0;
      m.agentSuccessRate = run ? run.ok / run.runs : null;
      m.avgCostPerSession = m.sessions ? m.sessionCost! / m.sessions : null;
      delete m.sessionCost;
      out.set(row.k === null ? null : String(row.k), m);
    }
    return out;
  }

  function expectSame(actual: Record<string, unknown>, expected: Record<string, number | null>, where: string) {
    for (const [name, want] of Object.entries(expected)) {
      const got = actual[name] as number | null;
      if (want === null) {
        expect(got, `${where} ${name}`).toBeNull();
      } else if (/P\d+Ms$/.test(name)) {
        expect(Math.abs((got as number) - want) / Math.max(want, 1), `${where} ${name}: ${got} vs ${want}`).toBeLessThanOrEqual(0.02);
      } else {
        expect(got, `${where} ${name}`).toBeCloseTo(want, 6);
      }
    }
  }

  const rangeWhere = (r: { from: string; to: string }) => ({ where: 'e.ts >= $1 and e.ts < $2', values: [r.from, r.to] });

  const filters: [string, Record<string, unknown>, string][] = [
    ['no filter', {}, 'true'],
    ['models', { models: ['gpt-4o', 'my-unpriced-model'] }, `e.model in ('gpt-4o', 'my-unpriced-model')`],
    ['errors only', { status: 'ERROR' }, 'e.status >= 400'],
    ['server errors', { status: 'SERVER_ERROR' }, 'e.status >= 500'],
    ['one sub-account', { subAccountIds: ['eu'] }, `e.org_id = (select id from organization where external_id = 'eu')`],
    ['parent only', { includeSubAccounts: false }, `e.org_id = ${'(select id from organization where parent_id is null and id = e.tenant_id)'}`],
    ['users and teams', { userIds: ['u0', 'u1', 'u3'], teamIds: ['team-2'] }, `e.user_id in ('u0', 'u1', 'u3') and e.team_id = 'team-2'`],
    ['agents', { agentIds: ['ag1', 'ag2'], agentTypes: ['multi_step'] }, `e.agent_id in ('ag1', 'ag2') and e.agent_type = 'multi_step'`],
    ['features', { features: ['Chat'] }, `e.feature = 'Chat'`],
    ['property', { properties: [{ key: 'env', value: 'prod' }] }, `e.properties ->> 'env' = 'prod'`],
    ['two properties', { properties: [{ key: 'env', value: 'prod' }, { key: 'tier', value: 'pro' }] }, `e.properties ->> 'env' = 'prod' and e.properties ->> 'tier' = 'pro'`],
  ];

  for (const [name, filter, sql] of filters) {
    for (const timezone of ['UTC', 'Europe/Berlin']) {
      it(`totals and previous: ${name}, ${timezone}`, async () => {
        const data = await t.gqlData(
          `query($f: UsageFilter) { usage(filter: $f) { range { from to previousFrom previousTo } totals { ${ALL} } previous { ${ALL} } } }`,
          { f: { ...filter, timeframe: 'LAST_30_DAYS', timezone } },
          token,
        );
        const r = data.usage.range;
        const cur = rangeWhere(r);
        const expected = await reference('null::text', `${cur.where} and ${sql}`, cur.values);
        expectSame(data.usage.totals, expected.get(null) ?? {}, `${name} totals`);
        const prev = rangeWhere({ from: r.previousFrom, to: r.previousTo });
        const expectedPrev = await reference('null::text', `${prev.where} and ${sql}`, prev.values);
        expectSame(data.usage.previous, expectedPrev.get(null) ?? {}, `${name} previous`);
      });
    }
  }

  const dims: [string, string, string?, string?][] = [
    ['MODEL', 'e.model'],
    ['PROVIDER', 'e.provider'],
    ['USER', 'e.user_id'],
    ['TEAM', 'e.team_id'],
    ['AGENT', 'e.agent_id'],
    ['AGENT_TYPE', 'e.agent_type'],
    ['SUB_ACCOUNT', `coalesce(o.external_id, o.id::text)`],
    ['FEATURE', 'e.feature'],
    ['PROMPT', 'e.prompt_id'],
    ['TOOL', 'tool', 'left join lateral unnest(e.tools) as tool on true'],
    ['STATUS', 'e.status::text'],
    ['PROPERTY', `e.properties ->> 'env'`, undefined, 'env'],
  ];
  for (const [by, key, lateral, propertyKey] of dims) {
    for (const [fname, filter, sql] of [filters[0], filters[1], filters[4]]) {
      it(`breakdown by ${by} (${fname}) row by row`, async () => {
        const data = await t.gqlData(
          `query($f: UsageFilter, $by: Dimension!, $pk: String) { usage(filter: $f) { range { from to } breakdown(by: $by, propertyKey: $pk, limit: 1000) { key label ${ALL} } } }`,
          { f: { ...filter, timeframe: 'LAST_90_DAYS', timezone: 'America/New_York' }, by, pk: propertyKey },
          token,
        );
        const cur = rangeWhere(data.usage.range);
        const expected = await reference(key, `${cur.where} and ${sql}`, cur.values, lateral);
        expect(data.usage.breakdown.length).toBe(expected.size);
        for (const row of data.usage.breakdown) {
          const k = row.key === '(none)' ? null : row.key;
          expect(expected.has(k), `${by} key ${row.key}`).toBe(true);
          expectSame(row, expected.get(k)!, `${by}=${row.key}`);
        }
      });
    }
  }

  it('keeps the top rows and puts the rest in one exact Other row', async () => {
    const data = await t.gqlData(
      `{ usage(filter: { timeframe: LAST_90_DAYS }) { totals { requests costUsd credits inputTokens activeUsers }
          breakdown(by: USER, limit: 3, orderBy: { field: REQUESTS, direction: DESC }) { key requests costUsd credits inputTokens activeUsers } } }`,
      {},
      token,
    );
    const rows = data.usage.breakdown;
    expect(rows).toHaveLength(4);
    expect(rows[3].key).toBe('(other)');
    for (const m of ['requests', 'costUsd', 'credits', 'inputTokens']) {
      expect(rows.reduce((s: number, r: any) => s + r[m], 0)).toBeCloseTo(data.usage.totals[m], 6);
    }
    expect(rows[0].requests).toBeGreaterThanOrEqual(rows[1].requests);
    // Distinct users of the rest: exact, not a sum.
    expect(rows.slice(0, 3).every((r: any) => r.activeUsers <= 1)).toBe(true);
    expect(rows[3].activeUsers + rows.slice(0, 3).filter((r: any) => r.key !== '(none)').length).toBe(data.usage.totals.activeUsers);
  });

  const seriesCases: [string, Record<string, unknown>, string, string, number][] = [
    ['Berlin days across the spring DST switch', { timeframe: 'LAST_MONTH', timezone: 'Europe/Berlin' }, 'DAY', `date_trunc('day', e.ts, 'Europe/Berlin')`, 31],
    ['New York days across its DST switch', { timeframe: 'LAST_MONTH', timezone: 'America/New_York' }, 'DAY', `date_trunc('day', e.ts, 'America/New_York')`, 31],
    ['Berlin hours of the 23-hour day', { timeframe: 'CUSTOM', from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00', timezone: 'Europe/Berlin' }, 'HOUR', `date_trunc('hour', e.ts, 'Europe/Berlin')`, 23],
    ['New York months over month ends', { timeframe: 'LAST_3_MONTHS', timezone: 'America/New_York' }, 'MONTH', `date_trunc('month', e.ts, 'America/New_York')`, 4],
    // Daily active users of the whole tenant come from per-day counts (plus pending events' users).
    ['UTC days, whole tenant', { timeframe: 'LAST_30_DAYS', timezone: 'UTC' }, 'DAY', `date_trunc('day', e.ts, 'UTC')`, 30],
    ['UTC weeks starting Monday', { timeframe: 'LAST_90_DAYS', timezone: 'UTC' }, 'WEEK', `date_trunc('week', e.ts, 'UTC')`, 14],
    ['Kolkata days (a half-hour offset: raw fallback)', { timeframe: 'LAST_30_DAYS', timezone: 'Asia/Kolkata' }, 'DAY', `date_trunc('day', e.ts, 'Asia/Kolkata')`, 30],
  ];
  for (const [name, filter, granularity, bucket, count] of seriesCases) {
    it(`series: ${name}`, async () => {
      const data = await t.gqlData(
        `query($f: UsageFilter, $g: Granularity) { usage(filter: $f) { range { from to } series(granularity: $g) { bucket ${ALL} } } }`,
        { f: filter, g: granularity },
        token,
      );
      const series = data.usage.series;
      expect(series).toHaveLength(count);
      const cur = rangeWhere(data.usage.range);
      const expected = await reference(bucket, cur.where, cur.values);
      for (const point of series) {
        const k = [...expected.keys()].find((x) => x !== null && new Date(x).getTime() === new Date(point.bucket).getTime());
        if (k === undefined) expect(point.requests, point.bucket).toBe(0);
        else expectSame(point, expected.get(k)!, `${name} ${point.bucket}`);
      }
      const starts = series.map((p: any) => new Date(p.bucket).getTime());
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    });
  }

  it('resolves calendar presets in the timezone, weeks from Monday, DST-aware', async () => {
    const q = `query($f: UsageFilter) { usage(filter: $f) { range { from to previousFrom previousTo timezone } } }`;
    const month = await t.gqlData(q, { f: { timeframe: 'LAST_MONTH', timezone: 'Europe/Berlin' } }, token);
    expect(month.usage.range).toEqual({ from: '2026-02-28T23:00:00.000Z', to: '2026-03-31T22:00:00.000Z', previousFrom: '2026-01-31T23:00:00.000Z', previousTo: '2026-02-28T23:00:00.000Z', timezone: 'Europe/Berlin' });
    const week = await t.gqlData(q, { f: { timeframe: 'THIS_WEEK', timezone: 'America/New_York' } }, token);
    // 2026-04-01 is a Wednesday: the week started Monday 2026-03-30 (EDT, UTC-4).
    expect(week.usage.range.from).toBe('2026-03-30T04:00:00.000Z');
    expect(week.usage.range.previousFrom).toBe('2026-03-23T04:00:00.000Z');
    const today = await t.gqlData(q, { f: { timeframe: 'TODAY', timezone: 'Europe/Berlin' } }, token);
    expect(today.usage.range.from).toBe('2026-03-31T22:00:00.000Z');
    expect(today.usage.range.to).toBe('2026-04-01T22:00:00.000Z');
    const custom = await t.gqlData(q, { f: { timeframe: 'CUSTOM', from: '2026-03-01T00:00:00Z', to: '2026-03-04T00:00:00Z' } }, token);
    expect(custom.usage.range.previousFrom).toBe('2026-02-26T00:00:00.000Z');
  });

  it('answers empty ranges with zeros and every bucket', async () => {
    const data = await t.gqlData(
      `{ usage(filter: { timeframe: CUSTOM, from: "2025-01-01T00:00:00Z", to: "2025-01-08T00:00:00Z" }) {
          totals { requests costUsd activeUsers sessions latencyP95Ms agentSuccessRate errorRate }
          series(granularity: DAY) { bucket requests activeUsers } breakdown(by: MODEL) { key } } }`,
      {},
      token,
    );
    expect(data.usage.totals).toEqual({ requests: 0, costUsd: 0, activeUsers: 0, sessions: 0, latencyP95Ms: null, agentSuccessRate: null, errorRate: 0 });
    expect(data.usage.series).toHaveLength(7);
    expect(data.usage.series.every((p: any) => p.requests === 0 && p.activeUsers === 0)).toBe(true);
    expect(data.usage.breakdown).toEqual([]);
  });

  it('picks AUTO granularities of about 30–60 buckets', async () => {
    const q = `query($f: UsageFilter) { usage(filter: $f) { series { bucket } } }`;
    const len = async (timeframe: string) => (await t.gqlData(q, { f: { timeframe } }, token)).usage.series.length;
    expect(await len('TODAY')).toBe(24);
    expect(await len('LAST_30_DAYS')).toBe(30);
    expect(await len('LAST_12_MONTHS')).toBeGreaterThanOrEqual(52);
  });
});
