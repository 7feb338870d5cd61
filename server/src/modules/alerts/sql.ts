import type { Pool, PoolClient } from '../../db/pool.js';

/** Anything that runs a statement: the pool, or a client inside a transaction. */
export type Db = Pick<Pool, 'query'> | PoolClient;

/** Runs `fn` in one transaction on one pooled connection; rolls back on any error. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const out = await fn(client);
    await client.query('commit');
    return out;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
