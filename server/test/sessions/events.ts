/**
 * Deterministic session events for the sessions and top-requests tests: sessions of 1–9 events in
 * the root organization and two sub-accounts, several users and agents, errors, cache hits,
 * unpriced models, events without latency, and sessions that start before the range or end after it.
 */
export function makeSessionEvents(opts: { prefix: string; from: string; days: number; sessions: number; sessionPrefix?: string; subAccounts?: (string | undefined)[] }): Record<string, unknown>[] {
  const start = Date.parse(opts.from);
  const subAccounts = opts.subAccounts ?? [undefined, 'eu', 'us'];
  const events: Record<string, unknown>[] = [];
  for (let s = 0; s < opts.sessions; s++) {
    const size = 1 + ((s * 7) % 9);
    // Spread session starts over the days, some an hour before the range (they straddle its start).
    const sessionStart = start + Math.floor(((s + 0.5) * opts.days * 86_400_000) / opts.sessions) - (s % 10 === 3 ? 3_600_000 : 0);
    for (let i = 0; i < size; i++) {
      const n = s * 10 + i;
      const unknown = n % 19 === 4;
      const e: Record<string, unknown> = {
        id: `${opts.prefix}-${s}-${i}`,
        timestamp: new Date(sessionStart + i * (45_000 + (n % 5) * 30_000)).toISOString(),
        model: unknown ? 'mystery-model-x' : n % 3 === 0 ? 'gpt-4o' : 'gpt-4o-mini',
        provider: unknown ? 'acme-ai' : 'openai',
        status: n % 13 === 6 ? 500 : n % 11 === 2 ? 429 : 200,
        inputTokens: 200 + (n % 17) * 90,
        outputTokens: 40 + (n % 7) * 35,
        userId: `user-${s % 6}`,
        sessionId: `${opts.sessionPrefix ?? 'sess'}-${s}`,
        cacheHit: n % 23 === 8,
      };
      if (n % 8 !== 5) e.latencyMs = 300 + (n % 11) * 410;
      if (!unknown) e.costUsd = Math.round((0.0004 + (n % 29) * 0.00037) * 1e6) / 1e6;
      if (s % 4 !== 1) e.sessionName = s % 2 ? `Support chat ${s}` : `Workflow <${s}>`;
      if (s % 3 === 0) {
        e.agentId = `agent-${s % 2}`;
        e.agentName = `Agent ${s % 2}`;
        e.agentType = 'conversational';
        e.runId = `run-${opts.prefix}-${s}`;
      }
      const sub = subAccounts[s % subAccounts.length];
      if (sub) e.subAccountId = sub;
      events.push(e);
    }
  }
  return events;
}
