import { describe, expect, it } from 'vitest';
import type { EventRow } from './events.store.js';
import { forecastTransitions, thresholdTransitions, type EntityValue, type Measurement, type RuleLevels } from './transitions.js';

const at = new Date('2026-11-20T10:00:00Z');
const month = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };
const budget: RuleLevels = { threshold: 100, thresholds: [0.5, 0.8, 0.95, 1], minRequests: 0, budget: true, additive: true };
const rate: RuleLevels = { threshold: 0.1, thresholds: [1], minRequests: 20, budget: false, additive: false };

const measured = (values: Record<string, Partial<EntityValue>>, complete = true, span = month): Measurement => ({
  span,
  complete,
  entities: new Map(Object.entries(values).map(([k, v]) => [k, { value: 0, requests: 100, label: null, ...v }])),
});
let nextId = 1;
const open = (e: Partial<EventRow>): EventRow =>
  ({ id: nextId++, kind: 'THRESHOLD', entityKey: '', level: 0, fraction: 1, threshold: 100, value: 100, periodFrom: month.from, periodTo: month.to, status: 'FIRING', ...e }) as EventRow;

describe('thresholdTransitions', () => {
  it('fires every level the value reached, lowest first', () => {
    const t = thresholdTransitions(budget, measured({ '': { value: 96 } }), [], new Set(), at);
    expect(t.fire.map((f) => [f.level, f.fraction, f.threshold])).toEqual([[0, 0.5, 50], [1, 0.8, 80], [2, 0.95, 95]]);
    expect(t.fire[0]).toMatchObject({ periodFrom: month.from, periodTo: month.to, value: 96, entityKey: '' });
  });

  it('fires a level that is already firing, or fired earlier in the period, never again', () => {
    const firing = [open({ level: 0, fraction: 0.5, threshold: 50 })];
    const t = thresholdTransitions(budget, measured({ '': { value: 90 } }), firing, new Set(['THRESHOLD||1']), at);
    expect(t.fire).toEqual([]);
    expect(t.touch).toEqual([{ id: firing[0].id, value: 90 }]);
  });

  it('resolves when the value falls back below its level, and a budget event when its period is over', () => {
    const rolling = { ...rate, minRequests: 0 };
    const window = { from: new Date('2026-11-20T09:45:00Z'), to: at };
    const e = open({ threshold: 0.1, periodFrom: window.from, periodTo: null });
    expect(thresholdTransitions(rolling, measured({ '': { value: 0.02 } }, true, window), [e], new Set(), at).resolve).toEqual([{ id: e.id, resolution: 'VALUE', value: 0.02, at }]);
    const old = open({ periodFrom: new Date('2026-10-01T00:00:00Z'), periodTo: month.from });
    expect(thresholdTransitions(budget, measured({ '': { value: 0 } }), [old], new Set(), at).resolve).toEqual([{ id: old.id, resolution: 'PERIOD_END', value: null, at: month.from }]);
  });

  it('neither fires nor resolves below minRequests, or without a value', () => {
    const e = open({ threshold: 0.1 });
    const few = thresholdTransitions(rate, measured({ '': { value: 0, requests: 3 } }), [e], new Set(), at);
    expect(few).toEqual({ fire: [], resolve: [], touch: [] });
    expect(thresholdTransitions(rate, measured({ '': { value: 1, requests: 19 } }), [], new Set(), at).fire).toEqual([]);
    expect(thresholdTransitions(rate, measured({ '': { value: null, requests: 50 } }), [], new Set(), at).fire).toEqual([]);
    expect(thresholdTransitions(rate, measured({ '': { value: 0.1, requests: 20 } }), [], new Set(), at).fire).toHaveLength(1);
  });

  it('treats an entity gone from a complete breakdown as zero for sums, unknown for rates, and unknown when cut off', () => {
    const cost: RuleLevels = { threshold: 10, thresholds: [1], minRequests: 0, budget: false, additive: true };
    const e = open({ entityKey: 'u1', threshold: 10 });
    expect(thresholdTransitions(cost, measured({}), [e], new Set(), at).resolve).toEqual([{ id: e.id, resolution: 'VALUE', value: 0, at }]);
    expect(thresholdTransitions(cost, measured({}, false), [e], new Set(), at).resolve).toEqual([]);
    expect(thresholdTransitions({ ...rate, minRequests: 0 }, measured({}), [open({ entityKey: 'u1' })], new Set(), at).resolve).toEqual([]);
  });

  it('keeps one event per entity and level', () => {
    const t = thresholdTransitions({ ...budget, thresholds: [1] }, measured({ b: { value: 150, label: 'Bea' }, a: { value: 120 }, c: { value: 20 } }), [], new Set(), at);
    expect(t.fire.map((f) => [f.entityKey, f.entityLabel])).toEqual([['a', null], ['b', 'Bea']]);
  });
});

describe('forecastTransitions', () => {
  const f = { budget: 1000, spent: 400, projected: 1200, crossingAt: new Date('2026-11-25T00:00:00Z'), settled: true };

  it('fires once a period when the projection reaches the budget before the spend does', () => {
    const t = forecastTransitions(f, month, [], new Set(), at);
    expect(t.fire).toEqual([expect.objectContaining({ kind: 'FORECAST', value: 1200, threshold: 1000, projectedCrossingAt: f.crossingAt })]);
    expect(forecastTransitions(f, month, [], new Set(['FORECAST||0']), at).fire).toEqual([]);
    expect(forecastTransitions({ ...f, settled: false }, month, [], new Set(), at).fire).toEqual([]);
    expect(forecastTransitions({ ...f, spent: 1000 }, month, [], new Set(), at).fire).toEqual([]);
  });

  it('resolves when the projection falls back or the period ends, and follows it while firing', () => {
    const e = open({ kind: 'FORECAST', threshold: 1000 });
    expect(forecastTransitions({ ...f, projected: 900 }, month, [e], new Set(), at).resolve).toEqual([{ id: e.id, resolution: 'VALUE', value: 900, at }]);
    expect(forecastTransitions(f, month, [e], new Set(), at).touch).toEqual([{ id: e.id, value: 1200, projectedCrossingAt: f.crossingAt }]);
    const old = open({ kind: 'FORECAST', periodFrom: new Date('2026-10-01T00:00:00Z'), periodTo: month.from });
    expect(forecastTransitions(f, month, [old], new Set(), at).resolve[0]).toMatchObject({ resolution: 'PERIOD_END', at: month.from });
  });
});
