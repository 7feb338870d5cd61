import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, startTestServer, type TestServer } from '../support/server.js';
import { sql } from './helpers.js';

/** Every admin mutation leaves one audit entry (who, what, target, when), and entries cannot be rewritten. */
describe('the audit log', () => {
  let t: TestServer;
  let admin: string;
  let adminId: number;
  let tenantId: number;

  beforeAll(async () => {
    t = await startTestServer();
    admin = await t.login();
    adminId = Number((await t.gqlData(`{ me { id } }`, {}, admin)).me.id);
    tenantId = (await sql(t, `select id from organization where parent_id is null`))[0].id;
  });
  afterAll(() => t?.stop());

  /** Runs an admin mutation and returns the audit rows it added. */
  const audited = async (query: string, variables: Record<string, unknown> = {}, token = admin) => {
    const [{ max }] = await sql(t, `select coalesce(max(id), 0)::int as max from audit_event`);
    const data = await t.gqlData(query, variables, token);
    const rows = await sql(t, `select * from audit_event where id > $1 order by id`, [max]);
    return { data, rows };
  };

  it('records each admin mutation with the acting member, the target and the time', async () => {
    const before = Date.now();
    const key = await audited(`mutation { createApiKey(input: { name: "ci", scopes: [INGEST] }) { apiKey { id } } }`);
    expect(key.rows).toEqual([
      expect.objectContaining({
        tenant_id: tenantId, actor_member_id: adminId, actor_api_key_id: null, actor_email: ADMIN_EMAIL,
        action: 'apiKey.create', target_type: 'apiKey', target_id: key.data.createApiKey.apiKey.id,
        details: expect.objectContaining({ name: 'ci', scopes: ['INGEST'] }),
      }),
    ]);
    expect(key.rows[0].at.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    const keyId = key.data.createApiKey.apiKey.id;

    const actions: [string, string, Record<string, unknown>?][] = [
      ['apiKey.revoke', `mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: keyId }],
      ['subAccount.create', `mutation { createSubAccount(input: { externalId: "acme-eu", name: "Acme EU" }) { id } }`],
      ['member.invite', `mutation { inviteMember(input: { email: "m@test.local", role: VIEWER }) { id } }`],
      ['organization.update', `mutation { updateOrganization(input: { name: "Renamed", creditsPerUsd: 500 }) { name } }`],
      ['priceOverride.set', `mutation { setPriceOverride(input: { model: "gpt-4o-mini", inputUsdPerMtok: 1, outputUsdPerMtok: 2 }) { model } }`],
      ['priceOverride.delete', `mutation { deletePriceOverride(model: "gpt-4o-mini") }`],
    ];
    for (const [action, query, variables] of actions) {
      const { rows } = await audited(query, variables);
      expect(rows.map((r) => r.action), action).toEqual([action]);
      expect(rows[0].actor_member_id).toBe(adminId);
    }

    const [member] = await sql(t, `select id from member where email = 'm@test.local'`);
    const role = await audited(`mutation($id: ID!) { setMemberRole(id: $id, role: MEMBER) { id } }`, { id: String(member.id) });
    expect(role.rows).toEqual([expect.objectContaining({ action: 'member.setRole', target_id: String(member.id), details: { email: 'm@test.local', from: 'VIEWER', to: 'MEMBER' } })]);
    const removed = await audited(`mutation($id: ID!) { removeMember(id: $id) }`, { id: String(member.id) });
    expect(removed.rows).toEqual([expect.objectContaining({ action: 'member.remove', target_id: String(member.id) })]);

    const update = (await sql(t, `select details from audit_event where action = 'organization.update'`))[0].details;
    expect(update.before).toMatchObject({ creditsPerUsd: 1000 });
    expect(update.after).toMatchObject({ name: 'Renamed', creditsPerUsd: 500 });
  });

  it('records the API key as the actor when an ADMIN key acts', async () => {
    const adminKey = await t.apiKey(['ADMIN']);
    const { rows } = await audited(`mutation { createApiKey(input: { name: "by key", scopes: [READ] }) { key } }`, {}, adminKey);
    const [keyRow] = await sql(t, `select id from api_key where name = $1`, ['test ADMIN']);
    expect(rows).toEqual([expect.objectContaining({ action: 'apiKey.create', actor_member_id: null, actor_email: null, actor_api_key_id: keyRow.id })]);
  });

  it('writes nothing for a refused mutation', async () => {
    const [{ n }] = await sql(t, `select count(*)::int as n from audit_event`);
    const res = await t.gql(`mutation { createSubAccount(input: { externalId: "acme-eu", name: "Duplicate" }) { id } }`, {}, admin);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await sql(t, `select count(*)::int as n from audit_event`))[0].n).toBe(n);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit entries, even in SQL', async () => {
    await expect(sql(t, `update audit_event set action = 'nothing.happened'`)).rejects.toThrow(/append-only/);
    await expect(sql(t, `delete from audit_event`)).rejects.toThrow(/append-only/);
    await expect(sql(t, `truncate audit_event`)).rejects.toThrow(/append-only/);
    expect((await sql(t, `select count(*)::int as n from audit_event where action = 'apiKey.create'`))[0].n).toBeGreaterThan(0);
  });
});
