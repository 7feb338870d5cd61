import { describe, expect, it } from 'vitest';
import { changeTone, kpiTiles, type KpiFigures } from './kpis';

const figures = (over: Partial<KpiFigures> = {}): KpiFigures => ({
  requests: 1200, costUsd: 12.5, latencyAvgMs: 850, latencyP95Ms: 2400, errorRate: 0.02, activeUsers: 40, sessions: 90, avgCostPerSession: 0.1389, threats: 0, ...over,
});

describe('KPI tiles', () => {
  it('formats every figure and its change against the previous period', () => {
    const tiles = kpiTiles(figures(), figures({ requests: 1000, costUsd: 25, errorRate: 0.01, threats: 0 }));
    const byId = Object.fromEntries(tiles.map((t) => [t.id, t]));
    expect(tiles.map((t) => t.label)).toEqual(['Requests', 'Cost', 'Avg latency', 'p95 latency', 'Error rate', 'Active users', 'Sessions', 'Cost per session', 'Threats']);
    expect(byId.requests).toMatchObject({ value: '1.2K', raw: 1200, change: '+20.0%', trend: 'up' });
    expect(byId.costUsd).toMatchObject({ value: '$12.50', change: '−50.0%', trend: 'down' });
    expect(byId.latencyP95Ms!.value).toBe('2.40 s');
    expect(byId.errorRate).toMatchObject({ value: '2.00%', change: '+100.0%' });
    expect(byId.threats).toMatchObject({ value: '0', change: '0%', trend: 'flat' });
  });

  it('shows a dash when a figure is unknown (no latencies, no sessions)', () => {
    const tiles = kpiTiles(figures({ latencyP95Ms: null, avgCostPerSession: null }), figures());
    expect(tiles.find((t) => t.id === 'latencyP95Ms')).toMatchObject({ value: '–', raw: null, change: '–' });
  });

  it('colours a rise of errors as bad and a rise of users as good', () => {
    expect(changeTone({ trend: 'up', higherIsBetter: false })).toBe('bad');
    expect(changeTone({ trend: 'up', higherIsBetter: true })).toBe('good');
    expect(changeTone({ trend: 'down', higherIsBetter: null })).toBe('neutral');
  });
});
