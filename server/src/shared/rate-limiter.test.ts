import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { RateLimiter } from './rate-limiter.js';

describe('RateLimiter', () => {
  it('admits a burst of the per-minute allowance, then asks to wait for the next token', () => {
    const clock = new ManualClock(new Date('2026-11-20T00:00:00Z'));
    const limiter = new RateLimiter(3, clock);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    // 3 a minute: one token every 20 s.
    expect(limiter.take('a')).toBe(20);
    clock.advance(15_000);
    expect(limiter.take('a')).toBe(5);
    clock.advance(5_000);
    expect(limiter.take('a')).toBe(0);
  });

  it('keeps each key to its own allowance', () => {
    const limiter = new RateLimiter(1, new ManualClock(new Date(0)));
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
    expect(limiter.take('b')).toBe(0);
  });

  it('never refills beyond the allowance after a long pause', () => {
    const clock = new ManualClock(new Date(0));
    const limiter = new RateLimiter(2, clock);
    limiter.take('a');
    clock.advance(3_600_000);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 30]);
  });

  it('tells how long to wait without spending the allowance', () => {
    const clock = new ManualClock(new Date(0));
    const limiter = new RateLimiter(2, clock);
    expect(limiter.wait('a')).toBe(0);
    limiter.take('a');
    expect(limiter.wait('a')).toBe(0);
    limiter.take('a');
    expect(limiter.wait('a')).toBe(30);
    expect(limiter.wait('a')).toBe(30);
    clock.advance(30_000);
    expect(limiter.wait('a')).toBe(0);
  });
});
