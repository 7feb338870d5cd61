import { describe, expect, it } from 'vitest';
import type { UsageQuery } from '../../analytics/index.js';
import type { EventRow } from './event-row.js';
import { EventTail } from './event-tail.js';

const query = (lists: UsageQuery['lists'] = {}, tenantId = 1): UsageQuery =>
  ({ tenantId, orgIds: null, range: {} as UsageQuery['range'], lists, properties: [], status: null }) as UsageQuery;
const row = (event_id: string, user_id: string | null, tenant_id = 1): EventRow => ({ tenant_id, org_id: tenant_id, event_id, user_id, model: 'm', status: 200 }) as EventRow;

describe('the event tail', () => {
  it('delivers each event to the groups it matches, in order, indexed by user or not', async () => {
    const tail = new EventTail<string>(() => 10, () => undefined);
    const ana = tail.subscribe(query({ userIds: ['ana'] }));
    const anaAndBen = tail.subscribe(query({ userIds: ['ana', 'ben'] }));
    const all = tail.subscribe(query());
    const other = tail.subscribe(query({}, 2));
    tail.deliver([{ tenantId: 1, ingestedAtUs: 1, rows: [row('1', 'ana'), row('2', 'ben'), row('3', null), row('4', 'ana')] }], (r) => r.event_id);
    const drain = async (q: typeof ana) => {
      const out: string[] = [];
      while (q.length) out.push((await q.next()).value!.item);
      return out;
    };
    expect(await drain(ana)).toEqual(['1', '4']);
    expect(await drain(anaAndBen)).toEqual(['1', '2', '4']);
    expect(await drain(all)).toEqual(['1', '2', '3', '4']);
    expect(await drain(other)).toEqual([]);
  });

  it('frees a group, and its index entries, when its last subscriber leaves', async () => {
    let empty = 0;
    const tail = new EventTail<string>(() => 10, () => empty++);
    const a = tail.subscribe(query({ userIds: ['ana'] }));
    const b = tail.subscribe(query({ userIds: ['ana'] }));
    expect(tail.stats).toEqual({ subscribers: 2, groups: 1 });
    await a.return();
    expect(tail.stats).toEqual({ subscribers: 1, groups: 1 });
    await b.return();
    expect(tail.stats).toEqual({ subscribers: 0, groups: 0 });
    expect(tail.hasTenant(1)).toBe(false);
    expect(empty).toBe(1);
  });
});
