import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRollups, rebuildStatements } from '../../src/analytics/rollups/register.js';
import { WEEK_MARK_TABLE, weekTwins } from '../../src/analytics/rollups/week-mark.js';
import type { TestServer } from '../support/server.js';
import { generateEvents, startAnalyticsTenant } from './dataset.js';

/**
 * Week twins hold only weeks before the week mark (rollups/week-mark.ts): events of the current
 * week go to the day twins alone, reads take those weeks from days, and the first fold of a new
 * week builds the closed weeks from the day twins. Live events (the real current week, the fold
 * decides with the database clock), every read checked against SQL over the raw events.
 */
const DAY = 86_400_000;
const NOW = new Date();
// This UTC week's Monday: the mark a fresh database starts with.
const MARK = new Date(Math.floor((NOW.getTime() - 4 * DAY) / (7 * DAY)) * 7 * DAY + 4 * DAY);
// Three whole weeks, the current one included: the planner reads week twins for all three.
const FROM = new Date(MARK.getTime() - 14 * DAY);
const TO = new Date(MARK.getTime() + 7 * DAY);

describe('week twins up to the week mark', () => {
  let t: TestServer;
  let token: string;
  let db: pg.Client;
  let tenantId: number;
  let fold: () => Promise<number>;
  let key: string;

  beforeAll(async () => {
    ({ t, token, db, tenantId, fold } = await startAnalyticsTenant(NOW));
    key = await t.apiKey(['INGEST']);
  });
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  async function ingest(count: number, from: Date, to: Date, seed: number) {
    const body = await (await t.ingest(generateEvents(count, from, to, seed), key)).json();
    expect(body.rejected).toEqual([]);
  }

  const mark = async () => (await db.query(`select week from ${WEEK_MARK_TABLE}`)).rows[0]?.week as Date | undefined;

  /** Users, agents' models and p95 over the three whole weeks, through GraphQL and by SQL over the raw events. */
  async function expectReadsEqualSql() {
    const f = { timeframe: 'CUSTOM', from: FROM.toISOString(), to: TO.toISOString(), timezone: 'UTC' };
    const data = await t.gqlData(
      `query($f: UsageFilter) {
         usage(filter: $f) { breakdown(by: USER, limit: 1000) { key requests costUsd } }
         usageByAgent(filter: $f, limit: 1000) { rows { agentId modelUsed p95LatencyMs costUsd } } }`,
      { f },
      token,
    );
    const window = [tenantId, FROM, TO];
    const { rows: users } = await db.query(
      `select user_id as key, count(*)::int as requests, coalesce(sum(cost_nanos) filter (where not cache_hit), 0)::float8 / 1e9 as cost
         from usage_event where tenant_id = $1 and ts >= $2 and ts < $3 group by 1`,
      window,
    );
    const got = new Map((data.usage.breakdown as { key: string; requests: number; costUsd: number }[]).map((r) => [r.key === '(none)' ? null : r.key, r]));
    expect(got.size).toBe(users.length);
    for (const u of users) {
      expect(got.get(u.key)?.requests, String(u.key)).toBe(u.requests);
      expect(got.get(u.key)?.costUsd, String(u.key)).toBeCloseTo(u.cost, 9);
    }
    const { rows: agents } = await db.query(
      `with ev as (select * from usage_event where tenant_id = $1 and ts >= $2 and ts < $3 and agent_id is not null)
       select a.agent_id,
              (select model from ev m where m.agent_id = a.agent_id group by model order by count(*) desc, model limit 1) as model,
              (select percentile_cont(0.95) within group (order by latency_ms) from ev l where l.agent_id = a.agent_id) as p95,
              (select coalesce(sum(cost_nanos) filter (where not cache_hit), 0)::float8 / 1e9 from ev c where c.agent_id = a.agent_id) as cost
         from (select distinct agent_id from ev) a`,
      window,
    );
    // The page's row of events without an agent is not an agent's: compared by the user totals above.
    const rows = (data.usageByAgent.rows as { agentId: string | null; modelUsed: string; p95LatencyMs: number; costUsd: number }[]).filter((r) => r.agentId !== null);
    expect(rows.map((r) => r.agentId).sort()).toEqual(agents.map((a) => a.agent_id).sort());
    for (const a of agents) {
      const row = rows.find((r) => r.agentId === a.agent_id)!;
      expect(row.modelUsed, a.agent_id).toBe(a.model);
      expect(row.costUsd, a.agent_id).toBeCloseTo(a.cost, 9);
      expect(Math.abs(row.p95LatencyMs - a.p95) / a.p95, a.agent_id).toBeLessThanOrEqual(0.02);
    }
  }

  /** Every week twin's rows before the mark, as folded and as rebuilt from the raw events. */
  async function expectClosedWeeksEqualRebuild() {
    const m = await mark();
    const read = async () => Promise.all(weekTwins.map(async ({ week }) => (await db.query(`select x::text as row from ${week.name} x where week < $1 order by 1`, [m])).rows.map((r) => r.row)));
    const folded = await read();
    await db.query('begin');
    try {
      for (const sql of rebuildStatements(weekTwins.map((w) => w.week))) await db.query(sql);
      const rebuilt = await read();
      for (const [i, { week }] of weekTwins.entries()) {
        expect(folded[i].length, week.name).toBeGreaterThan(0);
        expect(folded[i], week.name).toEqual(rebuilt[i]);
      }
    } finally {
      await db.query('rollback');
    }
  }

  it('folds the current week into day twins only, and reads it from them', async () => {
    expect(await mark()).toEqual(MARK);
    await ingest(900, FROM, NOW, 31);
    await fold();
    for (const { week } of weekTwins) {
      const { rows } = await db.query(`select count(*)::int as n from ${week.name} where tenant_id = $1 and week >= $2`, [tenantId, MARK]);
      expect(rows[0].n, week.name).toBe(0);
    }
    await expectReadsEqualSql();
    await expectClosedWeeksEqualRebuild();
  });

  it('builds closed weeks from the day twins at the first fold of a new week', async () => {
    // As if the mark had stood two weeks back while those weeks were open: their week rows are
    // not there yet, and reads take them from days.
    await db.query(`update ${WEEK_MARK_TABLE} set week = $1`, [FROM]);
    for (const { week } of weekTwins) await db.query(`delete from ${week.name} where week >= $1`, [FROM]);
    await expectReadsEqualSql();
    // Late events for a closed week and for the weeks being closed arrive with new ones.
    await ingest(300, new Date(FROM.getTime() - 3 * DAY), NOW, 32);
    await fold();
    expect(await mark()).toEqual(MARK);
    await expectReadsEqualSql();
    await expectClosedWeeksEqualRebuild();
  });

  it('ignores week rows at or after the mark: a rebuild writes the current week, folds leave it', async () => {
    await rebuildRollups(t.server.services.pool);
    const { rows } = await db.query(`select count(*)::int as n from rollup_user_week where tenant_id = $1 and week = $2`, [tenantId, MARK]);
    expect(rows[0].n).toBeGreaterThan(0);
    await ingest(200, MARK, NOW, 33);
    await fold();
    await expectReadsEqualSql();
    await expectClosedWeeksEqualRebuild();
  });
});
