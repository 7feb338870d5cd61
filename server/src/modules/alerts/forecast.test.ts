import { describe, expect, it } from 'vitest';
import { projectSpend, weekdayWeights } from './forecast.js';
import { budgetPeriodAt, evaluationMinute, rollingWindow } from './periods.js';

const november = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z') };

/** Four weeks of history: weekdays $100, weekends $10 (2026-10-19 is a Monday). */
const history = Array.from({ length: 28 }, (_, i) => {
  const day = new Date(Date.UTC(2026, 9, 19 + i));
  const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
  return { day, costUsd: weekend ? 10 : 100 };
});

describe('projectSpend', () => {
  it('is a straight line without history', () => {
    const f = projectSpend({ spent: 500, period: november, now: new Date('2026-11-11T00:00:00Z'), timezone: 'UTC', history: [], budget: 2000 });
    expect(f.projected).toBeCloseTo(1500, 6);
    expect(f.elapsed).toBeCloseTo(1 / 3, 6);
    // $50 a day from $500: $2,000 after 30 more days, beyond the month.
    expect(f.crossingAt).toBeNull();
  });

  it('weighs the rest of the period by weekday: a quiet weekend ahead projects lower than a straight line', () => {
    // Monday 2 Nov 00:00: spent Sunday's $10 on a $100-weekday pace; the month as history says is $2,190.
    const f = projectSpend({ spent: 10, period: november, now: new Date('2026-11-02T00:00:00Z'), timezone: 'UTC', history, budget: 5000 });
    expect(f.projected).toBeCloseTo(2190, 6);
    const straight = (10 / 1) * 30;
    expect(f.projected).toBeGreaterThan(straight); // a straight line from a Sunday would say $300
  });

  it('scales the shape by this period’s pace and finds the day the budget is crossed', () => {
    // Running 20% hotter than history: on Saturday 14 Nov 00:00, 10 weekdays and 3 weekend days are behind.
    const spent = 1.2 * (10 * 100 + 3 * 10);
    const f = projectSpend({ spent, period: november, now: new Date('2026-11-14T00:00:00Z'), timezone: 'UTC', history, budget: 2400 });
    expect(f.projected).toBeCloseTo(1.2 * 2190, 6);
    // Left before crossing: 2400 - 1236 = 1164 at $120 a weekday, $12 a weekend day, from Sat 14 Nov.
    // Sat, Sun: 24 → 1140 left; Mon 16–Fri 20: 600 → 540; Sat, Sun: 24 → 516; Mon 23–Thu 26: 480 → 36; Fri 27 at 36/120 of the day.
    expect(f.crossingAt?.toISOString()).toBe('2026-11-27T07:12:00.000Z');
  });

  it('projects from history alone before anything is spent', () => {
    const f = projectSpend({ spent: 0, period: november, now: new Date('2026-11-01T00:00:00Z'), timezone: 'UTC', history, budget: 3000 });
    expect(f.projected).toBeCloseTo(2190, 6);
    expect(f.crossingAt).toBeNull();
  });

  it('counts weekdays in the budget timezone', () => {
    const w = weekdayWeights([{ day: new Date('2026-11-15T23:00:00Z'), costUsd: 70 }], 'Europe/Berlin'); // Monday 16th, 00:00 in Berlin
    expect(w[1]).toBe(70);
    expect(w[7]).toBe(70); // weekdays without history take the overall mean
  });
});

describe('periods', () => {
  it('evaluates on whole minutes, rolling windows end at the minute', () => {
    const minute = evaluationMinute(new Date('2026-11-20T10:00:59.999Z'));
    expect(minute.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(rollingWindow(minute, 15).from.toISOString()).toBe('2026-11-20T09:45:00.000Z');
  });

  it('keeps calendar periods local, DST days included', () => {
    expect(budgetPeriodAt(new Date('2026-11-20T10:00:00Z'), 'WEEK', 'UTC')).toEqual({ from: new Date('2026-11-16T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') });
    // 29 March 2026 in Berlin: 23 hours long.
    const day = budgetPeriodAt(new Date('2026-03-29T12:00:00Z'), 'DAY', 'Europe/Berlin');
    expect(day).toEqual({ from: new Date('2026-03-28T23:00:00Z'), to: new Date('2026-03-29T22:00:00Z') });
    expect(budgetPeriodAt(new Date('2026-10-31T23:30:00Z'), 'MONTH', 'Europe/Berlin')).toEqual({ from: new Date('2026-10-31T23:00:00Z'), to: new Date('2026-11-30T23:00:00Z') });
  });
});
