import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const ADMIN = { email: 'admin@process.test', password: 'process-password' };

interface Child {
  proc: ChildProcess;
  stdout: string[];
  stderr: string[];
  exit: Promise<number | null>;
}

/** `npm start`'s command, as a real child process with the given environment. */
function startMain(env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child: Child = { proc, stdout: [], stderr: [], exit: once(proc, 'exit').then(([code]) => code as number | null) };
  proc.stdout!.setEncoding('utf8').on('data', (s: string) => child.stdout.push(s));
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => child.stderr.push(s));
  return child;
}

/** Resolves with the URL from the "Tokentally is listening" log line. */
async function listening(child: Child, timeoutMs = 90_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const line of child.stdout.join('').split('\n')) {
      if (line.includes('Tokentally is listening')) return JSON.parse(line).url;
    }
    if (child.proc.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not start:\n${child.stdout.join('')}\n${child.stderr.join('')}`);
}

describe('main.ts as a process', () => {
  it.concurrent.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'mysql://x'],
  ])('prints a message naming %s=%s and exits with 1', async (name, value) => {
    const child = startMain({ [name]: value });
    expect(await child.exit).toBe(1);
    const stderr = child.stderr.join('');
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toContain(`${name}:`);
  });

  describe('graceful shutdown', () => {
    let db: TestDatabase;
    let child: Child | null = null;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(async () => {
      if (child?.proc.exitCode === null) child.proc.kill('SIGKILL');
      await db?.drop();
    });

    it('on SIGTERM finishes the batches in flight: every acknowledged event is stored, and it exits 0', async () => {
      child = startMain({
        DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SEED_DEMO: 'false',
        ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, INGEST_RATE_LIMIT_PER_MINUTE: '1000',
      });
      const url = (await listening(child)).replace('localhost', '127.0.0.1');
      const gql = async (query: string, variables: Record<string, unknown>, token?: string) =>
        (await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) })).json()).data;
      const token = (await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: ADMIN.email, p: ADMIN.password })).login.token;
      const key = (await gql(`mutation { createApiKey(input: { name: "shutdown", scopes: [INGEST] }) { key } }`, {}, token)).createApiKey.key;

      const at = new Date(Date.now() - 60_000).toISOString();
      const batches = [0, 1, 2].map((b) =>
        Array.from({ length: 5_000 }, (_, i) => ({ id: `b${b}-${i}`, timestamp: at, model: 'gpt-4o-mini', inputTokens: 100 + i, outputTokens: 10, userId: `u${i % 50}` })),
      );
      const responses = batches.map((events) =>
        fetch(`${url}/v1/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: JSON.stringify(events) }).then(
          async (res) => ({ status: res.status, body: await res.json() }),
          (err: Error) => ({ status: 0, body: { error: err.message } }),
        ),
      );

      // Signal while a batch is being written: watch the database for the insert.
      const watcher = new pg.Client({ connectionString: db.url });
      await watcher.connect();
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const { rows } = await watcher.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and state = 'active' and query ilike '%insert into usage_event%'`);
        if (rows[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 2));
      }
      child.proc.kill('SIGTERM');

      const answers = await Promise.all(responses);
      expect(await child.exit).toBe(0);
      const acknowledged = answers.filter((a) => a.status === 200);
      expect(acknowledged.length).toBeGreaterThan(0);
      for (const [b, answer] of answers.entries()) {
        const { rows } = await watcher.query(`select count(*)::int as n from usage_event where event_id like $1`, [`b${b}-%`]);
        if (answer.status === 200) {
          expect(answer.body).toEqual({ accepted: 5_000, duplicates: 0, rejected: [] });
          expect(rows[0].n).toBe(5_000);
        } else {
          expect([0, 5_000]).toContain(rows[0].n); // never half a batch
        }
      }
      await watcher.end();
      expect(child.stdout.join('')).toContain('"msg":"stopped"');
    });
  });
});
