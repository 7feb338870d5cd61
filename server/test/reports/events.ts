/**
 * Deterministic usage events for report tests: a mix of models (one premium, one cheap, one with
 * no known price), users, teams, agents with runs, prompts, tools, errors, cache hits and threats,
 * spread evenly over [from, to).
 */
export function makeEvents(from: string, to: string, count: number, opts: { prefix: string; costScale?: number } = { prefix: 'e' }): Record<string, unknown>[] {
  const start = Date.parse(from);
  const span = Date.parse(to) - start;
  const scale = opts.costScale ?? 1;
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const premium = i % 3 === 0;
    const unknown = i % 17 === 5;
    const model = unknown ? 'mystery-model-x' : premium ? 'gpt-4o' : 'gpt-4o-mini';
    const failed = i % 11 === 3;
    const e: Record<string, unknown> = {
      id: `${opts.prefix}-${i}`,
      timestamp: new Date(start + Math.floor(((i + 0.5) * span) / count)).toISOString(),
      model,
      provider: unknown ? 'acme-ai' : 'openai',
      status: failed ? 429 : 200,
      inputTokens: premium ? 300 + (i % 5) * 40 : 1200 + (i % 7) * 100,
      outputTokens: 80 + (i % 4) * 20,
      cachedInputTokens: 0,
      latencyMs: 400 + (i % 9) * 150,
      userId: `user-${i % 4}`,
      userEmail: `user${i % 4}@acme.test`,
      teamId: i % 2 ? 'support' : 'sales',
      sessionId: `s-${opts.prefix}-${Math.floor(i / 5)}`,
      feature: 'chat',
      promptId: i % 2 ? 'refund-policy-v3' : 'greeting',
      tools: i % 3 === 1 ? ['search_kb'] : [],
      cacheHit: i % 13 === 7,
      threat: i % 29 === 4,
    };
    if (!unknown) e.costUsd = Math.round((premium ? 0.012 : 0.0009) * scale * (1 + (i % 5) / 10) * 1e6) / 1e6;
    if (i % 4 === 0) {
      e.agentId = `agent-${i % 8 === 0 ? 'triage' : 'writer'}`;
      e.agentName = i % 8 === 0 ? 'Ticket triage' : 'Draft <writer>';
      e.agentType = 'single_task';
      e.runId = `run-${opts.prefix}-${Math.floor(i / 8)}`;
    }
    events.push(e);
  }
  return events;
}
