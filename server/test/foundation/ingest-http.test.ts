import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { bearer, event, post, sql } from './helpers.js';

/** POST /v1/events: the three body forms, per-event validation, idempotency and body limits. */
describe('POST /v1/events', () => {
  let t: TestServer;
  let key: string;
  const count = async (ids: unknown[]) => (await sql(t, `select count(*)::int as n from usage_event where event_id = any($1)`, [ids]))[0].n;

  beforeAll(async () => {
    t = await startTestServer();
    key = await t.apiKey(['INGEST']);
  });
  afterAll(() => t?.stop());

  it('stores a JSON array of events and answers accepted, duplicates and rejected', async () => {
    const events = [event(), event()];
    const res = await post(t, JSON.stringify(events), bearer(key));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(await count(events.map((e) => e.id))).toBe(2);
  });

  it('stores {"events": [...]}', async () => {
    const events = [event(), event(), event()];
    const res = await post(t, JSON.stringify({ events }), bearer(key));
    expect(res.json).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    expect(await count(events.map((e) => e.id))).toBe(3);
  });

  it('stores NDJSON, blank lines and CRLF line ends included', async () => {
    const events = [event(), event()];
    const body = `${JSON.stringify(events[0])}\r\n\n${JSON.stringify(events[1])}\n`;
    const res = await post(t, body, { ...bearer(key), 'content-type': 'application/x-ndjson' });
    expect(res.json).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(await count(events.map((e) => e.id))).toBe(2);
  });

  it('accepts a gzip-compressed body (Content-Encoding: gzip)', async () => {
    const events = [event(), event()];
    const res = await fetch(`${t.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', 'content-encoding': 'gzip', ...bearer(key) },
      body: gzipSync(events.map((e) => JSON.stringify(e)).join('\n')),
    });
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(await count(events.map((e) => e.id))).toBe(2);
  });

  it('names the line of an NDJSON body that is not JSON', async () => {
    const res = await post(t, `${JSON.stringify(event())}\n{"id": oops}\n`, { ...bearer(key), 'content-type': 'application/x-ndjson' });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('BAD_USER_INPUT');
    expect(res.json.error.message).toMatch(/Line 2/);
  });

  it('stores every field of the event format as sent', async () => {
    const e = event({
      provider: 'openai', status: 429, error: 'rate_limit_exceeded', cachedInputTokens: 800, cacheWriteTokens: 100,
      latencyMs: 1840, ttftMs: 210, userId: 'u-fields', sessionId: 's-42', sessionName: 'Customer Support', agentId: 'ag-fields',
      agentType: 'single_task', runId: 'run-991', feature: 'chat', promptId: 'refund-policy-v3', tools: ['search_kb', 'lookup'],
      cacheHit: true, threat: true, outputChars: 1530, properties: { environment: 'production', userTier: 'premium' },
    });
    expect((await post(t, JSON.stringify([e]), bearer(key))).json.accepted).toBe(1);
    const [row] = await sql(t, `select * from usage_event where event_id = $1`, [e.id]);
    expect(row).toMatchObject({
      model: 'gpt-4o-mini', provider: 'openai', status: 429, error: 'rate_limit_exceeded', input_tokens: 1000, output_tokens: 500,
      cached_input_tokens: 800, cache_write_tokens: 100, latency_ms: 1840, ttft_ms: 210, user_id: 'u-fields', session_id: 's-42',
      session_name: 'Customer Support', agent_id: 'ag-fields', agent_type: 'single_task', run_id: 'run-991', feature: 'chat',
      prompt_id: 'refund-policy-v3', tools: ['search_kb', 'lookup'], cache_hit: true, threat: true, output_chars: 1530,
      properties: { environment: 'production', userTier: 'premium' },
    });
    expect(row.ts.toISOString()).toBe(e.timestamp);
  });

  it('applies the defaults: status 200, zero tokens, generated id', async () => {
    const res = await post(t, JSON.stringify([{ timestamp: new Date().toISOString(), model: 'defaults-model-x' }]), bearer(key));
    expect(res.json.accepted).toBe(1);
    const [row] = await sql(t, `select * from usage_event where model = 'defaults-model-x'`);
    expect(row).toMatchObject({ status: 200, input_tokens: 0, output_tokens: 0, cache_hit: false, threat: false });
    expect(row.event_id).toMatch(/^evt_/);
  });

  it('rejects each invalid event by index and field, and stores the valid ones of the batch', async () => {
    const good = [event(), event()];
    const batch = [
      good[0],
      event({ inputTokens: -1 }),
      event({ timestamp: 'yesterday' }),
      good[1],
      event({ model: undefined }),
      event({ cachedInputTokens: 2_000 }),
      event({ properties: { tier: 3 } }),
      'not an event',
      event({ timestamp: new Date(Date.now() + 3 * 86_400_000).toISOString() }),
    ];
    const res = await post(t, JSON.stringify(batch), bearer(key));
    expect(res.status).toBe(200);
    expect(res.json.accepted).toBe(2);
    expect(res.json.rejected.map((r: any) => [r.index, r.field])).toEqual([
      [1, 'inputTokens'],
      [2, 'timestamp'],
      [4, 'model'],
      [5, 'cachedInputTokens'],
      [6, 'properties.tier'],
      [7, '(input)'],
      [8, 'timestamp'],
    ]);
    expect(res.json.rejected[0].message).toBe('must be >= 0');
    expect(await count(good.map((e) => e.id))).toBe(2);
    expect(await count(batch.slice(1).map((e: any) => e?.id).filter(Boolean))).toBe(1); // good[1] only
  });

  it('is idempotent on the event id: a retried batch changes nothing', async () => {
    const events = [event(), event(), event()];
    const first = await post(t, JSON.stringify(events), bearer(key));
    expect(first.json).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    const before = await sql(t, `select event_id, cost_nanos, ingested_at from usage_event where event_id = any($1) order by event_id`, [events.map((e) => e.id)]);
    const retry = await post(t, JSON.stringify(events.map((e) => ({ ...e, inputTokens: 99_999 }))), bearer(key));
    expect(retry.json).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    const after = await sql(t, `select event_id, cost_nanos, ingested_at from usage_event where event_id = any($1) order by event_id`, [events.map((e) => e.id)]);
    expect(after).toEqual(before);
  });

  it('counts a repeated id inside one batch as a duplicate, keeping the first', async () => {
    const e = event({ outputTokens: 1 });
    const res = await post(t, JSON.stringify([e, { ...e, outputTokens: 2 }, event()]), bearer(key));
    expect(res.json).toEqual({ accepted: 2, duplicates: 1, rejected: [] });
    expect((await sql(t, `select output_tokens from usage_event where event_id = $1`, [e.id]))[0].output_tokens).toBe(1);
  });

  it('answers an empty batch with zeros', async () => {
    expect((await post(t, '[]', bearer(key))).json).toEqual({ accepted: 0, duplicates: 0, rejected: [] });
  });

  it('answers 400 with a useful message for malformed JSON, an empty body or a wrong shape', async () => {
    const bad = await post(t, '[{"model": "gpt-4o-mini",', bearer(key));
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(bad.json.error.message).toMatch(/not valid JSON/);
    const empty = await post(t, '', bearer(key));
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toMatch(/empty/);
    const shape = await post(t, '{"items": []}', bearer(key));
    expect(shape.status).toBe(400);
    expect(shape.json.error.message).toMatch(/JSON array of events/);
  });

  it('hints at the NDJSON content type when NDJSON is sent as JSON', async () => {
    const res = await post(t, `${JSON.stringify(event())}\n${JSON.stringify(event())}`, bearer(key));
    expect(res.status).toBe(400);
    expect(res.json.error.message).toMatch(/application\/x-ndjson/);
  });

  it('answers 413 with a JSON error over 10,000 events', async () => {
    const minimal = { timestamp: new Date().toISOString(), model: 'm' };
    const res = await post(t, JSON.stringify(Array.from({ length: 10_001 }, () => minimal)), bearer(key));
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(res.json.error.message).toMatch(/10000 events/);
  });

  it('accepts exactly 10,000 events', async () => {
    const events = Array.from({ length: 10_000 }, () => event());
    const res = await post(t, JSON.stringify(events), bearer(key));
    expect(res.json).toEqual({ accepted: 10_000, duplicates: 0, rejected: [] });
  });

  it('answers 413 with a JSON error over 10 MB', async () => {
    const padding = 'x'.repeat(1_000);
    const events = Array.from({ length: 9_000 }, () => event({ error: padding, sessionName: padding.slice(0, 150) }));
    const body = JSON.stringify(events);
    expect(body.length).toBeGreaterThan(10 * 1024 * 1024);
    const res = await post(t, body, bearer(key));
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await count(events.slice(0, 10).map((e) => e.id))).toBe(0);
  });

  it('creates users, teams and agents on sight and fills in what later events add', async () => {
    await post(t, JSON.stringify([event({ userId: 'u-new', teamId: 'support', agentId: 'ag-new', agentType: 'single_task' })]), bearer(key));
    await post(t, JSON.stringify([event({ userId: 'u-new', userEmail: 'Ana@Acme.test', userName: 'Ana', agentId: 'ag-new', agentName: 'Ticket triage' })]), bearer(key));
    expect(await sql(t, `select external_id, email, name, team_id from app_user where external_id = 'u-new'`)).toEqual([
      { external_id: 'u-new', email: 'ana@acme.test', name: 'Ana', team_id: 'support' },
    ]);
    expect(await sql(t, `select external_id from team where external_id = 'support'`)).toEqual([{ external_id: 'support' }]);
    expect(await sql(t, `select external_id, name, type, creator_user_id from agent where external_id = 'ag-new'`)).toEqual([
      { external_id: 'ag-new', name: 'Ticket triage', type: 'single_task', creator_user_id: 'u-new' },
    ]);
  });
});
