import type { PreparedEvent } from '../ingestion/event.schema.js';

/**
 * One stored event as live views see it: the columns of usage_event under their SQL names, so the
 * filter predicate can read the columns the analytics catalog names. Built either from a batch
 * this process just stored (no query) or from rows another process stored (fetched once per batch).
 */
export interface EventRow {
  tenant_id: number;
  org_id: number;
  event_id: string;
  ts: Date;
  model: string;
  provider: string | null;
  status: number;
  error: string | null;
  input_tokens: number;
  output_tokens: number;
  cached_input_tokens: number;
  cache_write_tokens: number;
  /** USD × 1e9; null when the model has no known price. */
  cost_nanos: number | null;
  latency_ms: number | null;
  ttft_ms: number | null;
  user_id: string | null;
  team_id: string | null;
  agent_id: string | null;
  agent_type: string | null;
  run_id: string | null;
  session_id: string | null;
  session_name: string | null;
  feature: string | null;
  prompt_id: string | null;
  tools: string[] | null;
  cache_hit: boolean;
  threat: boolean;
  output_chars: number | null;
  properties: Record<string, string> | null;
}

/** A batch as one transaction stored it: `ingestedAtUs` (its ingested_at in µs) identifies it. */
export interface RowBatch {
  tenantId: number;
  ingestedAtUs: number;
  rows: EventRow[];
}

export function rowFromPrepared(e: PreparedEvent): EventRow {
  return {
    tenant_id: e.tenantId,
    org_id: e.orgId,
    event_id: e.eventId,
    ts: e.ts,
    model: e.model,
    provider: e.provider,
    status: e.status,
    error: e.error,
    input_tokens: e.inputTokens,
    output_tokens: e.outputTokens,
    cached_input_tokens: e.cachedInputTokens,
    cache_write_tokens: e.cacheWriteTokens,
    cost_nanos: e.costNanos,
    latency_ms: e.latencyMs,
    ttft_ms: e.ttftMs,
    user_id: e.userId,
    team_id: e.teamId,
    agent_id: e.agentId,
    agent_type: e.agentType,
    run_id: e.runId,
    session_id: e.sessionId,
    session_name: e.sessionName,
    feature: e.feature,
    prompt_id: e.promptId,
    tools: e.tools,
    cache_hit: e.cacheHit,
    threat: e.threat,
    output_chars: e.outputChars,
    properties: e.properties,
  };
}

/** The columns fetched for a batch announced by another process (same names as EventRow). */
export const EVENT_ROW_COLUMNS = [
  'tenant_id', 'org_id', 'event_id', 'ts', 'model', 'provider', 'status', 'error', 'input_tokens', 'output_tokens',
  'cached_input_tokens', 'cache_write_tokens', 'cost_nanos', 'latency_ms', 'ttft_ms', 'user_id', 'team_id', 'agent_id',
  'agent_type', 'run_id', 'session_id', 'session_name', 'feature', 'prompt_id', 'tools', 'cache_hit', 'threat',
  'output_chars', 'properties',
] as const satisfies readonly (keyof EventRow)[];
