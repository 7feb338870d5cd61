import { describe, expect, it } from 'vitest';
import { bucketStarts, resolveGranularity, resolveTimeRange } from './time-range.js';

const iso = (d: Date) => d.toISOString();

describe('time ranges', () => {
  const now = new Date('2026-10-25T12:00:00Z'); // the day Berlin leaves summer time (25 hours)

  it('makes TODAY a 25-hour day when the clocks go back', () => {
    const r = resolveTimeRange({ timeframe: 'TODAY' }, 'Europe/Berlin', now);
    expect(iso(r.from)).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(r.to)).toBe('2026-10-25T23:00:00.000Z');
    expect(bucketStarts(r.from, r.to, 'hour', 'Europe/Berlin')).toHaveLength(25);
    expect(iso(r.previousFrom)).toBe('2026-10-23T22:00:00.000Z');
  });

  it('starts weeks on Monday and compares LAST_MONTH with the month before', () => {
    const week = resolveTimeRange({ timeframe: 'LAST_WEEK' }, 'UTC', now); // Sunday
    expect(iso(week.from)).toBe('2026-10-12T00:00:00.000Z');
    expect(iso(week.to)).toBe('2026-10-19T00:00:00.000Z');
    const month = resolveTimeRange({ timeframe: 'LAST_MONTH' }, 'America/New_York', new Date('2026-03-15T12:00:00Z'));
    expect(iso(month.from)).toBe('2026-02-01T05:00:00.000Z');
    expect(iso(month.previousFrom)).toBe('2026-01-01T05:00:00.000Z');
    expect(iso(month.previousTo)).toBe('2026-02-01T05:00:00.000Z');
  });

  it('ends rolling presets with today and compares with the same number of days before', () => {
    const r = resolveTimeRange({ timeframe: 'LAST_7_DAYS' }, 'UTC', now);
    expect(iso(r.from)).toBe('2026-10-19T00:00:00.000Z');
    expect(iso(r.to)).toBe('2026-10-26T00:00:00.000Z');
    expect(iso(r.previousFrom)).toBe('2026-10-12T00:00:00.000Z');
  });

  it('aims AUTO at 30–60 buckets', () => {
    const at = (timeframe: 'TODAY' | 'LAST_7_DAYS' | 'LAST_30_DAYS' | 'LAST_90_DAYS' | 'LAST_6_MONTHS' | 'LAST_12_MONTHS') =>
      resolveGranularity('AUTO', resolveTimeRange({ timeframe }, 'UTC', now));
    expect([at('TODAY'), at('LAST_7_DAYS'), at('LAST_30_DAYS'), at('LAST_90_DAYS'), at('LAST_6_MONTHS'), at('LAST_12_MONTHS')]).toEqual(['hour', 'hour', 'day', 'day', 'week', 'week']);
  });

  it('refuses reversed, empty and too long custom ranges', () => {
    const custom = (from: string, to: string) => () => resolveTimeRange({ timeframe: 'CUSTOM', from: new Date(from), to: new Date(to) }, 'UTC', now);
    expect(custom('2026-01-02T00:00:00Z', '2026-01-01T00:00:00Z')).toThrow(/filter.to/);
    expect(custom('2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toThrow(/filter.to/);
    expect(custom('2025-01-01T00:00:00Z', '2026-03-01T00:00:00Z')).toThrow(/400 days/);
  });
});
