import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The throughput changes of the ingest write path (bench/ingest.ts) keep its behaviour: these
 * pin the one that changes how batches interact, the lock-free skip of known users and agents.
 */
describe('a batch naming users and agents that are already stored as it would leave them', () => {
  let t: TestServer;
  let key: string;
  const event = (id: string, extra: object = {}) => ({ id, timestamp: new Date().toISOString(), model: 'gpt-4o-mini', userId: 'u-1', userEmail: 'ana@acme.test', teamId: 'support', agentId: 'ag-1', agentName: 'Triage', agentType: 'single_task', ...extra });

  beforeAll(async () => {
    t = await startTestServer();
    key = await t.apiKey(['INGEST']);
    expect((await t.ingest([event('e-0')], key)).status).toBe(200);
  });
  afterAll(() => t?.stop());

  it('does not wait for another transaction holding those rows', async () => {
    const holder = new pg.Client({ connectionString: t.db.url });
    await holder.connect();
    try {
      // As a concurrent batch would: it holds the rows' locks until it commits.
      await holder.query('begin');
      await holder.query(`select 1 from app_user where external_id = 'u-1' for update`);
      await holder.query(`select 1 from agent where external_id = 'ag-1' for update`);
      await holder.query(`select 1 from team where external_id = 'support' for update`);
      const started = performance.now();
      const res = await t.ingest([event('e-1')], key);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ accepted: 1 });
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
  });

  it('still learns what a later event adds, waiting its turn for the row', async () => {
    const res = await t.ingest([event('e-2', { userName: 'Ana Silva' })], key);
    expect(await res.json()).toMatchObject({ accepted: 1 });
    const c = new pg.Client({ connectionString: t.db.url });
    await c.connect();
    const { rows } = await c.query(`select email, name, team_id from app_user where external_id = 'u-1'`);
    await c.end();
    expect(rows).toEqual([{ email: 'ana@acme.test', name: 'Ana Silva', team_id: 'support' }]);
  });
});
