import pg from 'pg';

// int8 (bigint) comes back as a string by default; our bigints are counts and nano-dollar sums
// that stay far below 2^53, so numbers are safe and what callers want.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// numeric also arrives as a string; sums of counts are numerics in PostgreSQL.
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * Session settings of every raw connection. JIT compilation is off: our statements are many and
 * short, and PostgreSQL judges them by estimates (a summary query over a CTE, an ingest batch with
 * its summary CTEs) that trigger JIT on costs it never pays. Measured on the 10M-event benchmark:
 * 3.3 s of JIT compilation for a 50 ms session count. More memory per sort or hash than the 4 MB
 * default keeps distinct counts over summary rows in memory (the pool holds at most a few dozen).
 * No parallel workers: a dashboard sends several queries at once, each planning several
 * statements, and on a few cores workers only oversubscribe them (overview rendered in 1.36 s
 * instead of 1.48 s, median of 7, `npm run budgets`); raw fallbacks lose their parallel scan.
 */
export const SESSION_OPTIONS = '-c jit=off -c work_mem=32MB -c max_parallel_workers_per_gather=0';

/**
 * The raw SQL pool used by ingestion and analytics (bulk statements the ORM would only slow down).
 * Every statement runs with a timeout so a runaway query cannot hold a connection forever.
 */
export function createPool(connectionString: string, onError: (err: Error) => void, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, statement_timeout: 60_000, application_name: 'tokentally', options: SESSION_OPTIONS });
  // An idle client losing its connection (a database restart) must not crash the process.
  pool.on('error', onError);
  return pool;
}

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;
