import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createRule, evaluateAt, eventsOf, ingest, spread, sql } from './support.js';

/** Calendar budgets: graduated thresholds, once per period, periods in the rule's timezone, forecasts. */
describe('budgets', () => {
  const clock = new ManualClock(new Date('2026-11-03T10:00:00Z'));
  let t: TestServer;
  let admin: string;
  let key: string;

  beforeAll(async () => {
    t = await startTestServer({ clock });
    admin = await t.apiKey(['ADMIN']); // sessions expire as the clock moves on; keys do not
    key = await t.apiKey(['INGEST']);
  });
  afterAll(() => t?.stop());

  /** Spends at `at`, moving the clock there first if it stood earlier (ingestion refuses far-future events). */
  const spend = (usd: number, at: string, model: string, extra: Record<string, unknown> = {}) => {
    if (Date.parse(at) > clock.now().getTime()) clock.set(at);
    return ingest(t, key, [{ at, costUsd: usd, model, ...extra }]);
  };

  it('fires 50%, 80%, 95% and 100% in order, each once per month, and resolves them when the month ends', async () => {
    const model = 'm-monthly';
    const rule = await createRule(t, admin, { name: 'Monthly budget', metric: 'COST', budgetPeriod: 'MONTH', threshold: 100, filter: { models: [model] } });
    expect(rule.thresholds).toEqual([0.5, 0.8, 0.95, 1]);
    const levels = async () => (await eventsOf(t, admin, rule.id)).map((e) => [e.fraction, e.status]);

    await spend(40, '2026-11-02T09:00:00Z', model);
    await evaluateAt(t.server, clock, '2026-11-03T10:00:00Z');
    expect(await levels()).toEqual([]);

    const steps: [number, string, number][] = [
      [15, '2026-11-04T10:00:00Z', 0.5],
      [30, '2026-11-05T10:00:00Z', 0.8],
      [12, '2026-11-06T10:00:00Z', 0.95],
      [5, '2026-11-07T10:00:00Z', 1],
    ];
    for (const [usd, at, level] of steps) {
      await spend(usd, at, model);
      await evaluateAt(t.server, clock, at);
      const events = await eventsOf(t, admin, rule.id);
      expect(events.at(-1)).toMatchObject({ fraction: level, threshold: 100 * level, status: 'FIRING', periodFrom: '2026-11-01T00:00:00.000Z', periodTo: '2026-12-01T00:00:00.000Z', firedAt: at.replace('Z', '.000Z') });
    }
    expect(await levels()).toEqual([[0.5, 'FIRING'], [0.8, 'FIRING'], [0.95, 'FIRING'], [1, 'FIRING']]);
    const events = await eventsOf(t, admin, rule.id);
    expect(events.map((e) => Number(e.value.toFixed(2)))).toEqual([55, 85, 97, 102]);

    // Evaluating again changes nothing: each threshold fires once a period.
    await evaluateAt(t.server, clock, '2026-11-20T10:00:00Z');
    expect(await eventsOf(t, admin, rule.id)).toHaveLength(4);

    // December: the spend starts from zero, so every event resolves at the end of November.
    await evaluateAt(t.server, clock, '2026-12-01T00:00:30Z');
    const closed = await eventsOf(t, admin, rule.id);
    expect(closed.map((e) => [e.fraction, e.status, e.resolution, e.resolvedAt])).toEqual(
      [0.5, 0.8, 0.95, 1].map((f) => [f, 'RESOLVED', 'PERIOD_END', '2026-12-01T00:00:00.000Z']),
    );

    // A jump straight to 96% fires the three thresholds it passed, in order, in one notification.
    await spend(96, '2026-12-02T08:00:00Z', model);
    const before = (await sql(t, 'select count(*)::int as n from alert_notification where rule_id = $1', [Number(rule.id)]))[0].n;
    await evaluateAt(t.server, clock, '2026-12-02T08:00:00Z');
    const december = (await eventsOf(t, admin, rule.id)).filter((e) => e.periodFrom === '2026-12-01T00:00:00.000Z');
    expect(december.map((e) => [e.fraction, e.status])).toEqual([[0.5, 'FIRING'], [0.8, 'FIRING'], [0.95, 'FIRING']]);
    expect(december.map((e) => Number(e.id))).toEqual([...december.map((e) => Number(e.id))].sort((a, b) => a - b));
    const notifications = await sql(t, 'select transitions from alert_notification where rule_id = $1 order by id', [Number(rule.id)]);
    expect(notifications).toHaveLength(before + 1);
  });

  it('keeps calendar periods in the timezone of the rule: a Berlin day starts at 23:00 UTC in winter', async () => {
    const model = 'm-berlin';
    const rule = await createRule(t, admin, { name: 'Daily Berlin', metric: 'COST', budgetPeriod: 'DAY', threshold: 10, thresholds: [1], filter: { models: [model], timezone: 'Europe/Berlin' } });
    clock.set('2026-11-10T22:00:00Z');
    await spend(8, '2026-11-10T22:30:00Z', model); // 23:30 on the 10th in Berlin
    await spend(8, '2026-11-10T23:30:00Z', model); // 00:30 on the 11th in Berlin
    await evaluateAt(t.server, clock, '2026-11-10T22:59:00Z');
    expect(await eventsOf(t, admin, rule.id)).toEqual([]); // $8 on the 10th
    await spend(3, '2026-11-10T23:40:00Z', model);
    await evaluateAt(t.server, clock, '2026-11-10T23:45:00Z');
    expect(await eventsOf(t, admin, rule.id)).toEqual([expect.objectContaining({ value: 11, periodFrom: '2026-11-10T23:00:00.000Z', periodTo: '2026-11-11T23:00:00.000Z' })]);
  });

  it('budgets each sub-account on its own with groupBy SUB_ACCOUNT', async () => {
    await t.gqlData(`mutation { a: createSubAccount(input: { externalId: "acme-eu", name: "Acme EU" }) { id } b: createSubAccount(input: { externalId: "acme-us", name: "Acme US" }) { id } }`, {}, admin);
    const model = 'm-subs';
    const rule = await createRule(t, admin, { name: 'Per sub-account', metric: 'COST', budgetPeriod: 'MONTH', threshold: 10, thresholds: [0.5, 1], groupBy: 'SUB_ACCOUNT', filter: { models: [model] } });
    clock.set('2026-11-12T10:00:00Z');
    await spend(6, '2026-11-12T09:00:00Z', model, { subAccountId: 'acme-eu' });
    await spend(11, '2026-11-12T09:00:00Z', model, { subAccountId: 'acme-us' });
    await evaluateAt(t.server, clock, '2026-11-12T10:00:00Z');
    const events = await eventsOf(t, admin, rule.id);
    expect(events.map((e) => [e.entityKey, e.entityLabel, e.fraction])).toEqual([
      ['acme-eu', 'Acme EU', 0.5],
      ['acme-us', 'Acme US', 0.5],
      ['acme-us', 'Acme US', 1],
    ]);
  });

  it('projects the month from the pace so far, weekday-aware, and alerts once when the projection passes the budget', async () => {
    const model = 'm-forecast';
    // Weekdays cost $100, weekend days $10, every day since October 1st.
    const days: { at: string; costUsd: number; model: string }[] = [];
    for (let d = new Date('2026-10-01T00:30:00Z'); d < new Date('2026-11-16T01:00:00Z'); d = new Date(d.getTime() + 86_400_000)) {
      const weekend = d.getUTCDay() === 0 || d.getUTCDay() === 6;
      days.push({ at: d.toISOString(), costUsd: weekend ? 10 : 100, model });
    }
    clock.set('2026-11-16T12:30:00Z');
    await ingest(t, key, days);
    const rule = await createRule(t, admin, { name: 'Forecast', metric: 'COST', budgetPeriod: 'MONTH', threshold: 2000, thresholds: [1], forecast: true, filter: { models: [model] } });

    const { budgetForecasts } = await t.gqlData(`{ budgetForecasts { rule { id } spentUsd projectedUsd budgetUsd projectedCrossingAt periodFrom periodTo elapsedFraction } }`, {}, admin);
    const f = budgetForecasts.find((x: any) => x.rule.id === rule.id);
    // November 1-16: 11 weekdays and 5 weekend days.
    expect(f).toMatchObject({ spentUsd: 1150, budgetUsd: 2000, periodFrom: '2026-11-01T00:00:00.000Z', periodTo: '2026-12-01T00:00:00.000Z' });
    // The month holds 21 weekdays and 9 weekend days: $2,190 at the same pattern.
    expect(Math.abs(f.projectedUsd - 2190) / 2190).toBeLessThan(0.06);
    const crossing = new Date(f.projectedCrossingAt).getTime();
    expect(crossing).toBeGreaterThan(Date.parse('2026-11-24T00:00:00Z'));
    expect(crossing).toBeLessThan(Date.parse('2026-12-01T00:00:00Z'));

    await evaluateAt(t.server, clock, '2026-11-16T12:30:00Z');
    await evaluateAt(t.server, clock, '2026-11-16T12:31:00Z');
    const events = await eventsOf(t, admin, rule.id);
    expect(events).toEqual([expect.objectContaining({ kind: 'FORECAST', status: 'FIRING', threshold: 2000, projectedCrossingAt: expect.any(String) })]);
    expect(events[0].value).toBeCloseTo(f.projectedUsd, 0);
  });

  it('says when an exceeded budget was reached, and refuses forecasts where they mean nothing', async () => {
    const model = 'm-reached';
    clock.set('2026-11-18T08:00:00Z');
    const rule = await createRule(t, admin, { name: 'Reached', metric: 'COST', budgetPeriod: 'WEEK', threshold: 5, thresholds: [1], filter: { models: [model] } });
    await spend(6, '2026-11-17T08:00:00Z', model);
    await evaluateAt(t.server, clock, '2026-11-18T08:00:00Z');
    clock.set('2026-11-19T09:00:00Z');
    const { budgetForecasts } = await t.gqlData(`{ budgetForecasts { rule { id } spentUsd projectedCrossingAt periodFrom } }`, {}, admin);
    expect(budgetForecasts.find((x: any) => x.rule.id === rule.id)).toEqual({ rule: { id: rule.id }, spentUsd: 6, projectedCrossingAt: '2026-11-18T08:00:00.000Z', periodFrom: '2026-11-16T00:00:00.000Z' });

    const bad = await t.gql(`mutation { createAlertRule(input: { name: "x", metric: ERROR_RATE, windowMinutes: 60, threshold: 0.1, forecast: true }) { id } }`, {}, admin);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'forecast' });
  });
});
