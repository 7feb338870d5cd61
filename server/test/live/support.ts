import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { hashPassword } from '../../src/modules/accounts/passwords.js';
import type { TestServer } from '../support/server.js';

/** A graphql-ws client of the real package, over the real `ws` WebSocket, that never retries. */
export function wsClient(baseUrl: string, token: string | null, extra: Record<string, unknown> = {}): Client & { closed: Promise<{ code: number; reason: string }> } {
  let resolveClosed!: (v: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((r) => (resolveClosed = r));
  const client = createClient({
    url: baseUrl.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: token === null ? {} : { authorization: `Bearer ${token}`, ...extra },
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => undefined,
    on: { closed: (e) => resolveClosed({ code: (e as { code: number }).code, reason: String((e as { reason: string }).reason) }) },
  });
  return Object.assign(client, { closed });
}

/** One subscription whose values are collected, to be awaited one by one. */
export class Collector<T = any> {
  readonly values: T[] = [];
  readonly errors: unknown[] = [];
  completed = false;
  private waiters: (() => void)[] = [];
  private readonly dispose: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (v) => {
          if (v.errors) this.errors.push(...v.errors);
          if (v.data) this.values.push(v.data as T);
          this.wake();
        },
        error: (e) => {
          this.errors.push(e);
          this.wake();
        },
        complete: () => {
          this.completed = true;
          this.wake();
        },
      },
    );
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Waits until `predicate` holds over what arrived (or fails after `timeoutMs`). */
  async until(predicate: (c: Collector<T>) => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify({ values: this.values, errors: this.errors })}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the n-th value (1-based). */
  async nth(n: number, timeoutMs = 5000): Promise<T> {
    await this.until((c) => c.values.length >= n || c.errors.length > 0 || c.completed, timeoutMs, `value #${n}`);
    if (this.values.length < n) throw new Error(`subscription ended: ${JSON.stringify(this.errors)}`);
    return this.values[n - 1];
  }

  stop(): void {
    this.dispose();
  }
}

let seq = 0;
/** An event with sensible defaults, stamped `at` (default now). */
export function anEvent(overrides: Record<string, unknown> = {}, at: Date = new Date()): Record<string, unknown> {
  seq++;
  return {
    id: `live-${process.pid}-${Date.now()}-${seq}`,
    timestamp: at.toISOString(),
    model: 'gpt-4o-mini',
    inputTokens: 100,
    outputTokens: 20,
    costUsd: 0.001,
    latencyMs: 400,
    userId: 'user-1',
    ...overrides,
  };
}

export async function ingestOk(t: TestServer, key: string, events: unknown[]): Promise<void> {
  const res = await t.ingest(events, key);
  const body = (await res.json()) as { accepted: number; rejected: unknown[] };
  if (res.status !== 200 || body.accepted !== events.length) throw new Error(`ingest failed: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
}

/** Another root organization (a second customer) with an ADMIN, straight in SQL. */
export async function createTenant(t: TestServer, name: string): Promise<{ orgId: number; email: string; password: string }> {
  const email = `admin@${name.toLowerCase().replace(/\W+/g, '-')}.test`;
  const password = 'tenant-password';
  const client = new pg.Client({ connectionString: t.db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(`insert into organization (name) values ($1) returning id`, [name]);
    await client.query(`insert into member (org_id, email, role, password_hash) values ($1, $2, 'ADMIN', $3)`, [rows[0].id, email, await hashPassword(password)]);
    return { orgId: rows[0].id, email, password };
  } finally {
    await client.end();
  }
}

/** Creates an API key with the given scopes as a signed-in admin. */
export async function apiKeyFor(t: TestServer, adminToken: string, scopes: string[], subAccountId?: string): Promise<string> {
  const data = await t.gqlData(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
    { input: { name: `live ${scopes.join('+')}`, scopes, subAccountId } },
    adminToken,
  );
  return data.createApiKey.key;
}

export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const LIVE_USAGE = `subscription($filter: UsageFilter, $w: Int) {
  liveUsage(filter: $filter, windowSeconds: $w) { at windowSeconds requests requestsPerMinute costUsd costPerMinute errorRate latencyP95Ms activeUsers totalTokens }
}`;

export const USAGE_EVENTS = `subscription($filter: UsageFilter) {
  usageEvents(filter: $filter) { id timestamp model status userId subAccountId costUsd totalTokens properties skipped }
}`;
