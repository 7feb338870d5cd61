import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/server.js';

describe('a fresh server', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.stop());

  it('answers /healthz when the database is reachable', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('lets the bootstrap admin sign in', async () => {
    const token = await t.login();
    const data = await t.gqlData(`{ me { email role } }`, {}, token);
    expect(data.me).toEqual({ email: 'admin@test.local', role: 'ADMIN' });
  });
});
