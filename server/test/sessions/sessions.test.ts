import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createTenant } from '../support/tenants.js';
import { makeSessionEvents } from './events.js';

const NOW = new Date('2026-03-10T12:00:00Z');
const RANGE = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-08T00:00:00.000Z' };
const FILTER = { timeframe: 'CUSTOM', from: RANGE.from, to: RANGE.to, timezone: 'UTC' };
const ROW = 'sessionId sessionName userId agentId subAccountId firstEventAt lastEventAt durationMs requests errors costUsd totalTokens';

const SESSIONS = `query($f: UsageFilter, $o: SessionOrder, $l: Int, $s: Int) { sessions(filter: $f, orderBy: $o, limit: $l, offset: $s) { total rows { ${ROW} } } }`;

/** The same figures, from plain SQL over usage_event: what every answer is checked against. */
const EXPECTED_SQL = `
  select e.session_id as "sessionId",
         (array_agg(e.session_name order by e.ts, e.event_id) filter (where e.session_name is not null))[1] as "sessionName",
         (array_agg(e.user_id order by e.ts, e.event_id) filter (where e.user_id is not null))[1] as "userId",
         (array_agg(e.agent_id order by e.ts, e.event_id) filter (where e.agent_id is not null))[1] as "agentId",
         (array_agg(case when o.parent_id is null then null else o.external_id end order by e.ts, e.event_id))[1] as "subAccountId",
         min(e.ts) as first, max(e.ts) as last,
         extract(epoch from max(e.ts + coalesce(e.latency_ms, 0) * interval '1 ms') - min(e.ts)) * 1000 as "durationMs",
         count(*)::int as requests, (count(*) filter (where e.status >= 400))::int as errors,
         coalesce(sum(e.cost_nanos) filter (where not e.cache_hit), 0)::float8 / 1e9 as "costUsd",
         sum(e.input_tokens + e.output_tokens)::int as "totalTokens"
    from usage_event e join organization o on o.id = e.org_id
   where e.tenant_id = $1 and e.ts >= $2 and e.ts < $3 and e.session_id is not null and ($4::text[] is null or e.model = any($4))
     and ($5::int[] is null or e.org_id = any($5))
   group by e.session_id`;

describe('sessions, one session and the most expensive requests', () => {
  let t: TestServer;
  let admin: string;
  let db: pg.Client;
  let tenantId: number;
  let euOrgId: number;
  let otherAdmin: string;

  async function expectedSessions(opts: { models?: string[]; orgIds?: number[] } = {}) {
    const { rows } = await db.query(EXPECTED_SQL, [tenantId, RANGE.from, RANGE.to, opts.models ?? null, opts.orgIds ?? null]);
    return new Map(rows.map((r) => [r.sessionId, { ...r, firstEventAt: r.first.toISOString(), lastEventAt: r.last.toISOString(), durationMs: Number(r.durationMs), first: undefined, last: undefined }]));
  }
  function expectRowMatches(row: any, expected: any) {
    expect(expected, row.sessionId).toBeDefined();
    const { costUsd, durationMs, ...rest } = row;
    const { costUsd: c, durationMs: d, first: _f, last: _l, ...want } = expected;
    expect(rest).toEqual(want);
    expect(costUsd).toBeCloseTo(c, 9);
    expect(durationMs).toBeCloseTo(d, 3);
  }

  beforeAll(async () => {
    t = await startTestServer({ clock: new ManualClock(NOW) });
    admin = await t.login();
    const subAccountIds: Record<string, string> = {};
    for (const [externalId, name] of [['eu', 'Europe'], ['us', 'Americas']]) {
      subAccountIds[externalId] = (await t.gqlData(`mutation($i: CreateSubAccountInput!) { createSubAccount(input: $i) { id } }`, { i: { externalId, name } }, admin)).createSubAccount.id;
    }
    const invite = `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }`;
    await t.gqlData(invite, { i: { email: 'viewer@test.local', role: 'VIEWER', password: 'viewer-password' } }, admin);
    await t.gqlData(invite, { i: { email: 'eu-member@test.local', role: 'MEMBER', password: 'member-password', subAccountId: subAccountIds.eu } }, admin);
    const key = await t.apiKey(['INGEST']);
    const events = [
      ...makeSessionEvents({ prefix: 'a', from: RANGE.from, days: 7, sessions: 120 }),
      // After the range: a session continuing past `to` counts only its events before it.
      ...makeSessionEvents({ prefix: 'late', sessionPrefix: 'late', from: '2026-03-07T23:58:00Z', days: 0.001, sessions: 2 }),
      // Before the range: a session that started before `from` counts from its first event inside.
      ...makeSessionEvents({ prefix: 'early', sessionPrefix: 'early', from: '2026-02-28T23:58:00Z', days: 0.001, sessions: 2 }),
      // Requests without a session: never a session, but candidates for the most expensive requests.
      { id: 'solo-1', timestamp: '2026-03-03T10:00:00Z', model: 'gpt-4o', costUsd: 0.9, inputTokens: 5000, outputTokens: 900, userId: 'user-<b>' },
      { id: 'solo-cached', timestamp: '2026-03-03T11:00:00Z', model: 'gpt-4o', costUsd: 5, cacheHit: true, inputTokens: 10, outputTokens: 10 },
      { id: 'solo-outside', timestamp: '2026-03-08T00:00:00Z', model: 'gpt-4o', costUsd: 7, inputTokens: 10, outputTokens: 10 },
    ];
    expect((await (await t.ingest(events, key)).json()).rejected).toEqual([]);

    db = new pg.Client({ connectionString: t.db.url });
    await db.connect();
    tenantId = (await db.query(`select tenant_id from usage_event where event_id = 'solo-1'`)).rows[0].tenant_id;
    euOrgId = (await db.query(`select id from organization where external_id = 'eu'`)).rows[0].id;

    // A second customer with the same session ids: none of it may show up for the first.
    const other = await createTenant(t, 'Other Co');
    otherAdmin = await t.login(other.adminEmail, other.adminPassword);
    const otherKey = (await t.gqlData(`mutation { createApiKey(input: { name: "k", scopes: [INGEST] }) { key } }`, {}, otherAdmin)).createApiKey.key;
    const res = await t.ingest(makeSessionEvents({ prefix: 'o', from: RANGE.from, days: 7, sessions: 30, subAccounts: [undefined] }).map((e) => ({ ...e, costUsd: 3 })), otherKey);
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it('lists every session with events in range, with figures equal to plain SQL, last active first by default', async () => {
    const expected = await expectedSessions();
    const { sessions } = await t.gqlData(SESSIONS, { f: FILTER, l: 500 }, admin);
    expect(sessions.total).toBe(expected.size);
    expect(sessions.rows).toHaveLength(expected.size);
    for (const row of sessions.rows) expectRowMatches(row, expected.get(row.sessionId));
    const last = sessions.rows.map((r: any) => r.lastEventAt);
    expect(last).toEqual([...last].sort().reverse());
    // Sessions straddling the range count only their events inside it; sub-accounts by external id.
    expect(new Set(sessions.rows.map((r: any) => r.subAccountId))).toEqual(new Set([null, 'eu', 'us']));
    expect(sessions.rows.every((r: any) => r.firstEventAt >= RANGE.from && r.lastEventAt < RANGE.to)).toBe(true);
    for (const straddling of ['early-1', 'late-1']) {
      const all = (await db.query(`select count(*)::int as n from usage_event where tenant_id = $1 and session_id = $2`, [tenantId, straddling])).rows[0].n;
      const row = sessions.rows.find((r: any) => r.sessionId === straddling);
      expect(row.requests).toBeGreaterThan(0);
      expect(row.requests).toBeLessThan(all);
    }
  });

  for (const field of ['LAST_ACTIVE', 'COST_USD', 'REQUESTS', 'DURATION'] as const) {
    for (const direction of ['ASC', 'DESC'] as const) {
      it(`orders by ${field} ${direction}, ties by session id, and its pages concatenate`, async () => {
        const all = (await t.gqlData(SESSIONS, { f: FILTER, o: { field, direction }, l: 500 }, admin)).sessions;
        const value = (r: any) => ({ LAST_ACTIVE: Date.parse(r.lastEventAt), COST_USD: r.costUsd, REQUESTS: r.requests, DURATION: r.durationMs })[field];
        const sign = direction === 'ASC' ? 1 : -1;
        for (let i = 1; i < all.rows.length; i++) {
          const [a, b] = [all.rows[i - 1], all.rows[i]];
          const cmp = value(a) === value(b) ? (a.sessionId < b.sessionId ? -1 : 1) : value(a) < value(b) ? -1 : 1;
          expect(cmp * sign, `${a.sessionId} before ${b.sessionId}`).toBe(-1);
        }
        const pieces = [];
        for (let offset = 0; offset < all.total; offset += 37) {
          const page = (await t.gqlData(SESSIONS, { f: FILTER, o: { field, direction }, l: 37, s: offset }, admin)).sessions;
          expect(page.total).toBe(all.total);
          pieces.push(...page.rows);
        }
        expect(pieces).toEqual(all.rows);
      });
    }
  }

  it('applies the filter to the figures: a model filter counts only that model’s events of each session', async () => {
    const expected = await expectedSessions({ models: ['gpt-4o'] });
    const { sessions } = await t.gqlData(SESSIONS, { f: { ...FILTER, models: ['gpt-4o'] }, l: 500 }, admin);
    expect(sessions.total).toBe(expected.size);
    for (const row of sessions.rows) expectRowMatches(row, expected.get(row.sessionId));
  });

  it('scopes to the caller: a sub-account member sees only its sessions, a viewer may list them, another tenant sees none of ours', async () => {
    const eu = await t.login('eu-member@test.local', 'member-password');
    const expected = await expectedSessions({ orgIds: [euOrgId] });
    const { sessions } = await t.gqlData(SESSIONS, { f: FILTER, l: 500 }, eu);
    expect(sessions.total).toBe(expected.size);
    for (const row of sessions.rows) expectRowMatches(row, expected.get(row.sessionId));
    expect(new Set(sessions.rows.map((r: any) => r.subAccountId))).toEqual(new Set(['eu']));

    const viewer = await t.login('viewer@test.local', 'viewer-password');
    expect((await t.gqlData(SESSIONS, { f: FILTER, l: 1 }, viewer)).sessions.total).toBe((await expectedSessions()).size);

    const theirs = (await t.gqlData(SESSIONS, { f: FILTER, l: 500 }, otherAdmin)).sessions;
    expect(theirs.total).toBe(30);
    expect(theirs.rows.every((r: any) => r.costUsd > 0 && r.costUsd % 3 === 0)).toBe(true);
  });

  it('refuses bad arguments as BAD_USER_INPUT naming the argument', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ l: 0 }, 'limit'],
      [{ l: 501 }, 'limit'],
      [{ s: -1 }, 'offset'],
      [{ f: { ...FILTER, timezone: 'Mars/Olympus' } }, 'filter.timezone'],
      [{ f: { ...FILTER, subAccountIds: ['nowhere'] } }, 'filter.subAccountIds'],
    ];
    for (const [vars, field] of cases) {
      const res = await t.gql(SESSIONS, { f: FILTER, ...vars }, admin);
      expect(res.errors?.[0].extensions, field).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await t.gql(SESSIONS, { f: FILTER })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers one session: its figures as in the list and its events oldest first, equal to plain SQL', async () => {
    const expected = await expectedSessions();
    const id = [...expected.values()].sort((a: any, b: any) => b.requests - a.requests)[0].sessionId;
    const { session } = await t.gqlData(
      `query($id: String!, $f: UsageFilter) { session(id: $id, filter: $f) { ${ROW} events { eventId ts model status latencyMs costUsd cacheHit inputTokens outputTokens totalTokens userId agentId runId error } } }`,
      { id, f: FILTER },
      admin,
    );
    const { events, ...row } = session;
    expectRowMatches(row, expected.get(id));
    const { rows } = await db.query(
      `select event_id, ts, model, status, latency_ms, cost_nanos, input_tokens, output_tokens, user_id, agent_id, run_id, error
         from usage_event where tenant_id = $1 and session_id = $2 and ts >= $3 and ts < $4 order by ts, event_id`,
      [tenantId, id, RANGE.from, RANGE.to],
    );
    expect(events.map((e: any) => e.eventId)).toEqual(rows.map((r) => r.event_id));
    expect(events.map((e: any) => [e.ts, e.model, e.status, e.latencyMs, e.inputTokens + e.outputTokens, e.userId, e.agentId, e.runId, e.error])).toEqual(
      rows.map((r) => [r.ts.toISOString(), r.model, r.status, r.latency_ms, r.input_tokens + r.output_tokens, r.user_id, r.agent_id, r.run_id, r.error]),
    );
    events.forEach((e: any, i: number) => (rows[i].cost_nanos === null ? expect(e.costUsd).toBeNull() : expect(e.costUsd).toBeCloseTo(Number(rows[i].cost_nanos) / 1e9, 9)));
    expect(events.reduce((s: number, e: any) => s + (e.cacheHit ? 0 : (e.costUsd ?? 0)), 0)).toBeCloseTo(row.costUsd, 9);
  });

  it('answers null for a session outside the caller’s scope or range', async () => {
    const q = `query($id: String!, $f: UsageFilter) { session(id: $id, filter: $f) { sessionId requests } }`;
    const rootSession = (await db.query(`select session_id from usage_event e join organization o on o.id = e.org_id where e.tenant_id = $1 and o.parent_id is null and e.session_id is not null and e.ts >= $2 and e.ts < $3 limit 1`, [tenantId, RANGE.from, RANGE.to])).rows[0].session_id;
    expect((await t.gqlData(q, { id: rootSession, f: FILTER }, admin)).session).not.toBeNull();
    expect((await t.gqlData(q, { id: rootSession, f: FILTER }, await t.login('eu-member@test.local', 'member-password'))).session).toBeNull();
    expect((await t.gqlData(q, { id: 'no-such-session', f: FILTER }, admin)).session).toBeNull();
    expect((await t.gqlData(q, { id: rootSession, f: { ...FILTER, from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z' } }, admin)).session).toBeNull();
    // The other tenant has a sess-0 of its own: each sees only its events.
    const ours = (await t.gqlData(q, { id: 'sess-0', f: FILTER }, admin)).session;
    const theirs = (await t.gqlData(q, { id: 'sess-0', f: FILTER }, otherAdmin)).session;
    const count = async (tenant: number) => Number((await db.query(`select count(*) from usage_event where tenant_id = $1 and session_id = 'sess-0' and ts >= $2 and ts < $3`, [tenant, RANGE.from, RANGE.to])).rows[0].count);
    expect(ours.requests).toBe(await count(tenantId));
    expect(theirs.requests).toBe(await count((await db.query(`select tenant_id from usage_event where event_id = 'o-0-0'`)).rows[0].tenant_id));
  });

  it('lists the most expensive requests of the range, equal to plain SQL, spend only', async () => {
    const q = `query($f: UsageFilter, $l: Int) { topRequests(filter: $f, limit: $l) { eventId ts model provider userId agentId sessionId status latencyMs inputTokens outputTokens costUsd } }`;
    const { topRequests } = await t.gqlData(q, { f: FILTER, l: 25 }, admin);
    const { rows } = await db.query(
      `select event_id, ts, model, provider, user_id, agent_id, session_id, status, latency_ms, input_tokens, output_tokens, cost_nanos
         from usage_event where tenant_id = $1 and ts >= $2 and ts < $3 and cost_nanos is not null and not cache_hit
        order by cost_nanos desc, ts desc, event_id limit 25`,
      [tenantId, RANGE.from, RANGE.to],
    );
    expect(topRequests[0].eventId).toBe('solo-1');
    expect(topRequests.map((r: any) => [r.eventId, r.ts, r.model, r.provider, r.userId, r.agentId, r.sessionId, r.status, r.latencyMs, r.inputTokens, r.outputTokens])).toEqual(
      rows.map((r) => [r.event_id, r.ts.toISOString(), r.model, r.provider, r.user_id, r.agent_id, r.session_id, r.status, r.latency_ms, r.input_tokens, r.output_tokens]),
    );
    topRequests.forEach((r: any, i: number) => expect(r.costUsd).toBeCloseTo(Number(rows[i].cost_nanos) / 1e9, 9));
    expect(topRequests.map((r: any) => r.eventId)).not.toContain('solo-cached');

    const eu = (await t.gqlData(q, { f: FILTER, l: 100 }, await t.login('eu-member@test.local', 'member-password'))).topRequests;
    const euIds = new Set((await db.query(`select event_id from usage_event where org_id = $1`, [euOrgId])).rows.map((r) => r.event_id));
    expect(eu.length).toBe(100);
    expect(eu.every((r: any) => euIds.has(r.eventId))).toBe(true);

    for (const l of [0, 101]) expect((await t.gql(q, { f: FILTER, l }, admin)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  });
});
