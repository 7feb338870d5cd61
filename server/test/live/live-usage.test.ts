import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { anEvent, apiKeyFor, Collector, createTenant, eventually, ingestOk, LIVE_USAGE, wsClient } from './support.js';

const ago = (ms: number) => new Date(Date.now() - ms);

describe('liveUsage', () => {
  let t: TestServer;
  let admin: string;
  let ingestKey: string;
  let readKey: string;
  beforeAll(async () => {
    t = await startTestServer();
    admin = await t.login();
    ingestKey = await apiKeyFor(t, admin, ['INGEST']);
    readKey = await apiKeyFor(t, admin, ['READ']);
    t.server.services.live.options.listenerIdleMs = 100;
  });
  afterAll(() => t?.stop());

  it('sends the figures of the window at once, then new ones within 3 s of an ingest', async () => {
    await ingestOk(t, ingestKey, [
      anEvent({ userId: 'ana', costUsd: 0.5, latencyMs: 100, inputTokens: 1000, outputTokens: 200, model: 'snap-model' }, ago(20_000)),
      anEvent({ userId: 'ben', costUsd: 0.25, latencyMs: 200, inputTokens: 10, outputTokens: 5, model: 'snap-model', status: 500 }, ago(10_000)),
      anEvent({ userId: 'ana', costUsd: 1, model: 'snap-model' }, ago(10 * 60_000)), // outside a 5-minute window
    ]);
    const client = wsClient(t.url, readKey);
    const live = new Collector(client, LIVE_USAGE, { filter: { models: ['snap-model'] }, w: 300 });
    const first = (await live.nth(1)).liveUsage;
    expect(first).toMatchObject({ windowSeconds: 300, requests: 2, activeUsers: 2, totalTokens: 1215, errorRate: 0.5 });
    expect(first.costUsd).toBeCloseTo(0.75, 9);
    expect(first.requestsPerMinute).toBeCloseTo(2 / 5, 9);
    expect(first.costPerMinute).toBeCloseTo(0.75 / 5, 9);
    expect(first.latencyP95Ms).toBeGreaterThan(198);
    expect(first.latencyP95Ms).toBeLessThan(202);

    const ingestedAt = Date.now();
    await ingestOk(t, ingestKey, [anEvent({ userId: 'cleo', costUsd: 0.25, model: 'snap-model' }, ago(1000))]);
    const second = (await live.nth(2, 3000)).liveUsage;
    expect(Date.now() - ingestedAt).toBeLessThan(3000);
    expect(second).toMatchObject({ requests: 3, activeUsers: 3 });
    expect(second.costUsd).toBeCloseTo(1, 9);
    expect(Date.parse(second.at)).toBeGreaterThan(Date.parse(first.at));
    live.stop();
    await client.dispose();
  });

  it('honours the filter: other models, statuses and users do not count', async () => {
    const client = wsClient(t.url, admin);
    const errors = new Collector(client, LIVE_USAGE, { filter: { models: ['filter-model'], status: 'ERROR', userIds: ['zoe'] }, w: 60 });
    expect((await errors.nth(1)).liveUsage.requests).toBe(0);
    await ingestOk(t, ingestKey, [
      anEvent({ model: 'filter-model', status: 200, userId: 'zoe' }),
      anEvent({ model: 'other-model', status: 500, userId: 'zoe' }),
      anEvent({ model: 'filter-model', status: 500, userId: 'max' }),
      anEvent({ model: 'filter-model', status: 429, userId: 'zoe' }),
    ]);
    expect((await errors.nth(2, 3000)).liveUsage).toMatchObject({ requests: 1, errorRate: 1, activeUsers: 1 });
    errors.stop();
    await client.dispose();
  });

  it('refuses a window outside 60 s – 24 h with BAD_USER_INPUT naming windowSeconds', async () => {
    const client = wsClient(t.url, admin);
    for (const w of [59, 86_401]) {
      const live = new Collector(client, LIVE_USAGE, { w });
      await live.until((c) => c.errors.length > 0 || c.completed, 3000, 'an error');
      expect(live.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'windowSeconds' } });
    }
    const unknown = new Collector(client, LIVE_USAGE, { filter: { subAccountIds: ['no-such-sub'] } });
    await unknown.until((c) => c.errors.length > 0, 3000, 'an error');
    expect(unknown.errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.subAccountIds' } });
    await client.dispose();
  });

  it('computes once per distinct filter and window, shared by every subscriber, and frees it when they leave', async () => {
    const live = t.server.services.live;
    const clients = [wsClient(t.url, admin), wsClient(t.url, readKey)];
    const subs = [
      ...clients.map((c) => new Collector(c, LIVE_USAGE, { filter: { models: ['shared-model'] }, w: 120 })),
      new Collector(clients[0], LIVE_USAGE, { filter: { models: ['shared-model'] }, w: 120 }),
      new Collector(clients[1], LIVE_USAGE, { filter: { models: ['shared-model'] }, w: 180 }),
    ];
    await Promise.all(subs.map((s) => s.nth(1)));
    expect(live.stats()).toMatchObject({ usageSubscribers: 4, usageViews: 2, listener: 'listening' });
    const before = live.stats();

    await ingestOk(t, ingestKey, [anEvent({ model: 'shared-model' })]);
    await Promise.all(subs.map((s) => s.nth(2, 3000)));
    const after = live.stats();
    expect(after.viewReads).toBe(before.viewReads); // no database read per subscriber, nor per event
    expect(after.viewComputations - before.viewComputations).toBe(2); // one per view

    for (const s of subs) s.stop();
    await eventually(() => live.stats().usageSubscribers === 0, 3000, 'subscribers to leave');
    expect(live.stats().usageViews).toBe(0);
    await Promise.all(clients.map((c) => c.dispose()));
    await eventually(() => live.stats().listener === 'stopped', 3000, 'the LISTEN connection to close');
  });

  it("counts only the caller's organization tree", async () => {
    const sub = await t.gqlData(`mutation { createSubAccount(input: { externalId: "live-eu", name: "Live EU" }) { id } }`, {}, admin);
    const subReadKey = await apiKeyFor(t, admin, ['READ'], sub.createSubAccount.id);
    const other = await createTenant(t, 'Other Tenant Live');
    const otherAdmin = await t.login(other.email, other.password);
    const otherIngest = await apiKeyFor(t, otherAdmin, ['INGEST']);

    const rootClient = wsClient(t.url, admin);
    const subClient = wsClient(t.url, subReadKey);
    const root = new Collector(rootClient, LIVE_USAGE, { filter: { models: ['tree-model'] }, w: 60 });
    const subView = new Collector(subClient, LIVE_USAGE, { filter: { models: ['tree-model'] }, w: 60 });
    await Promise.all([root.nth(1), subView.nth(1)]);

    await ingestOk(t, otherIngest, [anEvent({ model: 'tree-model' }), anEvent({ model: 'tree-model' })]); // another tenant
    await ingestOk(t, ingestKey, [anEvent({ model: 'tree-model', subAccountId: 'live-eu' }), anEvent({ model: 'tree-model' })]);
    await root.until((c) => c.values.at(-1)?.liveUsage.requests === 2, 3000, 'root figures');
    await subView.until((c) => c.values.at(-1)?.liveUsage.requests === 1, 3000, 'sub-account figures');
    await new Promise((r) => setTimeout(r, 2500)); // nothing else arrives
    expect(root.values.at(-1)!.liveUsage.requests).toBe(2);
    expect(subView.values.at(-1)!.liveUsage.requests).toBe(1);
    await Promise.all([rootClient.dispose(), subClient.dispose()]);
  });
});
