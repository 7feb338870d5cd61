import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { bearer, createSubAccount, event, post, sql } from './helpers.js';

/** Who may ingest, and where the events land: keys, scopes, revocation and sub-accounts. */
describe('ingest authorization and sub-accounts', () => {
  let t: TestServer;
  let admin: string;
  let rootKey: string;
  let euId: string;
  let usId: string;
  const orgOf = async (id: unknown) => (await sql(t, `select org_id from usage_event where event_id = $1`, [id]))[0]?.org_id;

  beforeAll(async () => {
    t = await startTestServer();
    admin = await t.login();
    rootKey = await t.apiKey(['INGEST']);
    euId = await createSubAccount(t, 'acme-eu', admin);
    usId = await createSubAccount(t, 'acme-us', admin);
  });
  afterAll(() => t?.stop());

  it('answers 401 without a key, with a bad key, and with a non-Bearer header', async () => {
    const body = JSON.stringify([event()]);
    for (const headers of [{}, bearer('ttk_not-a-real-key'), bearer('something-else'), { authorization: 'Basic dXNlcjpwYXNz' }]) {
      const res = await post(t, body, headers);
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 401 for a revoked key', async () => {
    const data = await t.gqlData(`mutation { createApiKey(input: { name: "short-lived", scopes: [INGEST] }) { key apiKey { id } } }`, {}, admin);
    const { key, apiKey } = data.createApiKey;
    expect((await post(t, JSON.stringify([event()]), bearer(key))).status).toBe(200);
    await t.gqlData(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: apiKey.id }, admin);
    const res = await post(t, JSON.stringify([event()]), bearer(key));
    expect(res.status).toBe(401);
    expect(res.json.error.message).toMatch(/revoked/);
  });

  it('answers 403 for a key without the INGEST scope', async () => {
    for (const scopes of [['READ'], ['ADMIN']] as const) {
      const res = await post(t, JSON.stringify([event()]), bearer(await t.apiKey([...scopes])));
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('FORBIDDEN');
    }
  });

  it('stamps the key with its last use', async () => {
    const data = await t.gqlData(`mutation { createApiKey(input: { name: "stamped", scopes: [INGEST] }) { key apiKey { id lastUsedAt } } }`, {}, admin);
    expect(data.createApiKey.apiKey.lastUsedAt).toBeNull();
    await post(t, JSON.stringify([event()]), bearer(data.createApiKey.key));
    const keys = await t.gqlData(`{ apiKeys { id lastUsedAt } }`, {}, admin);
    expect(keys.apiKeys.find((k: any) => k.id === data.createApiKey.apiKey.id).lastUsedAt).not.toBeNull();
  });

  it("places events of an organization key in the sub-account they name, or in the key's organization", async () => {
    const plain = event();
    const eu = event({ subAccountId: 'acme-eu' });
    const res = await post(t, JSON.stringify([plain, eu]), bearer(rootKey));
    expect(res.json.accepted).toBe(2);
    const root = (await sql(t, `select root_id from organization where id = $1`, [Number(euId)]))[0].root_id;
    expect(await orgOf(plain.id)).toBe(root);
    expect(await orgOf(eu.id)).toBe(Number(euId));
  });

  it('rejects, per event, a subAccountId that is no sub-account of the organization', async () => {
    const good = event();
    const res = await post(t, JSON.stringify([good, event({ subAccountId: 'nope' })]), bearer(rootKey));
    expect(res.status).toBe(200);
    expect(res.json.accepted).toBe(1);
    expect(res.json.rejected).toEqual([{ index: 1, field: 'subAccountId', message: expect.stringContaining('nope') }]);
  });

  it("keeps a sub-account key's events in its sub-account, and refuses another sub-account with 403", async () => {
    const euKey = await t.apiKey(['INGEST'], euId);
    const own = event();
    const named = event({ subAccountId: 'acme-eu' });
    expect((await post(t, JSON.stringify([own, named]), bearer(euKey))).json.accepted).toBe(2);
    expect(await orgOf(own.id)).toBe(Number(euId));
    expect(await orgOf(named.id)).toBe(Number(euId));

    const intruder = event({ subAccountId: 'acme-us' });
    const res = await post(t, JSON.stringify([event(), intruder]), bearer(euKey));
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/acme-us/);
    expect(await orgOf(intruder.id)).toBeUndefined();
    expect(usId).toBeTruthy();
  });

  it('lets an ADMIN member ingest with a session token, and not a MEMBER', async () => {
    expect((await post(t, JSON.stringify([event()]), bearer(admin))).status).toBe(200);
    await t.gqlData(`mutation { inviteMember(input: { email: "reader@test.local", role: MEMBER, password: "reader-password" }) { id } }`, {}, admin);
    const member = await t.login('reader@test.local', 'reader-password');
    expect((await post(t, JSON.stringify([event()]), bearer(member))).status).toBe(403);
  });
});

describe('the per-key ingest rate limit', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ env: { INGEST_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => t?.stop());

  it('answers 429 with Retry-After once a key has spent its allowance, and counts each key alone', async () => {
    const key = await t.apiKey(['INGEST']);
    for (let i = 0; i < 3; i++) expect((await post(t, JSON.stringify([event()]), bearer(key))).status).toBe(200);
    const limited = await post(t, JSON.stringify([event()]), bearer(key));
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('RATE_LIMITED');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(20); // 3 a minute: a new request every 20 s

    const other = await t.apiKey(['INGEST']);
    expect((await post(t, JSON.stringify([event()]), bearer(other))).status).toBe(200);
  });

  it('applies the same limit to the GraphQL mutation', async () => {
    const key = await t.apiKey(['INGEST']);
    const mutation = `mutation($events: [UsageEventInput!]!) { ingestUsageEvents(events: $events) { accepted } }`;
    for (let i = 0; i < 3; i++) expect((await t.gqlData(mutation, { events: [event()] }, key)).ingestUsageEvents.accepted).toBe(1);
    const res = await t.gql(mutation, { events: [event()] }, key);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  });
});
