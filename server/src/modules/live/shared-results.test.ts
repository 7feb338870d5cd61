import { describe, expect, it, vi } from 'vitest';
import { executeShared, markShared } from './shared-results.js';

describe('shared execution of live payloads', () => {
  it('executes a marked payload once per operation, and anything else every time', () => {
    const run = vi.fn(() => ({ data: { n: 1 } }));
    const snapshot = markShared({ requests: 3 });
    const first = executeShared(snapshot, 'op-a', run);
    expect(executeShared(snapshot, 'op-a', run)).toBe(first);
    executeShared(snapshot, 'op-b', run);
    expect(run).toHaveBeenCalledTimes(2);
    executeShared({ requests: 3 }, 'op-a', run);
    executeShared(snapshot, null, run);
    expect(run).toHaveBeenCalledTimes(4);
  });

  it("tells a tail's deliveries apart by their skipped count", () => {
    const run = vi.fn(() => ({ data: {} }));
    const event = markShared({ id: 'e1' });
    executeShared({ item: event, skipped: 0 }, 'op', run);
    executeShared({ item: event, skipped: 0 }, 'op', run);
    executeShared({ item: event, skipped: 5 }, 'op', run);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
