import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoInBackground } from '../../src/modules/demo/background.js';
import { DEMO_MEMBERS } from '../../src/modules/demo/demo-accounts.js';
import { DEMO_SEED, generateDemoEvents } from '../../src/modules/demo/generator.js';
import { loadDemoData } from '../../src/modules/demo/loader.js';
import { SUB_ACCOUNTS, TEAMS } from '../../src/modules/demo/world.js';
import { createLogger } from '../../src/shared/logger.js';
import { startTestServer, type TestServer } from '../support/server.js';

const log = createLogger('silent');
const NOW = new Date('2026-11-20T12:00:00Z');

async function query<T = any>(t: TestServer, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: t.db.url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('loading the demo data', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.stop());

  it('stores every generated event through the ingest path, with the sub-accounts, teams and members', async () => {
    const result = await loadDemoData(t.server.services, { events: 5_000, batchSize: 2_000, log, now: NOW });
    expect(result).toMatchObject({ status: 'loaded', total: 5_000, sent: 5_000, accepted: 5_000, duplicates: 0, rejected: 0 });

    const [{ events, tenants }] = await query(t, `select count(*)::int as events, count(distinct tenant_id)::int as tenants from usage_event`);
    expect({ events, tenants }).toEqual({ events: 5_000, tenants: 1 });
    const stored = await query(t, `select event_id from usage_event order by event_id`);
    const expected = [...generateDemoEvents({ seed: DEMO_SEED, count: 5_000, end: NOW })].map((e) => e.id).sort();
    expect(stored.map((r) => r.event_id)).toEqual(expected);

    const subAccounts = await query(t, `select o.external_id, count(e.*)::int as events from organization o left join usage_event e on e.org_id = o.id where o.parent_id is not null group by 1 order by 1`);
    expect(subAccounts.map((s) => s.external_id)).toEqual(SUB_ACCOUNTS.map((s) => s.externalId).sort());
    expect(subAccounts.every((s) => s.events > 0)).toBe(true);
    const teams = await query(t, `select external_id, name from team order by external_id`);
    expect(teams).toEqual(TEAMS.map((team) => ({ external_id: team.id, name: team.name })).sort((a, b) => a.external_id.localeCompare(b.external_id)));
    const [users] = await query(t, `select count(*)::int as n, count(email)::int as with_email, count(name)::int as with_name from app_user`);
    expect(users.n).toBeGreaterThan(150);
    expect(users.with_email).toBe(users.n);
    expect(users.with_name).toBe(users.n);

    // Priced at ingest; the two models without a known price keep a null cost.
    const [costs] = await query(t, `select count(*) filter (where cost_nanos is null)::int as unpriced, count(*) filter (where cost_nanos > 0)::int as priced from usage_event`);
    expect(costs.unpriced).toBeGreaterThan(0);
    expect(costs.priced).toBeGreaterThan(4_000);

    for (const m of DEMO_MEMBERS) {
      const token = await t.login(m.email, m.password);
      const me = await t.gqlData(`{ me { email role } }`, {}, token);
      expect(me.me).toEqual({ email: m.email, role: m.role });
    }
  });

  it('skips a load that is already complete, changing nothing', async () => {
    const started = performance.now();
    const again = await loadDemoData(t.server.services, { events: 5_000, log });
    expect(again.status).toBe('already-loaded');
    expect(again.sent).toBe(0);
    expect(performance.now() - started).toBeLessThan(1_000);
    const [{ n }] = await query(t, `select count(*)::int as n from usage_event`);
    expect(n).toBe(5_000);
  });
});

describe('an interrupted demo load', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.stop());

  it('stops after the committed batch and resumes later with the same events, whatever the clock says then', async () => {
    const controller = new AbortController();
    const first = await loadDemoData(t.server.services, {
      events: 4_000,
      batchSize: 1_000,
      log,
      now: NOW,
      signal: controller.signal,
      onProgress: ({ loaded }) => loaded >= 2_000 && controller.abort(),
    });
    expect(first).toMatchObject({ status: 'aborted', accepted: 2_000 });
    const [{ n }] = await query(t, `select count(*)::int as n from usage_event`);
    expect(n).toBe(2_000);

    const second = await loadDemoData(t.server.services, { events: 4_000, batchSize: 1_000, log, now: new Date(NOW.getTime() + 86_400_000) });
    expect(second).toMatchObject({ status: 'loaded', sent: 2_000, accepted: 2_000, rejected: 0 });
    const stored = await query(t, `select event_id, ts from usage_event order by event_id`);
    const expected = [...generateDemoEvents({ seed: DEMO_SEED, count: 4_000, end: NOW })]
      .map((e) => ({ event_id: e.id, ts: new Date(e.timestamp) }))
      .sort((a, b) => (a.event_id < b.event_id ? -1 : 1));
    expect(stored).toEqual(expected);
  });
});

describe('the background demo load', () => {
  it('lets the server stop while it loads: the loader ends after its batch commits, without errors', async () => {
    const t = await startTestServer();
    const errors: string[] = [];
    const errorLog = pino({ level: 'error' }, { write: (line: string) => errors.push(line) });
    const done = loadDemoInBackground(t.server, 50_000, errorLog);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await t.stop();
    const result = await done;
    expect(errors).toEqual([]);
    expect(result?.status).toBe('aborted');
    expect(result!.accepted % 5_000).toBe(0);
  });
});
