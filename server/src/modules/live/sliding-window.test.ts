import { describe, expect, it } from 'vitest';
import { bucketMsFor, SlidingWindow, type WindowEvent } from './sliding-window.js';

const T0 = Date.parse('2026-11-20T10:00:00Z');
const event = (tsMs: number, extra: Partial<WindowEvent> = {}): WindowEvent => ({
  tsMs,
  status: 200,
  costNanos: 1_000_000_000,
  cacheHit: false,
  totalTokens: 100,
  latencyMs: 500,
  userId: 'u1',
  ...extra,
});

describe('a sliding window', () => {
  it('uses 1 s buckets up to 10 minutes and window/600 beyond', () => {
    expect(bucketMsFor(60)).toBe(1000);
    expect(bucketMsFor(600)).toBe(1000);
    expect(bucketMsFor(601)).toBe(2000);
    expect(bucketMsFor(86_400)).toBe(144_000);
  });

  it('sums requests, errors, cost (without cache hits), tokens and users', () => {
    const w = new SlidingWindow(300_000, 1000);
    const now = T0 + 10_000;
    w.add(event(T0), now);
    w.add(event(T0 + 1000, { status: 500, userId: 'u2' }), now);
    w.add(event(T0 + 2000, { cacheHit: true, userId: null }), now);
    w.add(event(T0 + 3000, { costNanos: null }), now);
    expect(w.figures(now)).toEqual({ requests: 4, errors: 1, costNanos: 2_000_000_000, totalTokens: 400, activeUsers: 2, latencyP95Ms: expect.closeTo(500, -1) });
  });

  it('lets events and users leave as the window passes them', () => {
    const w = new SlidingWindow(60_000, 1000);
    w.add(event(T0, { userId: 'old' }), T0);
    w.add(event(T0 + 30_000, { userId: 'new' }), T0 + 30_000);
    expect(w.figures(T0 + 59_000)).toMatchObject({ requests: 2, activeUsers: 2 });
    expect(w.nextChangeAt(T0 + 59_000)).toBe(T0 + 61_000);
    expect(w.figures(T0 + 61_000)).toMatchObject({ requests: 1, activeUsers: 1 });
    expect(w.figures(T0 + 91_000)).toMatchObject({ requests: 0, activeUsers: 0, latencyP95Ms: null });
    expect(w.nextChangeAt(T0 + 91_000)).toBeNull();
  });

  it('refuses events older than the window', () => {
    const w = new SlidingWindow(60_000, 1000);
    expect(w.add(event(T0 - 120_000), T0)).toBe(false);
    expect(w.figures(T0).requests).toBe(0);
  });

  it('counts an event stamped ahead only once its time comes', () => {
    const w = new SlidingWindow(60_000, 1000);
    w.add(event(T0 + 5000, { userId: 'early' }), T0);
    expect(w.figures(T0)).toMatchObject({ requests: 0, activeUsers: 0 });
    expect(w.nextChangeAt(T0)).toBe(T0 + 5000);
    expect(w.figures(T0 + 5000)).toMatchObject({ requests: 1, activeUsers: 1 });
  });

  it('merges aggregates read from SQL with events that follow', () => {
    const w = new SlidingWindow(300_000, 1000);
    const index = Math.floor(T0 / 1000);
    w.addAggregate(index, null, 3, 1, 5, 30);
    w.seeUser('u9', T0, T0);
    w.add(event(T0 + 1000), T0 + 1000);
    expect(w.figures(T0 + 1000)).toMatchObject({ requests: 4, errors: 1, costNanos: 1_000_000_005, totalTokens: 130, activeUsers: 2 });
  });
});
