import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileFilter, resolveFilter, type UsageFilterInput } from '../../src/analytics/index.js';
import { EVENT_ROW_COLUMNS, type EventRow } from '../../src/modules/live/event-row.js';
import { compilePredicate } from '../../src/modules/live/live-filter.js';
import { systemClock } from '../../src/shared/clock.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { anEvent, apiKeyFor, ingestOk } from './support.js';

/** Live events are matched in memory; the answer must be the analytics compiler's, row for row. */
describe('the in-memory live filter', () => {
  let t: TestServer;
  let tenantId: number;
  let subId: number;
  let rows: EventRow[];

  beforeAll(async () => {
    t = await startTestServer();
    const admin = await t.login();
    const sub = await t.gqlData(`mutation { createSubAccount(input: { externalId: "agree-eu", name: "EU" }) { id } }`, {}, admin);
    subId = Number(sub.createSubAccount.id);
    const key = await apiKeyFor(t, admin, ['INGEST']);
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const pick = <T,>(list: T[], _i: number) => list[Math.floor(random() * list.length)];
    const events = Array.from({ length: 240 }, (_, i) =>
      anEvent({
        model: pick(['m-a', 'm-b', 'm-c'], i),
        provider: pick(['openai', 'anthropic', null], i),
        status: pick([200, 201, 400, 429, 500, 503], i),
        userId: pick(['u1', 'u2', null, 'u3'], i),
        teamId: pick(['t1', null], i),
        agentId: pick([null, 'ag1', 'ag2'], i),
        agentType: pick([null, 'single_task', 'multi'], i),
        feature: pick(['chat', 'search', null, 'agents', 'x'], i),
        subAccountId: pick([null, 'agree-eu'], i),
        properties: pick([null, { env: 'prod' }, { env: 'dev', tier: 'gold' }, { env: 'prod', tier: 'gold' }], i),
      }),
    );
    await ingestOk(t, key, events);
    const { rows: r } = await t.server.services.pool.query<EventRow>(`select ${EVENT_ROW_COLUMNS.join(', ')} from usage_event`);
    rows = r;
    tenantId = rows[0].tenant_id;
  });
  afterAll(() => t?.stop());

  const filters: UsageFilterInput[] = [
    {},
    { models: ['m-a', 'm-c'] },
    { providers: ['anthropic'] },
    { userIds: ['u1', 'u3'], teamIds: ['t1'] },
    { agentIds: ['ag2'], agentTypes: ['multi', 'single_task'] },
    { features: ['chat', 'agents'] },
    { status: 'SUCCESS' },
    { status: 'ERROR' },
    { status: 'CLIENT_ERROR' },
    { status: 'SERVER_ERROR', models: ['m-b'] },
    { properties: [{ key: 'env', value: 'prod' }] },
    { properties: [{ key: 'env', value: 'prod' }, { key: 'tier', value: 'gold' }] },
    { subAccountIds: ['agree-eu'] },
    { includeSubAccounts: false },
  ];

  for (const filter of filters) {
    it(`selects the same events as compileFilter for ${JSON.stringify(filter)}`, async () => {
      for (const scope of [{ tenantId, orgId: tenantId, orgIds: null }, { tenantId, orgId: subId, orgIds: [subId] }]) {
        if (scope.orgIds && filter.includeSubAccounts === false) continue;
        const q = await resolveFilter(t.server.services.pool, scope, filter, systemClock);
        const where = compileFilter(q, 'e');
        const { rows: bySql } = await t.server.services.pool.query<{ event_id: string }>(`select e.event_id from usage_event e where ${where.sql} order by 1`, where.values);
        const matches = compilePredicate(q);
        const inMemory = rows.filter(matches).map((r) => r.event_id).sort();
        expect(inMemory).toEqual(bySql.map((r) => r.event_id));
        if (!scope.orgIds) expect(inMemory.length).toBeGreaterThan(0);
      }
    });
  }
});
