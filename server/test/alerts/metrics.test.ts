import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createRule, evaluateAt, eventsOf, ingest, spread } from './support.js';

/**
 * Each metric over a rolling window crosses its threshold and falls back: one FIRING event at
 * the crossing, RESOLVED when the window no longer holds the spike, nothing in between.
 * Evaluations are on whole minutes: at 10:00:30 the 15-minute window is [09:45, 10:00).
 */
describe('rolling-window rules, metric by metric', () => {
  const clock = new ManualClock(new Date('2026-11-20T09:00:00Z'));
  let t: TestServer;
  let admin: string;
  let key: string;

  beforeAll(async () => {
    t = await startTestServer({ clock });
    admin = await t.apiKey(['ADMIN']); // sessions expire as the clock moves on; keys do not
    key = await t.apiKey(['INGEST']);
  });
  afterAll(() => t?.stop());

  const cases = [
    { metric: 'COST', threshold: 5, spike: { costUsd: 0.5 }, calm: { costUsd: 0.01 }, fired: 10, unit: 'USD' },
    { metric: 'REQUESTS', threshold: 100, spike: {}, calm: {}, fired: 120, spikeCount: 120, calmCount: 10 },
    { metric: 'ERROR_RATE', threshold: 0.1, spike: { status: 500 }, calm: { status: 200 }, fired: 0.5 },
    { metric: 'LATENCY_P95', threshold: 5000, spike: { latencyMs: 9000 }, calm: { latencyMs: 400 }, fired: 9000 },
    { metric: 'TTFT_P95', threshold: 2000, spike: { ttftMs: 4000 }, calm: { ttftMs: 150 }, fired: 4000 },
  ] as const;

  it.each(cases.map((c, i) => [c.metric, c, i] as const))('%s fires once above the threshold and resolves when it falls back', async (metric, c, i) => {
    // Each case in its own hour, on its own model, so the cases do not see each other's events.
    const hour = `2026-11-20T${String(10 + i * 2).padStart(2, '0')}`;
    const model = `model-${metric.toLowerCase()}`;
    const rule = await createRule(t, admin, { name: `${metric} watch`, metric, windowMinutes: 15, threshold: c.threshold, filter: { models: [model] } });
    expect(rule.minRequests).toBe(['ERROR_RATE', 'LATENCY_P95', 'TTFT_P95'].includes(metric) ? 20 : 0);

    // Calm traffic: nothing fires.
    const calmCount = 'calmCount' in c ? c.calmCount : 40;
    await ingest(t, key, spread(calmCount, `${hour}:00:00Z`, `${hour}:14:00Z`, { model, ...c.calm }));
    await evaluateAt(t.server, clock, `${hour}:15:30Z`);
    expect(await eventsOf(t, admin, rule.id)).toEqual([]);

    // A spike in the next 15 minutes: half the requests (or all of them, for REQUESTS).
    const spikeCount = 'spikeCount' in c ? c.spikeCount : 20;
    await ingest(t, key, spread(spikeCount, `${hour}:16:00Z`, `${hour}:29:00Z`, { model, ...c.spike }));
    await ingest(t, key, spread(metric === 'REQUESTS' ? 0 : 20, `${hour}:16:00Z`, `${hour}:29:00Z`, { model, ...c.calm }));
    await evaluateAt(t.server, clock, `${hour}:30:10Z`);
    const [fired] = await eventsOf(t, admin, rule.id);
    expect(fired).toMatchObject({ kind: 'THRESHOLD', status: 'FIRING', threshold: c.threshold, fraction: 1, entityKey: null, periodFrom: `${hour}:15:00.000Z`, periodTo: null, firedAt: `${hour}:30:00.000Z` });
    if (metric === 'COST') expect(fired.value).toBeCloseTo(20 * 0.5 + 20 * 0.01, 6);
    else if (metric === 'ERROR_RATE') expect(fired.value).toBe(0.5);
    else if (metric === 'REQUESTS') expect(fired.value).toBe(120);
    else expect(fired.value).toBeGreaterThan(c.threshold); // a percentile within 1.5%

    // Still above a minute later: the same event, no second one.
    await evaluateAt(t.server, clock, `${hour}:31:00Z`);
    expect(await eventsOf(t, admin, rule.id)).toHaveLength(1);

    // Calm again: once the spike has left the window, the event resolves with the value it fell to.
    await ingest(t, key, spread(metric === 'REQUESTS' ? 10 : 40, `${hour}:31:00Z`, `${hour}:45:00Z`, { model, ...c.calm }));
    await evaluateAt(t.server, clock, `${hour}:46:00Z`);
    const [resolved] = await eventsOf(t, admin, rule.id);
    expect(resolved).toMatchObject({ id: fired.id, status: 'RESOLVED', resolution: 'VALUE', resolvedAt: `${hour}:46:00.000Z` });
    expect(resolved.lastValue).toBeLessThan(c.threshold);

    // Calm stays calm: nothing new.
    await evaluateAt(t.server, clock, `${hour}:47:00Z`);
    expect(await eventsOf(t, admin, rule.id)).toHaveLength(1);
  });

  it('does not page on a handful of requests: below minRequests a rate neither fires nor resolves', async () => {
    const model = 'model-few';
    const rule = await createRule(t, admin, { name: 'few', metric: 'ERROR_RATE', windowMinutes: 5, threshold: 0.2 });
    const scoped = await createRule(t, admin, { name: 'few, scoped', metric: 'ERROR_RATE', windowMinutes: 10, threshold: 0.2, filter: { models: [model] }, minRequests: 5 });
    expect(rule.minRequests).toBe(20);
    await ingest(t, key, spread(3, '2026-11-21T08:00:00Z', '2026-11-21T08:04:00Z', { model, status: 500 }));
    await evaluateAt(t.server, clock, '2026-11-21T08:05:00Z');
    expect(await eventsOf(t, admin, rule.id)).toEqual([]);
    expect(await eventsOf(t, admin, scoped.id)).toEqual([]);
    // Five requests reach the scoped rule's minimum.
    await ingest(t, key, spread(2, '2026-11-21T08:05:00Z', '2026-11-21T08:05:30Z', { model, status: 500 }));
    await evaluateAt(t.server, clock, '2026-11-21T08:06:00Z');
    expect(await eventsOf(t, admin, scoped.id)).toEqual([expect.objectContaining({ status: 'FIRING', value: 1 })]);
    // No traffic at all: too little evidence to resolve either.
    await evaluateAt(t.server, clock, '2026-11-21T08:30:00Z');
    expect(await eventsOf(t, admin, scoped.id)).toEqual([expect.objectContaining({ status: 'FIRING' })]);
  });

  it('fires per entity with groupBy: one event for each user over the threshold, resolved one by one', async () => {
    const rule = await createRule(t, admin, { name: 'per user', metric: 'COST', windowMinutes: 60, threshold: 1, groupBy: 'USER', filter: { models: ['model-users'] } });
    const base = { model: 'model-users' };
    clock.set('2026-11-22T10:00:00Z');
    await ingest(t, key, [
      ...spread(10, '2026-11-22T10:00:00Z', '2026-11-22T10:50:00Z', { ...base, userId: 'heavy-a', costUsd: 0.2 }),
      ...spread(10, '2026-11-22T10:00:00Z', '2026-11-22T10:50:00Z', { ...base, userId: 'heavy-b', costUsd: 0.15 }),
      ...spread(10, '2026-11-22T10:00:00Z', '2026-11-22T10:50:00Z', { ...base, userId: 'light', costUsd: 0.01 }),
      ...spread(10, '2026-11-22T10:00:00Z', '2026-11-22T10:50:00Z', { ...base, costUsd: 0.5 }), // no user: not an entity
    ]);
    await evaluateAt(t.server, clock, '2026-11-22T11:00:00Z');
    const events = await eventsOf(t, admin, rule.id);
    expect(events.map((e) => [e.entityKey, e.status, Number(e.value.toFixed(2))])).toEqual([
      ['heavy-a', 'FIRING', 2],
      ['heavy-b', 'FIRING', 1.5],
    ]);
    // heavy-b keeps spending, heavy-a stops: only heavy-a resolves.
    await ingest(t, key, spread(10, '2026-11-22T11:00:00Z', '2026-11-22T11:30:00Z', { ...base, userId: 'heavy-b', costUsd: 0.15 }));
    await evaluateAt(t.server, clock, '2026-11-22T11:40:00Z');
    const after = await eventsOf(t, admin, rule.id);
    expect(after.map((e) => [e.entityKey, e.status, e.resolution])).toEqual([
      ['heavy-a', 'RESOLVED', 'VALUE'],
      ['heavy-b', 'FIRING', null],
    ]);
  });
});
