import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../support/server.js';
import { anEvent, apiKeyFor, Collector, createTenant, eventually, ingestOk, USAGE_EVENTS, wsClient } from './support.js';

describe('usageEvents', () => {
  let t: TestServer;
  let admin: string;
  let ingestKey: string;
  let subAccountId: string;
  beforeAll(async () => {
    t = await startTestServer();
    admin = await t.login();
    ingestKey = await apiKeyFor(t, admin, ['INGEST']);
    const sub = await t.gqlData(`mutation { createSubAccount(input: { externalId: "tail-eu", name: "Tail EU" }) { id } }`, {}, admin);
    subAccountId = sub.createSubAccount.id;
  });
  afterAll(() => t?.stop());

  it('delivers each ingested event, as stored, within a second', async () => {
    const client = wsClient(t.url, admin);
    const tail = new Collector(client, USAGE_EVENTS, { filter: { models: ['tail-model'] } });
    await eventually(() => t.server.services.live.stats().eventSubscribers === 1, 3000, 'the subscription');
    const at = new Date(Date.now() - 5000);
    const started = Date.now();
    await ingestOk(t, ingestKey, [
      anEvent({ id: 'tail-1', model: 'tail-model', inputTokens: 1000, outputTokens: 300, costUsd: 0.25, userId: 'ana', subAccountId: 'tail-eu', properties: { env: 'prod' } }, at),
      anEvent({ id: 'tail-2', model: 'tail-model', status: 503, costUsd: null, userId: 'ben' }, at), // no known price: cost stays null,
    ]);
    await tail.nth(2, 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(tail.values.map((v) => v.usageEvents)).toEqual([
      { id: 'tail-1', timestamp: at.toISOString(), model: 'tail-model', status: 200, userId: 'ana', subAccountId: 'tail-eu', costUsd: 0.25, totalTokens: 1300, properties: { env: 'prod' }, skipped: 0 },
      { id: 'tail-2', timestamp: at.toISOString(), model: 'tail-model', status: 503, userId: 'ben', subAccountId: null, costUsd: null, totalTokens: 120, properties: null, skipped: 0 },
    ]);
    tail.stop();
    await client.dispose();
    await eventually(() => t.server.services.live.stats().eventSubscribers === 0, 3000, 'the subscriber to leave');
    expect(t.server.services.live.stats().eventGroups).toBe(0);
  });

  it('honours the filter and the caller scope, and never shows another tenant', async () => {
    const subKey = await apiKeyFor(t, admin, ['READ'], subAccountId);
    const other = await createTenant(t, 'Other Tenant Tail');
    const otherAdmin = await t.login(other.email, other.password);
    const otherIngest = await apiKeyFor(t, otherAdmin, ['INGEST']);

    const rootClient = wsClient(t.url, admin);
    const otherClient = wsClient(t.url, otherAdmin);
    const errorsOnly = new Collector(rootClient, USAGE_EVENTS, { filter: { status: 'SERVER_ERROR', properties: [{ key: 'env', value: 'prod' }] } });
    const everything = new Collector(rootClient, USAGE_EVENTS);
    const otherTenant = new Collector(otherClient, USAGE_EVENTS);
    const subClient = wsClient(t.url, subKey);
    const subTail = new Collector(subClient, USAGE_EVENTS);
    await eventually(() => t.server.services.live.stats().eventSubscribers === 4, 3000, 'the subscriptions');

    await ingestOk(t, ingestKey, [
      anEvent({ id: 'f-1', status: 500, properties: { env: 'prod' } }),
      anEvent({ id: 'f-2', status: 500, properties: { env: 'dev' } }),
      anEvent({ id: 'f-3', status: 200, properties: { env: 'prod' }, subAccountId: 'tail-eu' }),
      anEvent({ id: 'f-4', status: 502, properties: { env: 'prod', team: 'x' }, subAccountId: 'tail-eu' }),
    ]);
    await ingestOk(t, otherIngest, [anEvent({ id: 'other-1' })]);

    await everything.until((c) => c.values.length === 4, 2000, 'all four events');
    await errorsOnly.until((c) => c.values.length === 2, 2000, 'the two matching events');
    await otherTenant.until((c) => c.values.length === 1, 2000, "the other tenant's event");
    await new Promise((r) => setTimeout(r, 300));
    expect(everything.values.map((v) => v.usageEvents.id)).toEqual(['f-1', 'f-2', 'f-3', 'f-4']);
    expect(errorsOnly.values.map((v) => v.usageEvents.id)).toEqual(['f-1', 'f-4']);
    expect(otherTenant.values.map((v) => v.usageEvents.id)).toEqual(['other-1']);
    await subTail.until((c) => c.values.length === 2, 2000, 'the sub-account events');
    expect(subTail.values.map((v) => v.usageEvents.id)).toEqual(['f-3', 'f-4']);
    await Promise.all([rootClient.dispose(), otherClient.dispose(), subClient.dispose()]);
  });

  it('keeps the newest events for a client that reads too slowly, says how many it skipped, and never slows ingestion', async () => {
    const live = t.server.services.live;
    live.options.tailCapacity = 20;
    // A raw graphql-transport-ws client whose socket stops reading, like a stalled browser tab.
    const ws = new WebSocket(t.url.replace('http', 'ws') + '/graphql', 'graphql-transport-ws');
    const messages: any[] = [];
    ws.on('message', (m) => messages.push(JSON.parse(String(m))));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${admin}` } }));
    await eventually(() => messages.some((m) => m.type === 'connection_ack'), 3000, 'the ack');
    const fields = 'id timestamp model provider status error inputTokens outputTokens cachedInputTokens cacheWriteTokens totalTokens costUsd latencyMs ttftMs userId teamId agentId agentType runId sessionId sessionName subAccountId feature promptId tools cacheHit threat outputChars properties skipped';
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `subscription { usageEvents(filter: { models: ["flood"] }) { ${fields} } }` } }));
    await eventually(() => live.stats().eventSubscribers === 1, 3000, 'the subscription');
    (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();

    // ~10 KB events: a few MB fill the socket buffers, so the server-side queue must drop.
    const perBatch = 800;
    const batches = 4;
    const total = perBatch * batches;
    const note = 'x'.repeat(1000);
    const bigEvent = (id: string, model: string) => anEvent({ id, model, properties: Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`p${k}`, note])) });
    const timed = async (events: unknown[]) => {
      const started = Date.now();
      await ingestOk(t, ingestKey, events);
      return Date.now() - started;
    };
    const baseline = await timed(Array.from({ length: perBatch }, (_, i) => bigEvent(`calm-${i}`, 'calm')));
    for (let b = 0; b < batches; b++) {
      const ms = await timed(Array.from({ length: perBatch }, (_, i) => bigEvent(`flood-${b}-${i}`, 'flood')));
      expect(ms).toBeLessThan(Math.max(3 * baseline, baseline + 2000)); // a stalled reader does not slow ingestion
    }

    (ws as unknown as { _socket: { resume(): void } })._socket.resume();
    const received = () => messages.filter((m) => m.type === 'next');
    const accounted = () => received().reduce((n, m) => n + 1 + m.payload.data.usageEvents.skipped, 0);
    await eventually(() => accounted() === total, 20_000, 'every event delivered or counted as skipped');
    const skipped = received().filter((m) => m.payload.data.usageEvents.skipped > 0);
    expect(skipped.length).toBeGreaterThan(0);
    expect(received().length).toBeLessThan(total);
    // The newest events are the ones kept.
    expect(received().at(-1).payload.data.usageEvents.id).toBe(`flood-${batches - 1}-${perBatch - 1}`);
    ws.close();
    live.options.tailCapacity = 500;
    await eventually(() => live.stats().eventSubscribers === 0, 3000, 'the subscriber to leave');
  });
});
