import { describe, expect, it } from 'vitest';
import { batchNotices, decodeNotice, encodeNotice, MAX_PAYLOAD_BYTES } from './notification.js';

describe('live notifications', () => {
  const base = { origin: 'instance-a', tenantId: 7, orgIds: [7, 8], events: 12_000, tsMinMs: 1, tsMaxMs: 2 };

  it('round-trip and ignore foreign payloads', () => {
    const [n] = batchNotices(base, [1_763_000_000_000_000]);
    expect(decodeNotice(encodeNotice(n))).toEqual(n);
    expect(decodeNotice('not json')).toBeNull();
    expect(decodeNotice('{"kind":"other"}')).toBeNull();
  });

  it('split many batches into payloads under the NOTIFY limit', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => 1_763_000_000_000_000 + i);
    const notices = batchNotices(base, ids);
    expect(notices.flatMap((n) => n.ingestedAtUs)).toEqual(ids);
    for (const n of notices) expect(Buffer.byteLength(encodeNotice(n))).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
  });

  it('drop the organization list rather than exceed the limit', () => {
    const [n] = batchNotices({ ...base, orgIds: Array.from({ length: 2000 }, (_, i) => 100_000 + i) }, [1]);
    expect(decodeNotice(encodeNotice(n))).toMatchObject({ orgIds: null });
  });
});
