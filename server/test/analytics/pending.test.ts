import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cubes } from '../../src/analytics/rollups/cubes.js';
import { DAILY_USERS_TABLE, PRESENCE_TABLE } from '../../src/analytics/rollups/daily-users.js';
import { FOLD_LOCK, foldAll, foldPending, nextFoldDelay } from '../../src/analytics/rollups/pending.js';
import { rebuildStatements, rollupMaintainers } from '../../src/analytics/rollups/register.js';
import { spans } from '../../src/analytics/rollups/spans.js';
import type { TestServer } from '../support/server.js';
import { generateEvents, startAnalyticsTenant } from './dataset.js';

/**
 * The background fold (rollups/pending.ts): batches ingested concurrently while folds run, a
 * second folder racing the server's own, and at the end every summary equal to a rebuild from
 * the events: each event folded exactly once.
 */
const NOW = new Date('2026-04-01T10:00:00Z');

describe('folding pending events into the summaries', () => {
  let t: TestServer;
  let db: pg.Client;
  let other: pg.Pool;

  beforeAll(async () => {
    ({ t, db } = await startAnalyticsTenant(NOW, { ROLLUP_FOLD_INTERVAL_MS: '20' }));
    other = new pg.Pool({ connectionString: t.db.url, max: 2 });
  });
  afterAll(async () => {
    await other?.end();
    await db?.end();
    await t?.stop();
  });

  it('folds every event exactly once while batches arrive and folds race', async () => {
    const key = await t.apiKey(['INGEST']);
    const events = generateEvents(2400, new Date('2026-03-25T00:00:00Z'), new Date('2026-04-01T09:00:00Z'), 21);
    const batches: unknown[][] = [];
    for (let i = 0; i < events.length; i += 100) batches.push(events.slice(i, i + 100));

    let ingesting = true;
    let raced = 0;
    // A second folder (another server instance, say) with small folds, all the while.
    const racer = (async () => {
      while (ingesting) raced += (await foldPending(other, rollupMaintainers, 150)) ?? 0;
    })();
    try {
      for (let i = 0; i < batches.length; i += 4) {
        const bodies = await Promise.all(batches.slice(i, i + 4).map((b) => t.ingest(b, key).then((r) => r.json())));
        for (const body of bodies) expect(body.rejected).toEqual([]);
      }
    } finally {
      ingesting = false;
      await racer;
    }
    // Both folders took a share; the server's own folder empties what is left.
    expect(raced).toBeGreaterThan(0);
    for (let i = 0; i < 200; i++) {
      if (Number((await db.query('select count(*) from rollup_pending')).rows[0].count) === 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(Number((await db.query('select count(*) from rollup_pending')).rows[0].count)).toBe(0);
    expect(Number((await db.query('select count(*) from usage_event')).rows[0].count)).toBe(events.length);

    // Every cube and start cube as folded, against the same tables rebuilt from usage_event.
    const tables = [
      ...cubes.map((c) => ({ name: c.name, where: 'true' })),
      ...spans.flatMap((s) => s.starts.map((c) => ({ name: c.name, where: `units <> 0 or ${s.kind === 'runs' ? 'failed' : 'dur_us'} <> 0` }))),
      { name: PRESENCE_TABLE, where: 'true' },
      { name: DAILY_USERS_TABLE, where: 'true' },
    ];
    const read = async () => Promise.all(tables.map(async (x) => (await db.query(`select x::text as row from ${x.name} x where ${x.where} order by 1`)).rows.map((r) => r.row)));
    const folded = await read();
    expect(folded.every((rows) => rows.length > 0)).toBe(true);
    await db.query('begin');
    try {
      for (const sql of rebuildStatements()) await db.query(sql);
      const rebuilt = await read();
      for (const [i, x] of tables.entries()) expect(folded[i], x.name).toEqual(rebuilt[i]);
    } finally {
      await db.query('rollback');
    }
  });

  it('says when another fold holds the lock; folding everything waits for it', async () => {
    const a = await other.connect();
    try {
      await a.query('begin');
      await a.query('select pg_advisory_xact_lock($1)', [FOLD_LOCK]);
      expect(await foldPending(t.server.services.pool, rollupMaintainers, 10)).toBeNull();
      let done = false;
      const all = foldAll(t.server.services.pool, rollupMaintainers).then((n) => ((done = true), n));
      await new Promise((r) => setTimeout(r, 300));
      expect(done).toBe(false);
      await a.query('rollback');
      expect(await all).toBeGreaterThanOrEqual(0);
    } finally {
      a.release();
    }
  });
});

describe('when the folder folds again', () => {
  it('waits the interval after a short fold, as long as the fold took after a long one, and not at all while catching up', () => {
    expect(nextFoldDelay(1000, 40, false)).toBe(1000);
    expect(nextFoldDelay(1000, 2600.4, false)).toBe(2600);
    expect(nextFoldDelay(1000, 2600, true)).toBe(0);
  });
});
