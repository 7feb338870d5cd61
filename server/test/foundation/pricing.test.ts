import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { bearer, createSubAccount, event, post, sql } from './helpers.js';

const SET_OVERRIDE = `mutation($input: PriceOverrideInput!) { setPriceOverride(input: $input) { model inputUsdPerMtok subAccountId } }`;

/** Cost at ingest: the price list at the event's time, overrides, client costs; nano-dollars in the table. */
describe('pricing at ingest', () => {
  let t: TestServer;
  let admin: string;
  let key: string;
  let euId: string;

  /** Ingests one event and returns its stored cost (nano-dollars) and provider. */
  const priced = async (fields: Record<string, unknown>) => {
    const e = event(fields);
    const res = await post(t, JSON.stringify([e]), bearer(key));
    expect(res.json).toMatchObject({ accepted: 1, rejected: [] });
    return (await sql(t, `select cost_nanos, provider from usage_event where event_id = $1`, [e.id]))[0];
  };

  beforeAll(async () => {
    t = await startTestServer();
    admin = await t.login();
    key = await t.apiKey(['INGEST']);
    euId = await createSubAccount(t, 'acme-eu', admin);
    await createSubAccount(t, 'acme-us', admin);
  });
  afterAll(() => t?.stop());

  it('prices a known model from the price list: gpt-4o-mini, 1,000 in and 500 out = $0.00045', async () => {
    expect(await priced({ model: 'gpt-4o-mini', inputTokens: 1_000, outputTokens: 500 })).toEqual({ cost_nanos: 450_000, provider: 'openai' });
  });

  it('prices cached input tokens at the cache-read price: 800 of 1,000 cached = $0.00039', async () => {
    expect((await priced({ model: 'gpt-4o-mini', inputTokens: 1_000, outputTokens: 500, cachedInputTokens: 800 })).cost_nanos).toBe(390_000);
  });

  it('keeps the cost null for a model with no known price', async () => {
    expect(await priced({ model: 'in-house-llm-7b', inputTokens: 1_000, outputTokens: 500 })).toEqual({ cost_nanos: null, provider: null });
  });

  it('infers the provider from the model, and keeps the one the client sends', async () => {
    expect((await priced({ model: 'claude-3-5-haiku-latest' })).provider).toBe('anthropic');
    expect((await priced({ model: 'gemini-2.0-flash' })).provider).toBe('google');
    expect((await priced({ model: 'gpt-4o-mini', provider: 'azure' })).provider).toBe('azure');
  });

  it("lets a client-sent costUsd win over every price, zero included", async () => {
    expect((await priced({ model: 'gpt-4o-mini', costUsd: 0.125 })).cost_nanos).toBe(125_000_000);
    expect((await priced({ model: 'in-house-llm-7b', costUsd: 0 })).cost_nanos).toBe(0);
  });

  it("prices each event at the price in force at its timestamp (o3's price fell on 2025-06-10)", async () => {
    const million = { model: 'o3', inputTokens: 1_000_000, outputTokens: 1_000_000 };
    expect((await priced({ ...million, timestamp: '2025-06-09T12:00:00.000Z' })).cost_nanos).toBe(50e9);
    expect((await priced({ ...million, timestamp: '2025-06-10T12:00:00.000Z' })).cost_nanos).toBe(10e9);
  });

  it("uses the organization's override for its events and its sub-accounts' from then on, and a sub-account's own override beats it", async () => {
    const before = await priced({ model: 'gpt-4o-mini' });
    const org = await t.gqlData(SET_OVERRIDE, { input: { model: 'gpt-4o-mini', inputUsdPerMtok: 1, outputUsdPerMtok: 2 } }, admin);
    expect(org.setPriceOverride).toEqual({ model: 'gpt-4o-mini', inputUsdPerMtok: 1, subAccountId: null });
    // 1,000 × $1/M + 500 × $2/M = $0.002; cached tokens default to the input price.
    expect((await priced({ model: 'gpt-4o-mini' })).cost_nanos).toBe(2_000_000);
    expect((await priced({ model: 'gpt-4o-mini', cachedInputTokens: 800 })).cost_nanos).toBe(2_000_000);
    expect((await priced({ model: 'gpt-4o-mini', subAccountId: 'acme-us' })).cost_nanos).toBe(2_000_000);

    const sub = await t.gqlData(SET_OVERRIDE, { input: { model: 'gpt-4o-mini', inputUsdPerMtok: 10, outputUsdPerMtok: 10, subAccountId: euId } }, admin);
    expect(sub.setPriceOverride.subAccountId).toBe(euId);
    expect((await priced({ model: 'gpt-4o-mini', subAccountId: 'acme-eu' })).cost_nanos).toBe(15_000_000);
    expect((await priced({ model: 'gpt-4o-mini', subAccountId: 'acme-us' })).cost_nanos).toBe(2_000_000);
    // Events stored earlier keep the price they were stored with.
    expect((await sql(t, `select count(*)::int as n from usage_event where cost_nanos = $1`, [before.cost_nanos]))[0].n).toBeGreaterThan(0);

    const list = await t.gqlData(`{ priceOverrides { model subAccountId outputUsdPerMtok } }`, {}, admin);
    expect(list.priceOverrides).toEqual([
      { model: 'gpt-4o-mini', subAccountId: null, outputUsdPerMtok: 2 },
      { model: 'gpt-4o-mini', subAccountId: euId, outputUsdPerMtok: 10 },
    ]);
  });

  it('prices a model the list does not know once the organization sets its price, with cache prices of its own', async () => {
    await t.gqlData(SET_OVERRIDE, { input: { model: 'in-house-llm-7b', inputUsdPerMtok: 4, outputUsdPerMtok: 8, cachedInputUsdPerMtok: 1 } }, admin);
    // 200 uncached × $4/M + 800 cached × $1/M + 500 × $8/M = $0.0056
    expect((await priced({ model: 'in-house-llm-7b', cachedInputTokens: 800 })).cost_nanos).toBe(5_600_000);
  });

  it('goes back to the price list once the override is deleted', async () => {
    await t.gqlData(`mutation { deletePriceOverride(model: "gpt-4o-mini") }`, {}, admin);
    expect((await priced({ model: 'gpt-4o-mini' })).cost_nanos).toBe(450_000);
  });

  it('refuses a negative override price, naming the field', async () => {
    const res = await t.gql(SET_OVERRIDE, { input: { model: 'x', inputUsdPerMtok: -1, outputUsdPerMtok: 1 } }, admin);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'inputUsdPerMtok' });
  });
});
