import { loadConfig, type Config } from '../../src/config/index.js';
import { startServer, type RunningServer } from '../../src/app/server.js';
import { createLogger } from '../../src/shared/logger.js';
import type { Clock } from '../../src/shared/clock.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export const ADMIN_EMAIL = 'admin@test.local';
export const ADMIN_PASSWORD = 'admin-password';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, any>; path?: string[] }[];
}

export interface TestServer {
  url: string;
  server: RunningServer;
  db: TestDatabase;
  /** POSTs a GraphQL operation; `token` is a session token or API key. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Like gql, but throws on errors and returns data. */
  gqlData<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  login(email?: string, password?: string): Promise<string>;
  /** Creates an API key as the bootstrap admin. */
  apiKey(scopes: ('INGEST' | 'READ' | 'ADMIN')[], subAccountId?: string): Promise<string>;
  ingest(events: unknown[], key: string): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * A real server on a free port over a fresh database: real HTTP, real PostgreSQL, the bootstrap
 * admin created. Pass `clock` to stand at a chosen instant, `env` for other settings.
 */
export async function startTestServer(opts: { clock?: Clock; env?: Record<string, string>; config?: Partial<Config> } = {}): Promise<TestServer> {
  const db = await createTestDatabase();
  const config = loadConfig(
    { DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ADMIN_EMAIL, ADMIN_PASSWORD, NODE_ENV: 'test', SEED_DEMO: 'false', ...opts.env },
    opts.config,
  );
  const server = await startServer({ config, clock: opts.clock, log: createLogger(config.LOG_LEVEL) });
  const url = `http://127.0.0.1:${server.port}`;
  let adminToken: string | null = null;

  const gql = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse;
  };
  const gqlData = async (query: string, variables?: Record<string, unknown>, token?: string) => {
    const res = await gql(query, variables, token);
    if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const login = async (email = ADMIN_EMAIL, password = ADMIN_PASSWORD) => {
    const data = await gqlData(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password });
    return data.login.token as string;
  };
  return {
    url,
    server,
    db,
    gql,
    gqlData,
    login,
    async apiKey(scopes, subAccountId) {
      adminToken ??= await login();
      const data = await gqlData(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
        { input: { name: `test ${scopes.join('+')}`, scopes, subAccountId } },
        adminToken,
      );
      return data.createApiKey.key;
    },
    ingest(events, key) {
      return fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(events),
      });
    },
    async stop() {
      await server.stop();
      await db.drop();
    },
  };
}
