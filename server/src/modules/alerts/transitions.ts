import type { EventRow, NewEvent, Resolution } from './events.store.js';
import type { Span } from './periods.js';

/** The value of one entity (or of the whole scope, key '') at an evaluation. */
export interface EntityValue {
  /** Null when undefined (a percentile over no requests). */
  value: number | null;
  requests: number;
  label: string | null;
}

export interface Measurement {
  /** The budget period, or the rolling window. */
  span: Span;
  entities: Map<string, EntityValue>;
  /** False when a per-entity breakdown was cut off: absent entities are then unknown, not zero. */
  complete: boolean;
}

export interface RuleLevels {
  threshold: number;
  thresholds: number[];
  minRequests: number;
  /** Budget rules fire each threshold once per period; rolling rules once per crossing. */
  budget: boolean;
  /** Additive metrics (cost, requests) are 0 for an entity without events; rates are unknown. */
  additive: boolean;
}

export interface Transitions {
  fire: NewEvent[];
  resolve: { id: number; resolution: Resolution; value: number | null; at: Date }[];
  touch: { id: number; value: number; projectedCrossingAt?: Date | null }[];
}

/**
 * What changes at one evaluation of a THRESHOLD rule, from the measured values and the events
 * firing now. Pure, so every case is a unit test:
 *
 *  - a value at or above threshold × fraction fires that level, unless it is firing already or (for
 *    a budget) already fired in this period; levels fire in ascending order;
 *  - a firing event resolves when its value falls back below its level, or (budgets) when its
 *    period is over;
 *  - with fewer than `minRequests` requests (or no value) nothing changes: too little evidence
 *    either way.
 */
export function thresholdTransitions(rule: RuleLevels, m: Measurement, open: EventRow[], firedThisPeriod: Set<string>, at: Date): Transitions {
  const out: Transitions = { fire: [], resolve: [], touch: [] };
  const openKeys = new Set<string>();
  const valueOf = (key: string): EntityValue | null => {
    const v = m.entities.get(key);
    if (v) return v;
    if (!m.complete) return null;
    return rule.additive ? { value: 0, requests: 0, label: null } : { value: null, requests: 0, label: null };
  };
  const evaluable = (v: EntityValue | null): v is EntityValue & { value: number } => !!v && v.value !== null && v.requests >= rule.minRequests;

  for (const e of open) {
    if (e.kind !== 'THRESHOLD') continue;
    if (rule.budget && e.periodFrom.getTime() !== m.span.from.getTime()) {
      // The period this event belongs to is over: its spend starts again from zero.
      out.resolve.push({ id: e.id, resolution: 'PERIOD_END', value: null, at: e.periodTo && e.periodTo < at ? e.periodTo : at });
      continue;
    }
    const v = valueOf(e.entityKey);
    if (evaluable(v) && v.value < e.threshold) {
      out.resolve.push({ id: e.id, resolution: 'VALUE', value: v.value, at });
      continue;
    }
    openKeys.add(`${e.entityKey}|${e.level}`);
    if (evaluable(v)) out.touch.push({ id: e.id, value: v.value });
  }

  const keys = [...m.entities.keys()].sort();
  for (const key of keys) {
    const v = m.entities.get(key)!;
    if (!evaluable(v)) continue;
    rule.thresholds.forEach((fraction, level) => {
      const limit = rule.threshold * fraction;
      if (v.value < limit) return;
      if (openKeys.has(`${key}|${level}`)) return;
      if (rule.budget && firedThisPeriod.has(`THRESHOLD|${key}|${level}`)) return;
      out.fire.push({
        kind: 'THRESHOLD',
        entityKey: key,
        entityLabel: v.label,
        level,
        fraction,
        threshold: limit,
        value: v.value,
        periodFrom: m.span.from,
        periodTo: rule.budget ? m.span.to : null,
        projectedCrossingAt: null,
      });
    });
  }
  return out;
}

export interface ForecastState {
  budget: number;
  spent: number;
  projected: number;
  crossingAt: Date | null;
  /** Whether enough of the period has passed for the pace to mean something. */
  settled: boolean;
}

/**
 * The forecast alert of a budget: fires once a period when, with enough of the period behind,
 * the projection reaches the budget while the spend has not yet; resolves when the projection
 * falls back below the budget or the period ends.
 */
export function forecastTransitions(f: ForecastState, period: Span, open: EventRow[], firedThisPeriod: Set<string>, at: Date): Transitions {
  const out: Transitions = { fire: [], resolve: [], touch: [] };
  let firing = false;
  for (const e of open) {
    if (e.kind !== 'FORECAST') continue;
    if (e.periodFrom.getTime() !== period.from.getTime()) {
      out.resolve.push({ id: e.id, resolution: 'PERIOD_END', value: null, at: e.periodTo && e.periodTo < at ? e.periodTo : at });
    } else if (f.projected < f.budget) {
      out.resolve.push({ id: e.id, resolution: 'VALUE', value: f.projected, at });
    } else {
      firing = true;
      out.touch.push({ id: e.id, value: f.projected, projectedCrossingAt: f.crossingAt });
    }
  }
  if (!firing && f.settled && f.spent < f.budget && f.projected >= f.budget && !firedThisPeriod.has('FORECAST||0')) {
    out.fire.push({
      kind: 'FORECAST',
      entityKey: '',
      entityLabel: null,
      level: 0,
      fraction: 1,
      threshold: f.budget,
      value: f.projected,
      periodFrom: period.from,
      periodTo: period.to,
      projectedCrossingAt: f.crossingAt,
    });
  }
  return out;
}
