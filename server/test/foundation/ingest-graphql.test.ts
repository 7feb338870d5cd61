import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { bearer, createSubAccount, event, post, sql } from './helpers.js';

const INGEST = `mutation($events: [UsageEventInput!]!) { ingestUsageEvents(events: $events) { accepted duplicates rejected { index field message } } }`;

/** The GraphQL mutation gives the same answers as POST /v1/events for the same events. */
describe('ingestUsageEvents', () => {
  let t: TestServer;
  let key: string;
  beforeAll(async () => {
    t = await startTestServer();
    key = await t.apiKey(['INGEST']);
    await createSubAccount(t, 'acme-eu');
  });
  afterAll(() => t?.stop());

  const viaGraphQL = async (events: unknown[], token = key) => (await t.gqlData(INGEST, { events }, token)).ingestUsageEvents;
  const viaHttp = async (events: unknown[]) => (await post(t, JSON.stringify(events), bearer(key))).json;

  it('answers a mixed batch exactly as the HTTP endpoint does', async () => {
    const batch = () => {
      const repeated = event();
      return [event(), event({ inputTokens: -1 }), repeated, repeated, event({ subAccountId: 'nope' }), event({ properties: { tier: '1' }, tools: ['a'] }), event({ cachedInputTokens: 5_000 })];
    };
    const http = await viaHttp(batch());
    const gql = await viaGraphQL(batch());
    expect(gql).toEqual(http);
    expect(gql).toMatchObject({ accepted: 3, duplicates: 1 });
    expect(gql.rejected.map((r: any) => r.field)).toEqual(['inputTokens', 'subAccountId', 'cachedInputTokens']);
  });

  it('is idempotent on the event id across both transports', async () => {
    const events = [event(), event()];
    expect(await viaHttp(events)).toMatchObject({ accepted: 2 });
    expect(await viaGraphQL(events)).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
  });

  it('prices and places events like the HTTP endpoint', async () => {
    const e = event({ subAccountId: 'acme-eu', userId: 'u-gql', teamId: 't-gql' });
    await viaGraphQL([e]);
    const [row] = await sql(t, `select cost_nanos, provider, o.external_id from usage_event u join organization o on o.id = u.org_id where event_id = $1`, [e.id]);
    expect(row).toEqual({ cost_nanos: 450_000, provider: 'openai', external_id: 'acme-eu' });
    expect(await sql(t, `select team_id from app_user where external_id = 'u-gql'`)).toEqual([{ team_id: 't-gql' }]);
  });

  it('refuses callers without the ingest permission', async () => {
    const noKey = await t.gql(INGEST, { events: [event()] });
    expect(noKey.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await t.gql(INGEST, { events: [event()] }, await t.apiKey(['READ']));
    expect(reader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses more than 10,000 events', async () => {
    const minimal = { timestamp: new Date().toISOString(), model: 'm' };
    const res = await t.gql(INGEST, { events: Array.from({ length: 10_001 }, () => minimal) }, key);
    expect(res.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
