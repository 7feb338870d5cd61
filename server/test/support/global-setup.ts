import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded.js';
import { openOrm } from '../../src/db/orm.js';
import { createLogger } from '../../src/shared/logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A maintenance URL of the test PostgreSQL server (any database on it). */
    adminDatabaseUrl: string;
    /** A database with every migration applied; each test database is cloned from it. */
    templateDatabase: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * Tests use DATABASE_URL when it is set (CI points it at the machine's PostgreSQL) and start
 * an embedded PostgreSQL otherwise. Migrations run once, into a template database.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let dataDir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tokentally-test-'));
    // As root, PostgreSQL runs as a separate user that must be able to reach its data folder.
    await chmod(dataDir, 0o755);
    embedded = await startEmbeddedPostgres(dataDir, await freePort(), createLogger('warn'));
    adminUrl = embedded.url;
  }
  const template = `tokentally_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const orm = await openOrm(url.toString());
  await orm.close();
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);

  return async () => {
    await admin.query(`drop database if exists ${template}`).catch(() => undefined);
    await admin.end();
    if (embedded) await embedded.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
