import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, startTestServer, type TestServer } from '../support/server.js';

const PAGE = `query($filter: AuditFilter, $limit: Int, $offset: Int) {
  auditEvents(filter: $filter, limit: $limit, offset: $offset) { total rows { id at actor { kind id email } action target { type id } details organizationId } } }`;

/** Reading the audit log: filters by actor, action, target and time; CSV export; nothing can change it. */
describe('the audit log, read side', () => {
  let t: TestServer;
  let admin: string;
  let adminId: string;
  let subId: string;
  let keyId: string;

  beforeAll(async () => {
    t = await startTestServer();
    admin = await t.login();
    adminId = (await t.gqlData(`{ me { id } }`, {}, admin)).me.id;
    const created = await t.gqlData(`mutation { createApiKey(input: { name: "ops key", scopes: [ADMIN] }) { key apiKey { id } } }`, {}, admin);
    keyId = created.createApiKey.apiKey.id;
    const opsKey = created.createApiKey.key;
    subId = (await t.gqlData(`mutation { createSubAccount(input: { externalId: "audit-eu", name: "EU" }) { id } }`, {}, admin)).createSubAccount.id;
    const invited = await t.gqlData(`mutation { inviteMember(input: { email: "viewer@acme.test", role: VIEWER, password: "viewer-password" }) { id } }`, {}, admin);
    await t.gqlData(`mutation($id: ID!) { setMemberRole(id: $id, role: MEMBER) { id } }`, { id: invited.inviteMember.id }, admin);
    // Done with the API key, not a member: the actor is the key.
    await t.gqlData(`mutation { createAlertRule(input: { name: "by key", metric: COST, windowMinutes: 60, threshold: 10 }) { id } }`, {}, opsKey);
    // A sub-account's admin acts inside its sub-account.
    const subKey = (await t.gqlData(`mutation($s: ID!) { createApiKey(input: { name: "eu admin", scopes: [ADMIN], subAccountId: $s }) { key } }`, { s: subId }, admin)).createApiKey.key;
    await t.gqlData(`mutation { createAlertRule(input: { name: "eu rule", metric: REQUESTS, windowMinutes: 30, threshold: 100 }) { id } }`, {}, subKey);
    // An export is an audited action too.
    const csv = await fetch(`${t.url}/v1/reports/usage-by-model.csv?timeframe=LAST_30_DAYS&models=gpt-4o`, { headers: { authorization: `Bearer ${admin}` } });
    expect(csv.status).toBe(200);
    await csv.text();
  });
  afterAll(() => t?.stop());

  const page = async (filter: Record<string, unknown> = {}, limit = 100, offset = 0, token = admin) => (await t.gqlData(PAGE, { filter, limit, offset }, token)).auditEvents;

  it('lists entries newest first with who, what, which target and when', async () => {
    const { rows, total } = await page();
    expect(total).toBe(rows.length);
    expect(rows.map((r: any) => Number(r.id))).toEqual([...rows.map((r: any) => Number(r.id))].sort((a, b) => b - a));
    expect(rows[0]).toMatchObject({ action: 'export.csv', target: { type: 'report', id: 'usage-by-model' }, actor: { kind: 'MEMBER', id: adminId, email: ADMIN_EMAIL }, details: { filter: { timeframe: 'LAST_30_DAYS', models: 'gpt-4o' } } });
    expect(rows.find((r: any) => r.details?.name === 'by key')).toMatchObject({ action: 'alertRule.create', actor: { kind: 'API_KEY', id: keyId, email: null } });
  });

  it('filters by actor, action (exact or a family), target and time range, with paging', async () => {
    expect((await page({ actorApiKeyId: keyId })).rows.map((r: any) => r.action)).toEqual(['alertRule.create']);
    expect((await page({ actorEmail: 'ADMIN@test.local', actions: ['member.*'] })).rows.map((r: any) => r.action)).toEqual(['member.setRole', 'member.invite']);
    expect((await page({ actorId: adminId, actions: ['apiKey.create', 'subAccount.create'] })).total).toBe(3);
    const role = await page({ targetType: 'member', actions: ['member.setRole'] });
    expect((await page({ targetType: 'member', targetId: role.rows[0].target.id })).rows.map((r: any) => r.action)).toEqual(['member.setRole', 'member.invite']);

    const all = (await page()).rows;
    const middle = all[Math.floor(all.length / 2)];
    const before = await page({ to: middle.at });
    const after = await page({ from: middle.at });
    expect(before.total + after.total).toBe(all.length);
    expect(after.rows.every((r: any) => r.at >= middle.at)).toBe(true);

    const first = await page({}, 2, 0);
    const second = await page({}, 2, 2);
    expect(first.total).toBe(all.length);
    expect([...first.rows, ...second.rows].map((r: any) => r.id)).toEqual(all.slice(0, 4).map((r: any) => r.id));
  });

  it('refuses bad filters by field, and non-admins altogether', async () => {
    const bad = await t.gql(PAGE, { filter: { actions: ['drop table;'] } }, admin);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.actions.0' });
    const range = await t.gql(PAGE, { filter: { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' } }, admin);
    expect(range.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    const member = await t.login('viewer@acme.test', 'viewer-password');
    expect((await t.gql(PAGE, {}, member)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(PAGE, {}, await t.apiKey(['READ']))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it("shows a sub-account's admins their own entries only", async () => {
    const subKey = (await t.gqlData(`mutation($s: ID!) { createApiKey(input: { name: "eu reader", scopes: [ADMIN], subAccountId: $s }) { key } }`, { s: subId }, admin)).createApiKey.key;
    const { rows } = await page({}, 100, 0, subKey);
    expect(rows.map((r: any) => [r.action, r.organizationId])).toEqual([['alertRule.create', subId]]);
  });

  it('exports the same filter as CSV, streamed past one chunk, and records the export', async () => {
    // 2,500 more entries, so the export pages through the table.
    await t.server.services.pool.query(
      `insert into audit_event (tenant_id, org_id, at, actor_member_id, actor_email, action, target_type, target_id, details)
       select o.id, o.id, now() - make_interval(secs => i), $1, $2, 'bulk.test', 'thing', i::text, jsonb_build_object('note', 'a "quoted", comma')
         from organization o, generate_series(1, 2500) i where o.parent_id is null`,
      [Number(adminId), ADMIN_EMAIL],
    );
    const res = await fetch(`${t.url}/v1/audit.csv?action=bulk.*&actorId=${adminId}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await res.text()).trimEnd().split('\n');
    expect(lines[0]).toBe('id,at,actor_kind,actor_id,actor_email,action,target_type,target_id,organization_id,details');
    expect(lines).toHaveLength(2501);
    expect(lines[1]).toMatch(/^\d+,\d{4}-\d\d-\d\dT[\d:.]+Z,MEMBER,\d+,admin@test\.local,bulk\.test,thing,\d+,\d+,"{""note"":""a \\""quoted\\"", comma""}"$/);
    const exported = await page({ actions: ['audit.export'] });
    expect(exported.rows[0]).toMatchObject({ action: 'audit.export', actor: { id: adminId }, details: { filter: { actions: ['bulk.*'], actorId: adminId } } });

    expect((await fetch(`${t.url}/v1/audit.csv`)).status).toBe(401);
    const reader = await fetch(`${t.url}/v1/audit.csv`, { headers: { authorization: `Bearer ${await t.apiKey(['READ'])}` } });
    expect(reader.status).toBe(403);
    expect((await reader.json()).error.code).toBe('FORBIDDEN');
    const badParam = await fetch(`${t.url}/v1/audit.csv?who=me`, { headers: { authorization: `Bearer ${admin}` } });
    expect(badParam.status).toBe(400);
  });

  it('is append-only: no operation of the API changes an entry, and the database refuses it', async () => {
    const { __schema } = await t.gqlData(`{ __schema { mutationType { fields { name } } } }`, {}, admin);
    expect(__schema.mutationType.fields.map((f: { name: string }) => f.name).filter((n: string) => /audit/i.test(n))).toEqual([]);
    const pool = t.server.services.pool;
    await expect(pool.query(`update audit_event set action = 'rewritten' where action = 'apiKey.create'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`delete from audit_event`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`truncate audit_event`)).rejects.toThrow(/append-only/);
  });
});
