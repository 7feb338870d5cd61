import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { createTenant } from '../support/tenants.js';
import { bearer, createSubAccount, event, post, sql } from './helpers.js';

/** Two customers on one installation: tenant B can neither see nor touch anything of tenant A. */
describe('tenant isolation', () => {
  let t: TestServer;
  let adminA: string;
  let adminB: string;
  let keyA: { key: string; id: string };
  let memberA: string;
  let subA: string;
  let tenantB: number;

  beforeAll(async () => {
    t = await startTestServer();
    adminA = await t.login();
    const created = await t.gqlData(`mutation { createApiKey(input: { name: "A ingest", scopes: [INGEST] }) { key apiKey { id } } }`, {}, adminA);
    keyA = { key: created.createApiKey.key, id: created.createApiKey.apiKey.id };
    memberA = (await t.gqlData(`mutation { inviteMember(input: { email: "a-member@test.local", role: MEMBER }) { id } }`, {}, adminA)).inviteMember.id;
    subA = await createSubAccount(t, 'acme-eu', adminA);
    const b = await createTenant(t, 'Tenant B');
    tenantB = b.orgId;
    adminB = await t.login(b.adminEmail, b.adminPassword);
  });
  afterAll(() => t?.stop());

  const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0].extensions?.code;

  it("shows B only its own organization, keys, members and sub-accounts", async () => {
    const seen = await t.gqlData(`{ organization { id name } apiKeys { id } members { email } subAccounts { id } priceOverrides { model } }`, {}, adminB);
    expect(seen).toEqual({ organization: { id: String(tenantB), name: 'Tenant B' }, apiKeys: [], members: [{ email: 'admin@tenant-b.test' }], subAccounts: [], priceOverrides: [] });
  });

  it("does not let B revoke A's key", async () => {
    expect(code(await t.gql(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: keyA.id }, adminB))).toBe('NOT_FOUND');
    expect((await post(t, JSON.stringify([event()]), bearer(keyA.key))).status).toBe(200);
  });

  it("does not let B change or remove A's members", async () => {
    expect(code(await t.gql(`mutation($id: ID!) { setMemberRole(id: $id, role: ADMIN) { id } }`, { id: memberA }, adminB))).toBe('NOT_FOUND');
    expect(code(await t.gql(`mutation($id: ID!) { removeMember(id: $id) }`, { id: memberA }, adminB))).toBe('NOT_FOUND');
    expect(await sql(t, `select role from member where id = $1`, [Number(memberA)])).toEqual([{ role: 'MEMBER' }]);
  });

  it("does not let B use A's sub-account for keys, members or prices", async () => {
    const key = await t.gql(`mutation($s: ID!) { createApiKey(input: { name: "sneaky", scopes: [INGEST], subAccountId: $s }) { key } }`, { s: subA }, adminB);
    expect(key.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subAccountId' });
    const member = await t.gql(`mutation($s: ID!) { inviteMember(input: { email: "spy@test.local", role: ADMIN, subAccountId: $s }) { id } }`, { s: subA }, adminB);
    expect(member.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subAccountId' });
    const price = await t.gql(`mutation($s: ID!) { setPriceOverride(input: { model: "gpt-4o-mini", inputUsdPerMtok: 0, outputUsdPerMtok: 0, subAccountId: $s }) { model } }`, { s: subA }, adminB);
    expect(price.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'subAccountId' });
    expect(await sql(t, `select count(*)::int as n from price_override`)).toEqual([{ n: 0 }]);
  });

  it("keeps B's changes to its own organization", async () => {
    await t.gqlData(`mutation { updateOrganization(input: { name: "B renamed", timezone: "Asia/Tokyo" }) { id } }`, {}, adminB);
    const a = await t.gqlData(`{ organization { name timezone } }`, {}, adminA);
    expect(a.organization).toEqual({ name: expect.not.stringContaining('B renamed'), timezone: 'UTC' });
  });

  it("keeps events apart: B cannot write to A's sub-account, and the same event id is B's own", async () => {
    const keyB = (await t.gqlData(`mutation { createApiKey(input: { name: "B ingest", scopes: [INGEST] }) { key } }`, {}, adminB)).createApiKey.key;
    const shared = event({ outputTokens: 1 });
    expect((await post(t, JSON.stringify([shared]), bearer(keyA.key))).json.accepted).toBe(1);
    const res = await post(t, JSON.stringify([{ ...shared, outputTokens: 2 }, event({ subAccountId: 'acme-eu' })]), bearer(keyB));
    expect(res.json.accepted).toBe(1); // not a duplicate of A's event
    expect(res.json.rejected).toEqual([expect.objectContaining({ index: 1, field: 'subAccountId' })]);
    const rows = await sql(t, `select tenant_id, output_tokens from usage_event where event_id = $1 order by output_tokens`, [shared.id]);
    expect(rows).toEqual([
      { tenant_id: expect.any(Number), output_tokens: 1 },
      { tenant_id: tenantB, output_tokens: 2 },
    ]);
    expect(rows[0].tenant_id).not.toBe(tenantB);
  });

  it("creates B's users on sight in B only, even with A's external ids", async () => {
    const keyB = (await t.gqlData(`mutation { createApiKey(input: { name: "B ingest 2", scopes: [INGEST] }) { key } }`, {}, adminB)).createApiKey.key;
    await post(t, JSON.stringify([event({ userId: 'u-1', userEmail: 'a@a.test' })]), bearer(keyA.key));
    await post(t, JSON.stringify([event({ userId: 'u-1', userEmail: 'b@b.test' })]), bearer(keyB));
    const users = await sql(t, `select tenant_id, email from app_user where external_id = 'u-1' order by email`);
    expect(users.map((u) => u.email)).toEqual(['a@a.test', 'b@b.test']);
    expect(users[1].tenant_id).toBe(tenantB);
  });
});
