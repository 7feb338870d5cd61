import { randomUUID } from 'node:crypto';
import type { RunningServer } from '../../src/app/server.js';
import type { ManualClock } from '../../src/shared/clock.js';
import type { TestServer } from '../support/server.js';

export const RULE_FIELDS = `id name metric windowMinutes budgetPeriod threshold thresholds filter groupBy groupByPropertyKey minRequests forecast
  emailRecipients slackWebhookUrls enabled organizationId evaluatedAt lastError createdAt updatedAt deletedAt`;
export const EVENT_FIELDS = `id kind entityKey entityLabel value lastValue threshold fraction status resolution periodFrom periodTo projectedCrossingAt firedAt resolvedAt rule { id name }`;
export const DELIVERY_FIELDS = `deliveries { channel target status attempts error nextAttemptAt sentAt change }`;

export async function createRule(t: TestServer, token: string, input: Record<string, unknown>) {
  const data = await t.gqlData(`mutation($input: AlertRuleInput!) { createAlertRule(input: $input) { ${RULE_FIELDS} } }`, { input }, token);
  return data.createAlertRule;
}

export async function eventsOf(t: TestServer, token: string, ruleId?: string, extra = '') {
  const data = await t.gqlData(`query($id: ID) { alertEvents(ruleId: $id, limit: 500) { ${EVENT_FIELDS} ${extra} } }`, { id: ruleId }, token);
  return (data.alertEvents as any[]).reverse(); // oldest first reads better in tests
}

export interface EventSpec {
  at: string | Date;
  costUsd?: number | null;
  status?: number;
  latencyMs?: number;
  ttftMs?: number;
  userId?: string;
  model?: string;
  subAccountId?: string;
  properties?: Record<string, string>;
}

/** `n` events spread over [from, to), each like `spec` (a unique id each). */
export function spread(n: number, from: string | Date, to: string | Date, spec: Omit<EventSpec, 'at'> = {}): EventSpec[] {
  const a = new Date(from).getTime();
  const b = new Date(to).getTime();
  return Array.from({ length: n }, (_, i) => ({ ...spec, at: new Date(a + ((b - a) * (i + 0.5)) / n) }));
}

export async function ingest(t: TestServer, key: string, events: EventSpec[]): Promise<void> {
  for (let i = 0; i < events.length; i += 5000) {
    const batch = events.slice(i, i + 5000).map((e) => ({
      id: `e-${randomUUID()}`,
      timestamp: new Date(e.at).toISOString(),
      model: e.model ?? 'gpt-4o-mini',
      status: e.status ?? 200,
      inputTokens: 100,
      outputTokens: 20,
      costUsd: e.costUsd === undefined ? 0.01 : e.costUsd,
      latencyMs: e.latencyMs ?? 500,
      ttftMs: e.ttftMs ?? 100,
      userId: e.userId,
      subAccountId: e.subAccountId,
      properties: e.properties,
    }));
    const res = await t.ingest(batch, key);
    const body = await res.json();
    if (res.status !== 200 || body.rejected?.length) throw new Error(`ingest failed: ${res.status} ${JSON.stringify(body)}`);
  }
}

/** Stands the clock at `at` and runs one evaluation pass (no delivery). */
export async function evaluateAt(server: RunningServer, clock: ManualClock, at: string | Date) {
  clock.set(at);
  return server.services.alerts.evaluator.runOnce();
}

export async function sql<T = any>(t: TestServer, text: string, values: unknown[] = []): Promise<T[]> {
  return (await t.server.services.pool.query(text, values)).rows as T[];
}

/** A graphql-ws subscription over a real WebSocket, collecting what arrives. */
export async function subscribe(baseUrl: string, token: string, query: string, variables: Record<string, unknown> = {}) {
  const { createClient } = await import('graphql-ws');
  const { default: WebSocket } = await import('ws');
  const values: any[] = [];
  const errors: unknown[] = [];
  let acked!: () => void;
  const ready = new Promise<void>((r) => (acked = r));
  const client = createClient({
    url: baseUrl.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    on: { connected: () => acked() },
  });
  const dispose = client.subscribe({ query, variables }, { next: (v) => (v.errors ? errors.push(...v.errors) : values.push(v.data)), error: (e) => errors.push(e), complete: () => undefined });
  await ready;
  return {
    values,
    errors,
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

/** Polls until `check` returns a truthy value. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 10_000, stepMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as T;
    if (Date.now() > end) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
