import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { apiKeyFor, Collector, LIVE_USAGE, wsClient } from './support.js';

describe('graphql-ws authentication', () => {
  let t: TestServer;
  let admin: string;
  beforeAll(async () => {
    t = await startTestServer();
    admin = await t.login();
  });
  afterAll(() => t?.stop());

  it('closes with 4401 and says what to send when no token comes in connection_init', async () => {
    const client = wsClient(t.url, null);
    const closed = await client.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/authorization.*Bearer/);
    await client.dispose();
  });

  it('closes with 4401 for an unknown or malformed token', async () => {
    const unknown = wsClient(t.url, 'ttk_not-a-real-key');
    expect(await unknown.closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/API key is not valid/) });
    const malformed = wsClient(t.url, 'x', {});
    expect((await malformed.closed).code).toBe(4401);
    await Promise.all([unknown.dispose(), malformed.dispose()]);
  });

  it('closes with 4403 for an API key without READ', async () => {
    const ingestOnly = await apiKeyFor(t, admin, ['INGEST']);
    const client = wsClient(t.url, ingestOnly);
    expect(await client.closed).toMatchObject({ code: 4403, reason: expect.stringMatching(/READ scope/) });
    await client.dispose();
  });

  it('accepts a READ key and a session token', async () => {
    for (const token of [await apiKeyFor(t, admin, ['READ']), admin]) {
      const client = wsClient(t.url, token);
      const live = new Collector(client, LIVE_USAGE, { w: 60 });
      expect((await live.nth(1)).liveUsage).toMatchObject({ windowSeconds: 60, requests: 0 });
      live.stop();
      await client.dispose();
    }
  });

  it('closes with 4401 once the session is signed out (checked every minute)', async () => {
    const token = await t.login();
    const client = wsClient(t.url, token);
    const live = new Collector(client, LIVE_USAGE, { w: 60 });
    await live.nth(1);
    await t.gqlData('mutation { logout }', {}, token);
    // The periodic check runs every minute; call it now instead of waiting.
    await t.server.services.live.recheckConnections();
    expect(await client.closed).toMatchObject({ code: 4401, reason: expect.stringMatching(/signed out/) });
    await client.dispose();
  });
});
