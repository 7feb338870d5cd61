import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/modules/accounts/passwords.js';
import { ManualClock } from '../../src/shared/clock.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { generateEvents } from './dataset.js';

const NOW = new Date('2026-04-01T10:00:00Z');
const PAGE_COLUMNS: Record<string, string> = {
  usageByAgent: 'agentName agentId modelUsed agentType totalRuns totalSessions avgRunsPerSession creditsConsumed inputTokensTotal outputTokensTotal avgLatencyMs p95LatencyMs errorRate costUsd',
  usageByUser: 'userEmail role userId totalRuns agentsCreated creditsConsumed inputTokensTotal outputTokensTotal costUsd requests lastActive',
  usageByModel: 'model provider requests costUsd costShare inputTokensTotal outputTokensTotal avgLatencyMs p95LatencyMs errorRate costPerRequest',
  usageBySubAccount: 'subAccountId subAccountName requests costUsd creditsConsumed inputTokensTotal outputTokensTotal activeUsers errorRate',
};
const ADDITIVE: Record<string, [string, string][]> = {
  usageByAgent: [['creditsConsumed', 'credits'], ['inputTokensTotal', 'inputTokens'], ['outputTokensTotal', 'outputTokens'], ['costUsd', 'costUsd']],
  usageByUser: [['creditsConsumed', 'credits'], ['inputTokensTotal', 'inputTokens'], ['costUsd', 'costUsd'], ['requests', 'requests']],
  usageByModel: [['requests', 'requests'], ['costUsd', 'costUsd'], ['inputTokensTotal', 'inputTokens'], ['outputTokensTotal', 'outputTokens']],
  usageBySubAccount: [['requests', 'requests'], ['costUsd', 'costUsd'], ['creditsConsumed', 'credits'], ['inputTokensTotal', 'inputTokens']],
};

describe('report pages, CSV exports and access', () => {
  let t: TestServer;
  let admin: string;
  let db: pg.Client;

  beforeAll(async () => {
    t = await startTestServer({ clock: new ManualClock(NOW) });
    admin = await t.login();
    const ids: Record<string, string> = {};
    for (const [externalId, name] of [['eu', 'Europe'], ['us', 'Americas']]) {
      ids[externalId] = (await t.gqlData(`mutation($i: CreateSubAccountInput!) { createSubAccount(input: $i) { id } }`, { i: { externalId, name } }, admin)).createSubAccount.id;
    }
    const invite = `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }`;
    await t.gqlData(invite, { i: { email: 'viewer@test.local', role: 'VIEWER', password: 'viewer-password' } }, admin);
    await t.gqlData(invite, { i: { email: 'u1@example.test', role: 'MEMBER', password: 'member-password' } }, admin);
    await t.gqlData(invite, { i: { email: 'eu-member@test.local', role: 'MEMBER', password: 'member-password', subAccountId: ids.eu } }, admin);
    const key = await t.apiKey(['INGEST']);
    const events = generateEvents(1500, new Date('2026-03-02T00:00:00Z'), new Date('2026-04-01T09:00:00Z'), 11);
    expect((await (await t.ingest(events, key)).json()).rejected).toEqual([]);

    // A second tenant with its own events: nothing of it may ever show up for the first.
    db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    const other = (await db.query(`insert into organization (name) values ('Other Co') returning id`)).rows[0].id;
    await db.query(`insert into member (org_id, email, role, password_hash) values ($1, 'other@test.local', 'ADMIN', $2)`, [other, await hashPassword('other-password')]);
    const otherToken = await t.login('other@test.local', 'other-password');
    const otherKey = (await t.gqlData(`mutation { createApiKey(input: { name: "k", scopes: [INGEST] }) { key } }`, {}, otherToken)).createApiKey.key;
    const res = await t.ingest(generateEvents(300, new Date('2026-03-20T00:00:00Z'), new Date('2026-03-31T00:00:00Z'), 99).map((e) => ({ ...e, subAccountId: undefined, userId: 'other-user' })), otherKey);
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  for (const page of Object.keys(PAGE_COLUMNS)) {
    it(`${page}: rows add up to totals, which equal usage.totals`, async () => {
      const data = await t.gqlData(
        `{ page: ${page}(filter: { timeframe: LAST_30_DAYS }, limit: 1000) { total rows { ${PAGE_COLUMNS[page]} } totals { requests costUsd credits inputTokens outputTokens } }
           usage(filter: { timeframe: LAST_30_DAYS }) { totals { requests costUsd credits inputTokens outputTokens } } }`,
        {},
        admin,
      );
      expect(data.page.totals).toEqual(data.usage.totals);
      expect(data.page.rows).toHaveLength(data.page.total);
      for (const [column, measure] of ADDITIVE[page]) {
        expect(data.page.rows.reduce((s: number, r: any) => s + r[column], 0), column).toBeCloseTo(data.usage.totals[measure], 6);
      }
    });

    it(`${page}: ordering by a numeric column is stable and pages concatenate`, async () => {
      const q = `query($o: UsageOrder, $l: Int, $s: Int) { ${page}(filter: { timeframe: LAST_90_DAYS }, orderBy: $o, limit: $l, offset: $s) { total rows { ${PAGE_COLUMNS[page]} } } }`;
      const orderBy = { field: 'REQUESTS', direction: 'ASC' };
      const all = (await t.gqlData(q, { o: orderBy, l: 1000, s: 0 }, admin))[page];
      const requests = all.rows.map((r: any) => r.requests ?? null);
      if (requests[0] !== null && requests[0] !== undefined) expect([...requests].sort((a, b) => a - b)).toEqual(requests);
      const pieces = [];
      for (let offset = 0; offset < all.total; offset += 3) pieces.push(...(await t.gqlData(q, { o: orderBy, l: 3, s: offset }, admin))[page].rows);
      expect(pieces).toEqual(all.rows);
      const again = (await t.gqlData(q, { o: orderBy, l: 1000, s: 0 }, admin))[page];
      expect(again.rows).toEqual(all.rows);
    });
  }

  // Percentiles and attributes are computed for the requested page's rows only, after ordering;
  // in Berlin the range has edge hours, so an agent's model comes from the agent × model cube
  // plus raw edges. Every figure of the page equals SQL over the raw events.
  for (const timezone of ['UTC', 'Europe/Berlin']) {
    it(`usageByAgent page 2 in ${timezone}: model, runs, sessions and p95 equal SQL`, async () => {
      const data = await t.gqlData(
        `query($f: UsageFilter) { usageByAgent(filter: $f, limit: 2, offset: 1, orderBy: { field: COST_USD, direction: DESC }) {
           rows { agentId modelUsed totalRuns totalSessions p95LatencyMs costUsd } }
           usage(filter: $f) { range { from to } } }`,
        { f: { timeframe: 'LAST_30_DAYS', timezone } },
        admin,
      );
      const { from, to } = data.usage.range;
      const rows = data.usageByAgent.rows as Record<string, any>[];
      expect(rows).toHaveLength(2);
      const tenant = (await db.query(`select org_id from member where email = 'admin@test.local'`)).rows[0].org_id;
      const { rows: ref } = await db.query(
        `with ev as (select * from usage_event where tenant_id = $1 and ts >= $2 and ts < $3 and agent_id = any($4::text[]))
         select a.agent_id,
                (select model from ev m where m.agent_id = a.agent_id group by model order by count(*) desc, model limit 1) as model,
                (select count(distinct run_id) from ev r where r.agent_id = a.agent_id) + (select count(*) from ev r where r.agent_id = a.agent_id and r.run_id is null) as runs,
                (select count(distinct session_id) from ev s where s.agent_id = a.agent_id) as sessions,
                (select percentile_cont(0.95) within group (order by latency_ms) from ev l where l.agent_id = a.agent_id) as p95
           from (select distinct agent_id from ev) a`,
        [tenant, from, to, rows.map((r) => r.agentId)],
      );
      for (const row of rows) {
        const want = ref.find((x) => x.agent_id === row.agentId)!;
        expect(row.modelUsed, row.agentId).toBe(want.model);
        expect(row.totalRuns, row.agentId).toBe(Number(want.runs));
        expect(row.totalSessions, row.agentId).toBe(Number(want.sessions));
        expect(Math.abs(row.p95LatencyMs - want.p95) / want.p95, row.agentId).toBeLessThanOrEqual(0.02);
      }
    });
  }

  it('orders by page-only columns and knows member roles', async () => {
    const data = await t.gqlData(
      `{ usageByModel(orderBy: { field: COST_SHARE, direction: DESC }) { rows { model costShare } }
         usageByUser(filter: { userIds: ["u1", "u2"] }) { rows { userId userEmail role lastActive } } }`,
      {},
      admin,
    );
    const shares = data.usageByModel.rows.map((r: any) => r.costShare);
    expect([...shares].sort((a, b) => b - a)).toEqual(shares);
    expect(shares.reduce((s: number, x: number) => s + x, 0)).toBeCloseTo(1, 9);
    const u1 = data.usageByUser.rows.find((r: any) => r.userId === 'u1');
    expect(u1).toMatchObject({ userEmail: 'u1@example.test', role: 'MEMBER' });
    expect(data.usageByUser.rows.find((r: any) => r.userId === 'u2').role).toBeNull();
  });

  it('writes CSV with snake_case headers, RFC 4180 quoting and every row', async () => {
    const res = await fetch(`${t.url}/v1/reports/usage-by-agent.csv?timeframe=LAST_90_DAYS&orderBy=REQUESTS&direction=DESC`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await res.text();
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('agent_name,agent_id,model_used,agent_type,total_runs,total_sessions,avg_runs_per_session,credits_consumed,input_tokens_total,output_tokens_total,avg_latency_ms,p95_latency_ms,error_rate,cost_usd');
    // Agent names hold a comma and quotes: quoted, quotes doubled.
    expect(text).toContain('"Agent, ""ag1"""');
    const page = await t.gqlData(`{ usageByAgent(filter: { timeframe: LAST_90_DAYS }, limit: 1000) { total } }`, {}, admin);
    expect(lines.length - 1).toBe(page.usageByAgent.total);
  });

  it('takes the filter from query parameters (lists repeated or comma-separated, properties)', async () => {
    const get = async (qs: string) => {
      const res = await fetch(`${t.url}/v1/reports/usage-by-model.csv?${qs}`, { headers: { authorization: `Bearer ${admin}` } });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.text()).trimEnd().split('\n').slice(1).map((l) => l.split(',')[0]).sort();
    };
    expect(await get('timeframe=LAST_90_DAYS&models=gpt-4o,gpt-4o-mini')).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(await get('timeframe=LAST_90_DAYS&models=gpt-4o&models=gpt-4o-mini')).toEqual(['gpt-4o', 'gpt-4o-mini']);
    const filtered = await t.gqlData(`{ usageByModel(filter: { timeframe: LAST_90_DAYS, properties: [{ key: "env", value: "prod" }], status: ERROR }) { total } }`, {}, admin);
    expect((await get('timeframe=LAST_90_DAYS&property.env=prod&status=ERROR')).length).toBe(filtered.usageByModel.total);
  });

  it('answers CSV errors as JSON', async () => {
    const cases: [string, number, string][] = [
      ['usage-by-model.csv?timezone=Nowhere/Land', 400, 'BAD_USER_INPUT'],
      ['usage-by-model.csv?timeframe=FOREVER', 400, 'BAD_USER_INPUT'],
      ['usage-by-model.csv?orderBy=NOPE', 400, 'BAD_USER_INPUT'],
      ['usage-by-model.csv?colour=red', 400, 'BAD_USER_INPUT'],
      ['usage-by-nothing.csv', 404, 'NOT_FOUND'],
    ];
    for (const [path, status, code] of cases) {
      const res = await fetch(`${t.url}/v1/reports/${path}`, { headers: { authorization: `Bearer ${admin}` } });
      expect(res.status, path).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    }
    const anonymous = await fetch(`${t.url}/v1/reports/usage-by-model.csv`);
    expect(anonymous.status).toBe(401);
    const ingestOnly = await fetch(`${t.url}/v1/reports/usage-by-model.csv`, { headers: { authorization: `Bearer ${await t.apiKey(['INGEST'])}` } });
    expect(ingestOnly.status).toBe(403);
    const readKey = await fetch(`${t.url}/v1/reports/usage-by-user.csv`, { headers: { authorization: `Bearer ${await t.apiKey(['READ'])}` } });
    expect(readKey.status).toBe(200);
  });

  it('gives a VIEWER no per-user export but the other pages', async () => {
    const viewer = await t.login('viewer@test.local', 'viewer-password');
    const users = await fetch(`${t.url}/v1/reports/usage-by-user.csv`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(users.status).toBe(403);
    expect((await users.json()).error.code).toBe('FORBIDDEN');
    const models = await fetch(`${t.url}/v1/reports/usage-by-model.csv`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(models.status).toBe(200);
  });

  it('scopes a sub-account member to that sub-account', async () => {
    const member = await t.login('eu-member@test.local', 'member-password');
    const mine = await t.gqlData(`{ usage(filter: { timeframe: LAST_90_DAYS }) { totals { requests } } usageBySubAccount(filter: { timeframe: LAST_90_DAYS }) { rows { subAccountId requests } } }`, {}, member);
    const adminView = await t.gqlData(`{ usage(filter: { timeframe: LAST_90_DAYS, subAccountIds: ["eu"] }) { totals { requests } } }`, {}, admin);
    expect(mine.usage.totals.requests).toBe(adminView.usage.totals.requests);
    expect(mine.usageBySubAccount.rows.map((r: any) => r.subAccountId)).toEqual(['eu']);
    const outside = await t.gql(`{ usage(filter: { subAccountIds: ["us"] }) { totals { requests } } }`, {}, member);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.subAccountIds' });
  });

  it('never shows another tenant', async () => {
    const data = await t.gqlData(`{ usage(filter: { timeframe: LAST_90_DAYS }) { totals { requests } breakdown(by: USER, limit: 1000) { key } } }`, {}, admin);
    const own = (await db.query(`select count(*)::int as n from usage_event where tenant_id = (select org_id from member where email = 'admin@test.local') and ts >= now() - interval '1 year'`)).rows[0].n;
    expect(data.usage.totals.requests).toBe(own);
    expect(data.usage.breakdown.map((r: any) => r.key)).not.toContain('other-user');
    const other = await t.login('other@test.local', 'other-password');
    const theirs = await t.gqlData(`{ usage(filter: { timeframe: LAST_90_DAYS }) { totals { requests } } }`, {}, other);
    expect(theirs.usage.totals.requests).toBe(300);
    const foreign = await t.gql(`{ usage(filter: { subAccountIds: ["eu"] }) { totals { requests } } }`, {}, other);
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('separates the parent from its sub-accounts with includeSubAccounts', async () => {
    const q = `query($f: UsageFilter) { usage(filter: $f) { totals { requests } } }`;
    const all = (await t.gqlData(q, { f: { timeframe: 'LAST_90_DAYS' } }, admin)).usage.totals.requests;
    const own = (await t.gqlData(q, { f: { timeframe: 'LAST_90_DAYS', includeSubAccounts: false } }, admin)).usage.totals.requests;
    const eu = (await t.gqlData(q, { f: { timeframe: 'LAST_90_DAYS', subAccountIds: ['eu'] } }, admin)).usage.totals.requests;
    const us = (await t.gqlData(q, { f: { timeframe: 'LAST_90_DAYS', subAccountIds: ['us'] } }, admin)).usage.totals.requests;
    expect(own).toBeGreaterThan(0);
    expect(own + eu + us).toBe(all);
  });

  it('rejects bad filters with BAD_USER_INPUT naming the argument', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ timezone: 'Mars/Olympus' }, 'filter.timezone'],
      [{ timeframe: 'CUSTOM', from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'filter.to'],
      [{ timeframe: 'CUSTOM', from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'filter.to'],
      [{ timeframe: 'CUSTOM', from: '2024-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'filter.from'],
      [{ timeframe: 'CUSTOM', to: '2026-03-01T00:00:00Z' }, 'filter.from'],
      [{ timeframe: 'LAST_7_DAYS', from: '2026-03-01T00:00:00Z' }, 'filter.from'],
      [{ properties: [{ key: 'bad key!', value: 'x' }] }, 'filter.properties'],
      [{ subAccountIds: ['nope'] }, 'filter.subAccountIds'],
      [{ models: [''] }, 'filter.models'],
    ];
    for (const [filter, field] of cases) {
      const res = await t.gql(`query($f: UsageFilter) { usage(filter: $f) { range { from } } }`, { f: filter }, admin);
      expect(res.errors?.[0].extensions, JSON.stringify(filter)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const badKey = await t.gql(`{ usage { breakdown(by: PROPERTY, propertyKey: "a b") { key } } }`, {}, admin);
    expect(badKey.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'propertyKey' });
    const noKey = await t.gql(`{ usage { breakdown(by: PROPERTY) { key } } }`, {}, admin);
    expect(noKey.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'propertyKey' });
    const badEnum = await t.gql(`{ usage(filter: { timeframe: SOMETIME }) { range { from } } }`, {}, admin);
    expect(badEnum.errors?.[0].extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });
});
