import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { usageEventSchema } from '../ingestion/event.schema.js';
import { PriceList } from '../pricing/price-list.js';
import { DEMO_SEED, generateDemoEvents, type DemoEvent } from './generator.js';
import { allocate } from './seasonality.js';
import { MODELS, SUB_ACCOUNTS, TEAMS } from './world.js';

const END = new Date('2026-11-20T15:30:00Z');
const DAY = 86_400_000;
const sample = (count: number, seed = DEMO_SEED) => [...generateDemoEvents({ seed, count, end: END })];
const digest = (events: DemoEvent[]) => createHash('sha256').update(JSON.stringify(events)).digest('hex');
const share = (events: DemoEvent[], test: (e: DemoEvent) => boolean) => events.filter(test).length / events.length;
function countBy<K>(events: DemoEvent[], key: (e: DemoEvent) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const e of events) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  return counts;
}

describe('the demo event generator', () => {
  const events = sample(100_000);

  it('gives the same events for the same seed and period, and other events for another seed', () => {
    expect(digest(sample(20_000))).toBe(digest(sample(20_000)));
    expect(digest(sample(20_000))).not.toBe(digest(sample(20_000, DEMO_SEED + 1)));
  });

  it('resumes mid-way with exactly the events a full run would have produced', () => {
    const all = sample(12_000);
    const tail = [...generateDemoEvents({ seed: DEMO_SEED, count: 12_000, end: END }, 7_000)];
    expect(tail).toEqual(all.slice(7_000));
  });

  it('produces exactly the requested count, with stable unique ids, all within the 90 days before the end', () => {
    expect(events).toHaveLength(100_000);
    expect(new Set(events.map((e) => e.id)).size).toBe(100_000);
    expect(events[0].id).toBe(`demo-${DEMO_SEED}-0`);
    const times = events.map((e) => Date.parse(e.timestamp));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(END.getTime() - 90 * DAY);
    expect(Math.max(...times)).toBeLessThan(END.getTime());
    expect(Math.max(...times)).toBeGreaterThan(END.getTime() - DAY);
  });

  it('writes events the ingestion schema accepts', () => {
    const invalid = events.filter((_, i) => i % 10 === 0).filter((e) => !usageEventSchema.safeParse(e).success);
    expect(invalid).toEqual([]);
  });

  it('fails about 2% of calls, with rate limits (429) and server errors (5xx), and bills no tokens for them', () => {
    const errors = events.filter((e) => e.status >= 400);
    expect(errors.length / events.length).toBeGreaterThan(0.015);
    expect(errors.length / events.length).toBeLessThan(0.03);
    expect(share(errors, (e) => e.status === 429)).toBeGreaterThan(0.3);
    expect(share(errors, (e) => e.status >= 500)).toBeGreaterThan(0.15);
    expect(errors.every((e) => e.error && e.inputTokens === 0 && e.outputTokens === 0)).toBe(true);
  });

  it('skews models: the top model serves far more than the median one, 12 models from 4 providers', () => {
    const byModel = [...countBy(events, (e) => e.model).values()].sort((a, b) => b - a);
    expect(byModel).toHaveLength(12);
    expect(new Set(events.map((e) => e.provider)).size).toBe(4);
    expect(byModel[0] / events.length).toBeGreaterThan(0.2);
    expect(byModel[0]).toBeGreaterThan(4 * byModel[6]);
  });

  it('includes exactly the two models the price list cannot price', () => {
    const prices = new PriceList();
    const unpriced = MODELS.filter((m) => prices.lookup(m.name, m.provider) === null || prices.priceNanos(prices.lookup(m.name, m.provider)!, { inputTokens: 1000, outputTokens: 100, cachedInputTokens: 0, cacheWriteTokens: 0 }, END) === null);
    expect(unpriced.map((m) => m.name)).toEqual(MODELS.filter((m) => !m.priced).map((m) => m.name));
    expect(unpriced).toHaveLength(2);
  });

  it('skews users: about 300 of them, the busiest tenth making most requests', () => {
    const byUser = [...countBy(events, (e) => e.userId).values()].sort((a, b) => b - a);
    expect(byUser.length).toBeGreaterThan(280);
    expect(byUser.length).toBeLessThanOrEqual(300);
    expect(byUser.slice(0, 30).reduce((a, b) => a + b, 0) / events.length).toBeGreaterThan(0.4);
  });

  it('follows the week and the working day', () => {
    const days = countBy(events, (e) => new Date(e.timestamp).getUTCDay());
    const weekday = ((days.get(2) ?? 0) + (days.get(3) ?? 0)) / 2;
    const weekend = ((days.get(0) ?? 0) + (days.get(6) ?? 0)) / 2;
    expect(weekday).toBeGreaterThan(2 * weekend);
    const hours = countBy(events, (e) => new Date(e.timestamp).getUTCHours());
    expect(hours.get(10)!).toBeGreaterThan(5 * hours.get(3)!);
  });

  it('groups events into sessions and agent runs of 3 agent types, across 3 sub-accounts and 6 teams', () => {
    const sessions = countBy(events.filter((e) => e.sessionId), (e) => e.sessionId);
    const runs = countBy(events.filter((e) => e.runId), (e) => e.runId);
    expect(events.length / sessions.size).toBeGreaterThan(2);
    expect(Math.max(...sessions.values())).toBeGreaterThan(5);
    expect([...runs.values()].filter((n) => n > 3).length).toBeGreaterThan(100);
    expect(new Set(events.map((e) => e.agentType).filter(Boolean))).toEqual(new Set(['single_task', 'multi_step', 'conversational']));
    expect(new Set(events.map((e) => e.agentId).filter(Boolean)).size).toBe(25);
    expect(new Set(events.map((e) => e.subAccountId ?? null))).toEqual(new Set([null, ...SUB_ACCOUNTS.map((s) => s.externalId)]));
    expect(new Set(events.map((e) => e.teamId))).toEqual(new Set(TEAMS.map((t) => t.id)));
  });

  it('gives streamed calls a time to first token, and carries cache hits, cached tokens, threats, tools and properties', () => {
    const streamed = events.filter((e) => e.ttftMs !== undefined);
    expect(streamed.length / events.length).toBeGreaterThan(0.3);
    expect(streamed.every((e) => e.ttftMs! <= e.latencyMs)).toBe(true);
    expect(share(events, (e) => e.cacheHit)).toBeGreaterThan(0.005);
    expect(share(events, (e) => e.cachedInputTokens > 0)).toBeGreaterThan(0.2);
    expect(events.every((e) => e.cachedInputTokens + e.cacheWriteTokens <= e.inputTokens)).toBe(true);
    expect(share(events, (e) => e.threat)).toBeGreaterThan(0.001);
    expect(share(events, (e) => !!e.tools?.length)).toBeGreaterThan(0.05);
    expect(new Set(events.map((e) => e.feature)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(events.map((e) => e.properties.environment))).toEqual(new Set(['production', 'staging', 'development']));
    expect(new Set(events.map((e) => e.properties.userTier))).toEqual(new Set(['free', 'pro', 'enterprise']));
  });
});

describe('allocate', () => {
  it('splits a total in proportion to the weights, adding up exactly', () => {
    const counts = allocate(1_000, [1, 2, 3, 0.5, 0.25]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(counts[2]).toBeCloseTo(3 * counts[0], -1);
  });
});
