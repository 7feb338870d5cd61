import { describe, expect, it, vi } from 'vitest';
import { DropOldestQueue, LatestValueSlot } from './subscriber-queues.js';

describe('a drop-oldest queue', () => {
  it('hands items over in order to a waiting reader', async () => {
    const q = new DropOldestQueue<number>(10, () => undefined);
    const next = q.next();
    q.push(1);
    q.push(2);
    expect(await next).toEqual({ value: { item: 1, skipped: 0 }, done: false });
    expect(await q.next()).toEqual({ value: { item: 2, skipped: 0 }, done: false });
  });

  it('drops the oldest when full and says how many before the next item', async () => {
    const q = new DropOldestQueue<number>(3, () => undefined);
    for (let i = 1; i <= 10; i++) q.push(i);
    expect((await q.next()).value).toEqual({ item: 8, skipped: 7 });
    expect((await q.next()).value).toEqual({ item: 9, skipped: 0 });
    expect(q.totalSkipped).toBe(7);
  });

  it('ends a pending read and calls its cleanup once on return', async () => {
    const onClose = vi.fn();
    const q = new DropOldestQueue<number>(3, onClose);
    const pending = q.next();
    await q.return();
    await q.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(onClose).toHaveBeenCalledTimes(1);
    q.push(1);
    expect(q.length).toBe(0);
  });
});

describe('a latest-value slot', () => {
  it('keeps only the newest value and delivers at most one per interval', async () => {
    let now = 0;
    vi.useFakeTimers();
    try {
      const slot = new LatestValueSlot<string>(2000, () => now, () => undefined);
      slot.set('a');
      expect((await slot.next()).value).toBe('a');
      slot.set('b');
      slot.set('c');
      const next = slot.next();
      now = 2000;
      await vi.advanceTimersByTimeAsync(2000);
      expect((await next).value).toBe('c');
    } finally {
      vi.useRealTimers();
    }
  });
});
