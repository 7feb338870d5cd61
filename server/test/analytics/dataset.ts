import pg from 'pg';
import { ManualClock } from '../../src/shared/clock.js';
import { foldPending } from '../../src/analytics/rollups/pending.js';
import { foldEverything, rollupMaintainers } from '../../src/analytics/rollups/register.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** A small deterministic event set for correctness tests: every dimension, nulls, DST days, month ends. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const MODELS = ['gpt-4o-mini', 'gpt-4o', 'claude-3-5-sonnet-20241022', 'my-unpriced-model'];

export function generateEvents(count: number, from: Date, to: Date, seed = 7): Record<string, unknown>[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const span = to.getTime() - from.getTime();
  return Array.from({ length: count }, (_, i) => {
    const ts = new Date(from.getTime() + Math.floor(r() * span));
    const user = r() < 0.1 ? undefined : `u${Math.floor(r() ** 2 * 12)}`;
    const agent = r() < 0.4 ? `ag${Math.floor(r() * 4)}` : undefined;
    const status = r() < 0.1 ? pick([400, 429, 500, 503]) : 200;
    const model = pick(MODELS);
    return {
      id: `t-${seed}-${i}`,
      timestamp: ts.toISOString(),
      model,
      status,
      inputTokens: 100 + Math.floor(r() * 2000),
      outputTokens: Math.floor(r() * 500),
      cachedInputTokens: r() < 0.3 ? 100 : 0,
      ...(model === 'my-unpriced-model' && r() < 0.5 ? { costUsd: 0.001 } : {}),
      latencyMs: r() < 0.05 ? undefined : Math.floor(50 + r() ** 2 * 8000),
      ttftMs: r() < 0.3 ? undefined : Math.floor(20 + r() * 900),
      userId: user,
      userEmail: user ? `${user}@example.test` : undefined,
      teamId: user ? `team-${user.length % 3}` : undefined,
      agentId: agent,
      agentName: agent ? `Agent, "${agent}"` : undefined,
      agentType: agent ? pick(['single_task', 'multi_step']) : undefined,
      runId: agent && r() < 0.8 ? `run-${agent}-${Math.floor(ts.getTime() / 3_600_000)}` : undefined,
      sessionId: r() < 0.7 ? `s-${user ?? 'anon'}-${Math.floor(ts.getTime() / (6 * 3_600_000))}` : undefined,
      subAccountId: pick([undefined, undefined, 'eu', 'us']),
      feature: pick(['Chat', 'Agents', undefined]),
      promptId: r() < 0.5 ? pick(['p1', 'p2']) : undefined,
      tools: r() < 0.3 ? pick([['search'], ['search', 'calc']]) : undefined,
      cacheHit: r() < 0.08,
      threat: r() < 0.03,
      outputChars: Math.floor(r() * 3000),
      properties: r() < 0.8 ? { env: pick(['prod', 'staging']), tier: pick(['free', 'pro']) } : undefined,
    };
  });
}

/**
 * A test server at `now` whose tenant has the sub-accounts `eu` and `us`, with a SQL client beside it.
 * Events are folded into the summaries only when a test asks (`fold`), so each test knows which
 * events are still pending.
 */
export async function startAnalyticsTenant(now: Date, env: Record<string, string> = {}): Promise<{ t: TestServer; token: string; db: pg.Client; tenantId: number; fold: (limit?: number) => Promise<number> }> {
  const t = await startTestServer({ clock: new ManualClock(now), env: { ROLLUP_FOLD_INTERVAL_MS: '0', ...env } });
  const fold = async (limit?: number) => (limit === undefined ? foldEverything(t.server.services.pool) : ((await foldPending(t.server.services.pool, rollupMaintainers, limit)) ?? 0));
  const token = await t.login();
  for (const [externalId, name] of [['eu', 'Europe'], ['us', 'Americas']]) {
    await t.gqlData(`mutation($i: CreateSubAccountInput!) { createSubAccount(input: $i) { id } }`, { i: { externalId, name } }, token);
  }
  const db = new pg.Client({ connectionString: t.db.url });
  await db.connect();
  const tenantId = (await db.query(`select org_id from member where email = 'admin@test.local'`)).rows[0].org_id as number;
  return { t, token, db, tenantId, fold };
}
