import { describe, expect, it } from 'vitest';
import { filterFromQuery, queryFromFilter, searchParamsFromFilter, zonedDate, zonedDayStart } from './usage-filter';

describe('the usage filter in the URL', () => {
  it('defaults to the last 7 days', () => {
    expect(filterFromQuery({})).toEqual({ timeframe: 'LAST_7_DAYS' });
    expect(queryFromFilter({ timeframe: 'LAST_7_DAYS' })).toEqual({});
  });

  it('reads lists from repeated and from comma-separated parameters', () => {
    const filter = filterFromQuery({ models: ['gpt-4o', 'claude-3'], providers: 'openai,anthropic', teamIds: '' });
    expect(filter.models).toEqual(['gpt-4o', 'claude-3']);
    expect(filter.providers).toEqual(['openai', 'anthropic']);
    expect(filter.teamIds).toBeUndefined();
  });

  it('reads custom properties as property.<key>=<value>', () => {
    const filter = filterFromQuery({ 'property.environment': 'production', 'property.tier': ['premium'] });
    expect(filter.properties).toEqual([
      { key: 'environment', value: 'production' },
      { key: 'tier', value: 'premium' },
    ]);
    expect(queryFromFilter(filter)).toEqual({ 'property.environment': 'production', 'property.tier': 'premium' });
  });

  it('round-trips a full filter', () => {
    const filter = {
      timeframe: 'CUSTOM' as const,
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-08T00:00:00.000Z',
      timezone: 'Europe/Berlin',
      subAccountIds: ['3'],
      userIds: ['u-1', 'u-2'],
      agentTypes: ['single_task'],
      status: 'ERROR' as const,
    };
    expect(filterFromQuery(queryFromFilter(filter))).toEqual(filter);
  });

  it('ignores unknown presets and half a custom range', () => {
    expect(filterFromQuery({ timeframe: 'FOREVER' }).timeframe).toBe('LAST_7_DAYS');
    expect(filterFromQuery({ timeframe: 'CUSTOM', from: '2026-11-01T00:00:00Z' })).toEqual({ timeframe: 'LAST_7_DAYS' });
    expect(filterFromQuery({ status: 'weird' }).status).toBeUndefined();
  });

  it('builds CSV parameters with the timeframe spelled out and the order appended', () => {
    const params = searchParamsFromFilter({ timeframe: 'LAST_7_DAYS', models: ['a', 'b'] }, { orderBy: 'REQUESTS', direction: 'ASC' });
    expect(params.toString()).toBe('models=a&models=b&timeframe=LAST_7_DAYS&orderBy=REQUESTS&direction=ASC');
  });
});

describe('calendar days in a timezone', () => {
  it('finds the instant a day starts, across a DST change', () => {
    expect(zonedDayStart('2026-11-20', 'UTC')).toBe('2026-11-20T00:00:00.000Z');
    expect(zonedDayStart('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedDayStart('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
    expect(zonedDayStart('2026-11-20', 'America/New_York')).toBe('2026-11-20T05:00:00.000Z');
  });

  it('names the day an instant falls on', () => {
    expect(zonedDate('2026-03-28T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-03-29');
    expect(zonedDate('2026-03-28T23:30:00.000Z', 'UTC')).toBe('2026-03-28');
  });
});
