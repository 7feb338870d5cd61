import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe('usage smoke', () => {
  let t: TestServer;
  let token: string;
  beforeAll(async () => {
    t = await startTestServer({ clock: new ManualClock(new Date('2026-03-10T12:00:00Z')) });
    token = await t.login();
    const key = await t.apiKey(['INGEST']);
    const res = await t.ingest(
      [
        { timestamp: '2026-03-09T10:00:00Z', model: 'gpt-4o-mini', inputTokens: 100, outputTokens: 20, costUsd: 0.5, latencyMs: 1000, userId: 'u1', sessionId: 's1', agentId: 'a1', runId: 'r1' },
        { timestamp: '2026-03-09T11:00:00Z', model: 'gpt-4o', status: 500, inputTokens: 10, outputTokens: 2, costUsd: 0.25, latencyMs: 2000, userId: 'u2', sessionId: 's1', properties: { env: 'prod' } },
      ],
      key,
    );
    expect(res.status).toBe(200);
  });
  afterAll(() => t?.stop());

  it('answers usage with every part', async () => {
    const data = await t.gqlData(
      `{ usage(filter: { timeframe: LAST_7_DAYS }) { range { from to timezone previousFrom previousTo }
          totals { requests errors errorRate costUsd credits activeUsers sessions avgSessionDurationMs agentRuns agentSuccessRate latencyP95Ms totalTokens }
          previous { requests costUsd }
          series(granularity: DAY) { bucket requests costUsd activeUsers }
          breakdown(by: MODEL, limit: 1) { key label requests costUsd latencyP50Ms } } }`,
      {},
      token,
    );
    console.log(JSON.stringify(data, null, 1));
    expect(data.usage.totals.requests).toBe(2);
  });

  it('answers the pages', async () => {
    for (const page of ['usageByAgent', 'usageByUser', 'usageByModel', 'usageBySubAccount']) {
      const res = await t.gql(`{ ${page}(filter: { timeframe: LAST_7_DAYS }) { total rows { __typename } totals { requests costUsd } } }`, {}, token);
      expect(res.errors).toBeUndefined();
      console.log(page, JSON.stringify(res.data));
    }
    const res = await t.gql(`{ usageByAgent { rows { agentName agentId modelUsed agentType totalRuns totalSessions avgRunsPerSession creditsConsumed inputTokensTotal outputTokensTotal avgLatencyMs p95LatencyMs errorRate costUsd } } }`, {}, token);
    console.log(JSON.stringify(res));
    const csv = await fetch(`${t.url}/v1/reports/usage-by-model.csv?timeframe=LAST_7_DAYS&orderBy=REQUESTS&direction=ASC`, { headers: { authorization: `Bearer ${token}` } });
    console.log(csv.status, csv.headers.get('content-type'), await csv.text());
    const bad = await fetch(`${t.url}/v1/reports/usage-by-model.csv?timezone=Mars/Olympus`, { headers: { authorization: `Bearer ${token}` } });
    console.log(bad.status, await bad.text());
  });
});
