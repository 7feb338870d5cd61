import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spanRebuild, spans } from '../../src/analytics/rollups/spans.js';
import type { TestServer } from '../support/server.js';
import { rng, startAnalyticsTenant } from './dataset.js';

/**
 * Sessions and runs are counted by the day they start and corrected at boundaries (see
 * engine/spans.ts). These events are built to hit every case: sessions crossing midnight, hour
 * edges and a three-day session, runs crossing hours, a run of two users and one of two
 * sub-accounts (answered from raw events), events arriving late and out of order, and batches
 * ingested concurrently on the same sessions. Every figure is compared with plain SQL.
 */
const NOW = new Date('2026-06-10T12:00:00Z');
const H = 3_600_000;

function events(): Record<string, unknown>[] {
  const r = rng(11);
  const out: Record<string, unknown>[] = [];
  let n = 0;
  const add = (ts: number, extra: Record<string, unknown>) =>
    out.push({ id: `sp-${n++}`, timestamp: new Date(ts).toISOString(), model: 'gpt-4o-mini', inputTokens: 10, outputTokens: 5, latencyMs: Math.floor(r() * 5000), status: r() < 0.1 ? 500 : 200, ...extra });
  const start = Date.parse('2026-05-20T00:00:00Z');
  for (let s = 0; s < 120; s++) {
    // Sessions of 10 min to 30 h starting anywhere: many cross midnight and hour edges.
    const t0 = start + Math.floor(r() * 20 * 24 * H);
    const len = s % 17 === 0 ? 30 * H : Math.floor(r() * 9 * H) + 600_000;
    const user = `u${s % 9}`;
    const agent = s % 3 === 0 ? undefined : `ag${s % 4}`;
    const sub = [undefined, 'eu', 'us'][s % 3];
    for (let i = 0; i < 6; i++) {
      const ts = t0 + Math.floor((len * i) / 5);
      // Agent events carry a run per agent, user and 2-hour slot (runs cross hour edges).
      const run = agent && i % 2 === 0 ? `run-${agent}-${user}-${Math.floor(ts / (2 * H))}` : undefined;
      add(ts, { sessionId: `sess-${s}`, userId: user, agentId: i === 5 && s % 5 === 0 ? undefined : agent, runId: run, subAccountId: sub });
    }
  }
  // A three-day session and a run shared by two users and by two sub-accounts.
  for (let i = 0; i < 8; i++) add(Date.parse('2026-05-25T20:00:00Z') + i * 9 * H, { sessionId: 'long', userId: 'u1', agentId: 'ag1' });
  add(Date.parse('2026-06-02T10:00:00Z'), { agentId: 'ag2', runId: 'shared', userId: 'u1' });
  add(Date.parse('2026-06-02T10:05:00Z'), { agentId: 'ag2', runId: 'shared', userId: 'u2', status: 503 });
  add(Date.parse('2026-06-03T10:00:00Z'), { agentId: 'ag3', runId: 'two-orgs', userId: 'u3', subAccountId: 'eu' });
  add(Date.parse('2026-06-03T10:05:00Z'), { agentId: 'ag3', runId: 'two-orgs', userId: 'u3', subAccountId: 'us' });
  // Out of order: shuffle, so a session's earliest event often arrives after later ones.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('sessions and runs from span tables', () => {
  let t: TestServer;
  let token: string;
  let db: pg.Client;
  let tenantId: number;
  let fold: (limit?: number) => Promise<number>;
  let total = 0;

  beforeAll(async () => {
    ({ t, token, db, tenantId, fold } = await startAnalyticsTenant(NOW));
    const key = await t.apiKey(['INGEST']);
    const all = events();
    // Small batches, four in flight: concurrent batches update the same sessions and runs.
    const batches: Record<string, unknown>[][] = [];
    total = all.length;
    for (let i = 0; i < all.length; i += 40) batches.push(all.slice(i, i + 40));
    for (let i = 0; i < batches.length; i += 4) {
      const results = await Promise.all(batches.slice(i, i + 4).map((b) => t.ingest(b, key).then((res) => res.json())));
      for (const body of results) expect(body.rejected).toEqual([]);
    }
  });
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  /** Sessions, mean duration, runs and successful runs per key over raw events. */
  async function reference(key: string, where: string, values: unknown[]) {
    const ev = `select e.*, ${key} as k from usage_event e where e.tenant_id = ${tenantId} and ${where}`;
    const { rows } = await db.query(
      `with ev as (${ev}),
        s as (select k, count(*)::float8 as sessions, avg(extract(epoch from d) * 1000)::float8 as dur from (
                select k, session_id, max(ts + coalesce(latency_ms, 0) * interval '1 millisecond') - min(ts) as d from ev where session_id is not null group by 1, 2) x group by k),
        r as (select k, count(*)::float8 as runs, count(*) filter (where not failed)::float8 as ok from (
                select k, bool_or(status >= 400) as failed from ev where run_id is not null group by k, run_id
                union all select k, status >= 400 from ev where run_id is null and agent_id is not null) x group by k)
       select coalesce(s.k, r.k) as k, s.sessions, s.dur, r.runs, r.ok from s full join r on coalesce(s.k::text, '-') = coalesce(r.k::text, '-')`,
      values,
    );
    return new Map(rows.map((x) => [x.k === null ? null : String(x.k), x]));
  }

  const FIELDS = 'sessions avgSessionDurationMs agentRuns agentSuccessRate';
  function expectRow(got: any, want: any, where: string) {
    expect(got.sessions, `${where} sessions`).toBe(want?.sessions ?? 0);
    if (want?.dur == null) expect(got.avgSessionDurationMs, where).toBeNull();
    else expect(got.avgSessionDurationMs, `${where} duration`).toBeCloseTo(want.dur, 3);
    expect(got.agentRuns, `${where} runs`).toBe(want?.runs ?? 0);
    if (want?.runs) expect(got.agentSuccessRate, `${where} success`).toBeCloseTo(want.ok / want.runs, 9);
  }

  function checks() {
    const ranges: [string, Record<string, unknown>][] = [
      ['last 30 days, UTC', { timeframe: 'LAST_30_DAYS', timezone: 'UTC' }],
      ['last 7 days, Berlin', { timeframe: 'LAST_7_DAYS', timezone: 'Europe/Berlin' }],
      ['custom range with odd instants', { timeframe: 'CUSTOM', from: '2026-05-24T13:17:05.250Z', to: '2026-06-04T02:44:59.999Z', timezone: 'UTC' }],
      ['inside the long session', { timeframe: 'CUSTOM', from: '2026-05-26T06:00:00Z', to: '2026-05-27T03:00:00Z', timezone: 'UTC' }],
    ];
    for (const [name, range] of ranges) {
      it(`totals: ${name}`, async () => {
        const data = await t.gqlData(`query($f: UsageFilter) { usage(filter: $f) { range { from to } totals { ${FIELDS} } } }`, { f: range }, token);
        const ref = await reference('null::text', 'e.ts >= $1 and e.ts < $2', [data.usage.range.from, data.usage.range.to]);
        expectRow(data.usage.totals, ref.get(null), name);
      });
    }

    const series: [string, Record<string, unknown>, string, string][] = [
      ['UTC days', { timeframe: 'LAST_30_DAYS', timezone: 'UTC' }, 'DAY', `date_trunc('day', e.ts, 'UTC')`],
      ['Berlin days', { timeframe: 'LAST_30_DAYS', timezone: 'Europe/Berlin' }, 'DAY', `date_trunc('day', e.ts, 'Europe/Berlin')`],
      ['New York hours', { timeframe: 'CUSTOM', from: '2026-05-25T20:30:00Z', to: '2026-05-27T04:00:00Z', timezone: 'America/New_York' }, 'HOUR', `date_trunc('hour', e.ts, 'America/New_York')`],
      ['UTC weeks', { timeframe: 'LAST_30_DAYS', timezone: 'UTC' }, 'WEEK', `date_trunc('week', e.ts, 'UTC')`],
    ];
    for (const [name, range, granularity, bucket] of series) {
      it(`series: ${name}`, async () => {
        const data = await t.gqlData(
          `query($f: UsageFilter, $g: Granularity) { usage(filter: $f) { range { from to } series(granularity: $g) { bucket ${FIELDS} } } }`,
          { f: range, g: granularity },
          token,
        );
        const ref = await reference(bucket, 'e.ts >= $1 and e.ts < $2', [data.usage.range.from, data.usage.range.to]);
        const byTime = new Map([...ref.entries()].map(([k, v]) => [new Date(k!).getTime(), v]));
        for (const p of data.usage.series) expectRow(p, byTime.get(new Date(p.bucket).getTime()), `${name} ${p.bucket}`);
      });
    }

    const breakdowns: [string, string, Record<string, unknown>, string][] = [
      ['AGENT', 'e.agent_id', {}, 'true'],
      ['SUB_ACCOUNT', 'e.org_id::text', {}, 'true'],
      ['USER', 'e.user_id', {}, 'true'],
      ['AGENT', 'e.agent_id', { agentIds: ['ag1', 'ag2'] }, `e.agent_id in ('ag1', 'ag2')`],
      ['USER', 'e.user_id', { subAccountIds: ['eu'] }, `e.org_id = (select id from organization where external_id = 'eu')`],
      // No start cube has both agent and user: units come from the span table alone.
      ['USER', 'e.user_id', { agentIds: ['ag1', 'ag3'] }, `e.agent_id in ('ag1', 'ag3')`],
    ];
    for (const [by, key, filter, where] of breakdowns) {
      it(`breakdown by ${by} with ${JSON.stringify(filter)}`, async () => {
        const f = { ...filter, timeframe: 'CUSTOM', from: '2026-05-22T07:30:00Z', to: '2026-06-06T00:00:00Z', timezone: 'UTC' };
        const data = await t.gqlData(`query($f: UsageFilter, $by: Dimension!) { usage(filter: $f) { breakdown(by: $by, limit: 100) { key ${FIELDS} } } }`, { f, by }, token);
        const ref = await reference(key, `e.ts >= $1 and e.ts < $2 and ${where}`, [f.from, f.to]);
        const rows = data.usage.breakdown;
        const orgKeys = (await db.query('select id, coalesce(external_id, id::text) as k from organization')).rows;
        for (const row of rows) {
          const k = by === 'SUB_ACCOUNT' ? String(orgKeys.find((o) => o.k === row.key)?.id ?? row.key) : row.key === '(none)' ? null : row.key;
          expectRow(row, ref.get(k), `${by} ${row.key}`);
        }
      });
    }
  }

  // The same figures whatever the summaries hold: every event still pending (read through the
  // pending table and recounted from raw), half of them folded (sessions and runs split between
  // the span tables and pending), and all folded.
  describe('every event pending', () => {
    it('has folded nothing yet', async () => {
      expect(Number((await db.query('select count(*) from rollup_pending')).rows[0].count)).toBe(total);
    });
    checks();
  });
  describe('half of the events folded', () => {
    beforeAll(async () => {
      expect(await fold(Math.floor(total / 2))).toBe(Math.floor(total / 2));
    });
    checks();
  });
  describe('every event folded', () => {
    beforeAll(async () => {
      expect(await fold()).toBe(total - Math.floor(total / 2));
      expect(Number((await db.query('select count(*) from rollup_pending')).rows[0].count)).toBe(0);
    });
    it('keeps every span and start cube equal to a rebuild from the events', async () => {
      for (const s of spans) {
        const measure = s.kind === 'runs' ? 'failed' : 'dur_us';
        const read = (table: string, cols: string) => db.query(`select ${cols}, units, ${measure} from ${table} where units <> 0 or ${measure} <> 0 order by ${cols}`);
        const live = await Promise.all(s.starts.map((c) => read(c.name, ['tenant_id', 'day', ...c.dims, 'mixed'].join(', '))));
        const spanRows = await db.query(`select * from ${s.name} order by 1, 2, 3`);
        await db.query('begin');
        try {
          for (const sql of spanRebuild(s)) await db.query(sql);
          for (const [i, c] of s.starts.entries()) {
            const rebuilt = await read(c.name, ['tenant_id', 'day', ...c.dims, 'mixed'].join(', '));
            expect(live[i].rows, c.name).toEqual(rebuilt.rows);
          }
          const fresh = await db.query(`select * from ${s.name} order by 1, 2, 3`);
          const strip = (rows: any[]) => rows.map((x) => Object.fromEntries(Object.entries(x).filter(([k]) => !k.startsWith('p_'))));
          expect(strip(spanRows.rows), s.name).toEqual(strip(fresh.rows));
        } finally {
          await db.query('rollback');
        }
      }
    });
    checks();
  });
  // Pending events that disagree with their unit's folded row (another user, another sub-account):
  // the unit is counted as the fold will merge it, mixed, so the engine must answer from raw events.
  describe('pending events that change a folded unit', () => {
    beforeAll(async () => {
      const key = await t.apiKey(['INGEST']);
      const at = (iso: string, extra: Record<string, unknown>) => ({ timestamp: iso, model: 'gpt-4o-mini', inputTokens: 10, outputTokens: 5, latencyMs: 900, ...extra });
      const first = [
        at('2026-06-04T10:00:00Z', { id: 'split-1', agentId: 'ag2', runId: 'split', userId: 'u5', sessionId: 'split-sess', subAccountId: 'us' }),
        at('2026-06-04T11:00:00Z', { id: 'grow-1', agentId: 'ag1', runId: 'grow', userId: 'u6', sessionId: 'grow-sess' }),
      ];
      const later = [
        at('2026-06-04T10:10:00Z', { id: 'split-2', agentId: 'ag2', runId: 'split', userId: 'u6', sessionId: 'split-sess', subAccountId: 'eu', status: 500 }),
        // Same attributes, longer and failed: the merged row alone must give the new duration and outcome.
        at('2026-06-04T13:30:00Z', { id: 'grow-2', agentId: 'ag1', runId: 'grow', userId: 'u6', sessionId: 'grow-sess', status: 503 }),
      ];
      expect((await (await t.ingest(first, key)).json()).rejected).toEqual([]);
      expect(await fold()).toBe(first.length);
      expect((await (await t.ingest(later, key)).json()).rejected).toEqual([]);
      expect(Number((await db.query('select count(*) from rollup_pending')).rows[0].count)).toBe(later.length);
    });
    checks();
  });
});
