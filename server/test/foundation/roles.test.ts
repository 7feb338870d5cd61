import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { sql } from './helpers.js';

type Caller = 'ADMIN member' | 'MEMBER member' | 'VIEWER member' | 'INGEST key' | 'READ key' | 'ADMIN key' | 'nobody';
const CALLERS: Caller[] = ['ADMIN member', 'MEMBER member', 'VIEWER member', 'INGEST key', 'READ key', 'ADMIN key', 'nobody'];
const ALLOWED: Caller[] = ['ADMIN member', 'ADMIN key'];

/** Every admin mutation against every role and key scope: only admins pass, and a refusal changes nothing. */
describe('roles and key scopes against admin mutations', () => {
  let t: TestServer;
  let admin: string;
  const tokens = {} as Record<Caller, string | undefined>;
  let n = 0;

  const freshKeyId = async () => (await t.gqlData(`mutation { createApiKey(input: { name: "victim", scopes: [READ] }) { apiKey { id } } }`, {}, admin)).createApiKey.apiKey.id;
  const freshMemberId = async () =>
    (await t.gqlData(`mutation($e: String!) { inviteMember(input: { email: $e, role: VIEWER }) { id } }`, { e: `target${++n}@test.local` }, admin)).inviteMember.id;

  const MUTATIONS: Record<string, () => Promise<[string, Record<string, unknown>?]>> = {
    createApiKey: async () => [`mutation { createApiKey(input: { name: "k", scopes: [READ] }) { key } }`],
    revokeApiKey: async () => [`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: await freshKeyId() }],
    createSubAccount: async () => [`mutation($x: String!) { createSubAccount(input: { externalId: $x, name: "Sub" }) { id } }`, { x: `sub-${++n}` }],
    inviteMember: async () => [`mutation($e: String!) { inviteMember(input: { email: $e, role: VIEWER }) { id } }`, { e: `invitee${++n}@test.local` }],
    setMemberRole: async () => [`mutation($id: ID!) { setMemberRole(id: $id, role: MEMBER) { role } }`, { id: await freshMemberId() }],
    removeMember: async () => [`mutation($id: ID!) { removeMember(id: $id) }`, { id: await freshMemberId() }],
    updateOrganization: async () => [`mutation { updateOrganization(input: { timezone: "Europe/Berlin" }) { timezone } }`],
    setPriceOverride: async () => [`mutation { setPriceOverride(input: { model: "m", inputUsdPerMtok: 1, outputUsdPerMtok: 2 }) { model } }`],
  };

  beforeAll(async () => {
    t = await startTestServer();
    admin = await t.login();
    tokens['ADMIN member'] = admin;
    for (const role of ['MEMBER', 'VIEWER'] as const) {
      const email = `${role.toLowerCase()}@test.local`;
      await t.gqlData(`mutation($e: String!, $r: Role!) { inviteMember(input: { email: $e, role: $r, password: "password-123" }) { id } }`, { e: email, r: role }, admin);
      tokens[`${role} member`] = await t.login(email, 'password-123');
    }
    for (const scope of ['INGEST', 'READ', 'ADMIN'] as const) tokens[`${scope} key`] = await t.apiKey([scope]);
    tokens.nobody = undefined;
  });
  afterAll(() => t?.stop());

  const cases = CALLERS.flatMap((caller) => Object.keys(MUTATIONS).map((mutation) => [caller, mutation] as const));
  it.each(cases)('%s → %s', async (caller, mutation) => {
    const [query, variables] = await MUTATIONS[mutation]();
    const audits = async () => (await sql(t, `select count(*)::int as n from audit_event`))[0].n;
    const before = await audits();
    const res = await t.gql(query, variables, tokens[caller]);
    if (ALLOWED.includes(caller)) {
      expect(res.errors).toBeUndefined();
      expect(await audits()).toBe(before + 1);
    } else {
      expect(res.errors?.[0].extensions?.code).toBe(caller === 'nobody' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect(res.data).toBeNull();
      expect(await audits()).toBe(before);
    }
  });

  it('lets every member role and READ keys read, but not INGEST keys', async () => {
    const query = `{ organization { id } subAccounts { id } priceOverrides { model } }`;
    for (const caller of ['ADMIN member', 'MEMBER member', 'VIEWER member', 'READ key', 'ADMIN key'] as const) {
      expect((await t.gql(query, {}, tokens[caller])).errors, caller).toBeUndefined();
    }
    expect((await t.gql(query, {}, tokens['INGEST key'])).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('shows the member and key lists to admins only', async () => {
    for (const caller of CALLERS) {
      const res = await t.gql(`{ members { id } apiKeys { id } }`, {}, tokens[caller]);
      if (ALLOWED.includes(caller)) expect(res.errors, caller).toBeUndefined();
      else expect(res.errors?.[0].extensions?.code, caller).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
  });

  it('applies a role change at the next request', async () => {
    await t.gqlData(`mutation { inviteMember(input: { email: "promoted@test.local", role: VIEWER, password: "password-123" }) { id } }`, {}, admin);
    const token = await t.login('promoted@test.local', 'password-123');
    const create = `mutation { createApiKey(input: { name: "p", scopes: [READ] }) { key } }`;
    expect((await t.gql(create, {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [{ id }] = await sql(t, `select id from member where email = 'promoted@test.local'`);
    await t.gqlData(`mutation($id: ID!) { setMemberRole(id: $id, role: ADMIN) { role } }`, { id: String(id) }, admin);
    expect((await t.gql(create, {}, token)).errors).toBeUndefined();
  });
});
