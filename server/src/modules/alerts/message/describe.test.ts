import { describe, expect, it } from 'vitest';
import { alertSubject, transitionLine } from './describe.js';
import type { NotificationSnapshot, TransitionSnapshot } from './snapshot.js';

const rule: NotificationSnapshot['rule'] = { id: 1, name: 'Monthly', metric: 'COST', windowMinutes: null, budgetPeriod: 'MONTH', threshold: 5000, groupBy: null, timezone: 'Europe/Berlin' };
const t = (x: Partial<TransitionSnapshot>): TransitionSnapshot => ({
  eventId: 1, kind: 'THRESHOLD', change: 'FIRED', entityKey: '', entityLabel: null, value: 0, threshold: 0, fraction: 1,
  periodFrom: '2026-11-01T00:00:00Z', periodTo: '2026-12-01T00:00:00Z', projectedCrossingAt: null, ...x,
});
const snap = (transitions: TransitionSnapshot[], r = rule): NotificationSnapshot => ({ rule: r, organizationName: 'Acme', at: '2026-11-20T10:00:00.000Z', transitions });

describe('alert wording', () => {
  it('leads with the highest threshold a budget passed', () => {
    const s = snap([t({ fraction: 0.5, threshold: 2500, value: 4800 }), t({ fraction: 0.8, threshold: 4000, value: 4800 }), t({ fraction: 0.95, threshold: 4750, value: 4800 })]);
    expect(alertSubject(s)).toBe('[Alert] Monthly: 95% of $5,000.00 reached ($4,800.00) (+2 more)');
    expect(transitionLine(s, s.transitions[1])).toBe('Cost this month is $4,800.00, at or above $4,000.00 (80% of $5,000.00).');
  });

  it('names the entity of a per-entity rule and says when a forecast crosses', () => {
    const perUser = snap([t({ entityKey: 'u-1', entityLabel: 'ana@acme.test', value: 0.31, threshold: 0.1 })], { ...rule, metric: 'ERROR_RATE', budgetPeriod: null, windowMinutes: 60, threshold: 0.1, groupBy: 'USER' });
    expect(alertSubject(perUser)).toBe('[Alert] Monthly: error rate 31.0% ≥ 10.0% for ana@acme.test (u-1)');
    expect(transitionLine(perUser, perUser.transitions[0])).toBe('Error rate of ana@acme.test (u-1) over the last 1 h is 31.0%, at or above 10.0%.');
    const forecast = snap([t({ kind: 'FORECAST', value: 5400, threshold: 5000, projectedCrossingAt: '2026-11-19T13:00:00Z' })]);
    expect(alertSubject(forecast)).toBe('[Forecast] Monthly: $5,400.00 projected, budget $5,000.00');
    expect(transitionLine(forecast, forecast.transitions[0])).toBe('At this pace you pass the $5,000.00 budget on Thu 19 Nov, 14:00: $5,400.00 projected by the end of the month.');
  });

  it('says what resolved and where the value is now', () => {
    const s = snap([t({ change: 'RESOLVED', value: 850, threshold: 2000 })], { ...rule, metric: 'LATENCY_P95', budgetPeriod: null, windowMinutes: 15, threshold: 2000 });
    expect(alertSubject(s)).toBe('[Resolved] Monthly: p95 latency 850 ms < 2,000 ms');
  });
});
