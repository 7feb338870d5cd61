/**
 * Generated, deterministic usage events for the browser suite: a few weeks of traffic ending at
 * `now`, over several models (one without a known price), users, teams, agents, sessions,
 * features, custom properties, a sub-account, and some errors.
 */
export interface DatasetOptions {
  now: Date;
  events: number;
  days: number;
  seed?: number;
  /** External id of a sub-account that receives a share of the events. */
  subAccountId?: string;
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MODELS = [
  { model: 'gpt-4o-mini', provider: 'openai', weight: 5 },
  { model: 'gpt-4o', provider: 'openai', weight: 2 },
  { model: 'claude-3-5-sonnet-20241022', provider: 'anthropic', weight: 2 },
  // No price is known for this one: its requests count as costNotSupportedRequests.
  { model: 'acme-internal-llm', provider: 'acme', weight: 1 },
];
const TEAMS = ['support', 'sales', 'engineering'];
const FEATURES = ['chat', 'document-chat', 'agents', 'tools'];
const AGENTS = [
  { agentId: 'ag-triage', agentName: 'Ticket triage', agentType: 'single_task' },
  { agentId: 'ag-research', agentName: 'Research assistant', agentType: 'multi_step' },
  { agentId: 'ag-sql', agentName: 'SQL helper', agentType: 'single_task' },
];
const PROMPTS = ['refund-policy-v3', 'greeting-v1', 'summarize-v2'];
const TOOLS = ['search_kb', 'run_sql', 'send_email'];

export function generateEvents({ now, events, days, seed = 42, subAccountId }: DatasetOptions): Record<string, unknown>[] {
  const rnd = prng(seed);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const weighted = MODELS.flatMap((m) => Array<(typeof MODELS)[number]>(m.weight).fill(m));
  const span = days * 86_400_000;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < events; i++) {
    // Spread over the range and keep clear of "now" so a preset that ends now includes them all.
    const ts = new Date(now.getTime() - 60_000 - Math.floor(rnd() * (span - 120_000)));
    const m = pick(weighted);
    const userNo = 1 + Math.floor(rnd() * 12);
    const agent = rnd() < 0.4 ? pick(AGENTS) : null;
    const session = `s-${Math.floor(rnd() * 60)}`;
    const failed = rnd() < 0.06;
    out.push({
      id: `e2e-${seed}-${i}`,
      timestamp: ts.toISOString(),
      model: m.model,
      provider: m.provider,
      status: failed ? pick([429, 500, 503]) : 200,
      error: failed ? 'upstream_error' : undefined,
      inputTokens: 200 + Math.floor(rnd() * 3000),
      outputTokens: 50 + Math.floor(rnd() * 800),
      cachedInputTokens: rnd() < 0.3 ? 100 : 0,
      latencyMs: 200 + Math.floor(rnd() * 4000),
      ttftMs: 80 + Math.floor(rnd() * 400),
      userId: `u-${userNo}`,
      userEmail: `user${userNo}@example.test`,
      teamId: TEAMS[userNo % TEAMS.length],
      ...(agent ? { ...agent, runId: `run-${agent.agentId}-${Math.floor(rnd() * 40)}` } : {}),
      sessionId: session,
      sessionName: `Conversation ${session}`,
      feature: agent ? 'agents' : pick(FEATURES),
      promptId: pick(PROMPTS),
      tools: rnd() < 0.3 ? [pick(TOOLS)] : [],
      cacheHit: rnd() < 0.05,
      threat: rnd() < 0.01,
      outputChars: 500 + Math.floor(rnd() * 2000),
      properties: { environment: rnd() < 0.8 ? 'production' : 'staging', userTier: rnd() < 0.3 ? 'premium' : 'free' },
      ...(subAccountId && rnd() < 0.25 ? { subAccountId } : {}),
    });
  }
  return out;
}

/** Sends events in batches through the public ingest endpoint and checks every one was accepted. */
export async function ingestAll(ingest: (batch: unknown[]) => Promise<Response>, events: unknown[], batchSize = 5000) {
  for (let i = 0; i < events.length; i += batchSize) {
    const res = await ingest(events.slice(i, i + batchSize));
    const body = (await res.json()) as { accepted: number; rejected: unknown[] };
    if (res.status !== 200 || body.rejected.length) throw new Error(`ingest failed: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
  }
}
