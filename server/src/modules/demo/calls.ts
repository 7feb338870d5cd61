import type { Prng } from './prng.js';
import type { DemoAgent, DemoModel, DemoUser } from './world.js';

/** One event in the contract's format (what an SDK would POST), before the generator numbers it. */
export interface DemoEvent {
  id: string;
  timestamp: string;
  model: string;
  provider: string;
  status: number;
  error?: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  latencyMs: number;
  ttftMs?: number;
  userId: string;
  userEmail: string;
  userName: string;
  teamId: string;
  subAccountId?: string;
  agentId?: string;
  agentName?: string;
  agentType?: string;
  runId?: string;
  sessionId?: string;
  sessionName?: string;
  feature: string;
  promptId?: string;
  tools?: string[];
  cacheHit: boolean;
  threat: boolean;
  outputChars: number;
  properties: Record<string, string>;
}

/** What a scenario decides about one LLM call; `finishCall` adds timing, faults and caching. */
export interface CallPlan {
  at: number;
  user: DemoUser;
  model: DemoModel;
  feature: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens?: number;
  cacheWriteTokens?: number;
  streamed: boolean;
  /** Chance this call is answered from the response cache (only for repeatable requests). */
  responseCacheChance?: number;
  /** Chance an upstream check flags the prompt (user-typed text only). */
  threatChance?: number;
  promptId?: string;
  tools?: string[];
  agent?: DemoAgent;
  runId?: string;
  sessionId?: string;
  sessionName?: string;
  environment: string;
}

/** Provider outages: windows in which one provider answers many calls with 5xx. */
export interface Incident {
  from: number;
  to: number;
  provider: string;
  rate: number;
}

/** What every call of a generation run shares. */
export interface CallContext {
  rng: Prng;
  incidents: Incident[];
  /** Epoch ms: no event is stamped at or after it. */
  end: number;
}

/** Per-call error rate outside incidents; with incidents and retries the total lands near 2%. */
export const BASE_ERROR_RATE = 0.02;

const ORDINARY_ERRORS: { weight: number; status: number; error: string }[] = [
  { weight: 55, status: 429, error: 'rate_limit_exceeded' },
  { weight: 12, status: 500, error: 'internal_server_error' },
  { weight: 5, status: 502, error: 'bad_gateway' },
  { weight: 13, status: 503, error: 'service_unavailable' },
  { weight: 9, status: 400, error: 'context_length_exceeded' },
  { weight: 6, status: 408, error: 'request_timeout' },
];
const ORDINARY_TOTAL = ORDINARY_ERRORS.reduce((s, e) => s + e.weight, 0);

export function clampTokens(n: number, max = 200_000): number {
  return Math.max(1, Math.min(max, Math.round(n)));
}

function drawFault(rng: Prng, plan: CallPlan, incidents: Incident[]): { status: number; error: string } | null {
  for (const i of incidents) {
    if (plan.at >= i.from && plan.at < i.to && plan.model.provider === i.provider && rng.chance(i.rate)) {
      return plan.model.provider === 'anthropic' && rng.chance(0.5) ? { status: 529, error: 'overloaded_error' } : { status: 503, error: 'service_unavailable' };
    }
  }
  if (!rng.chance(BASE_ERROR_RATE)) return null;
  let x = rng.next() * ORDINARY_TOTAL;
  for (const e of ORDINARY_ERRORS) {
    if ((x -= e.weight) < 0) return { status: e.status, error: e.error };
  }
  return ORDINARY_ERRORS[0];
}

/**
 * Turns a plan into an event: latency from the model's profile, time to first token for
 * streamed calls, provider errors (no tokens billed), response-cache hits and threat flags.
 */
export function finishCall(ctx: CallContext, plan: CallPlan): DemoEvent {
  const { rng, incidents } = ctx;
  const { user, model, agent } = plan;
  const fault = drawFault(rng, plan, incidents);
  const cacheHit = !fault && rng.chance(plan.responseCacheChance ?? 0);
  let inputTokens = plan.inputTokens;
  let outputTokens = plan.outputTokens;
  let cached = Math.min(plan.cachedInputTokens ?? 0, inputTokens);
  let cacheWrite = Math.min(plan.cacheWriteTokens ?? 0, inputTokens - cached);
  let latencyMs: number;
  let ttftMs: number | undefined;
  if (fault) {
    inputTokens = outputTokens = cached = cacheWrite = 0;
    latencyMs = fault.status === 408 ? Math.round(30_000 + rng.next() * 30_000) : Math.round(rng.logNormal(180, 0.7)) + 20;
  } else if (cacheHit) {
    latencyMs = Math.round(rng.logNormal(25, 0.5)) + 3;
  } else {
    const generation = outputTokens * model.msPerOutputToken * rng.logNormal(1, 0.25);
    const prefill = (inputTokens - cached) * 0.03;
    if (plan.streamed) {
      ttftMs = Math.round(rng.logNormal(model.ttftMs, 0.35) + prefill);
      latencyMs = Math.round(ttftMs + generation);
    } else {
      latencyMs = Math.round(model.baseMs * rng.logNormal(1, 0.3) + prefill + generation);
    }
  }
  const event: DemoEvent = {
    id: '',
    // A session that started just before the end may run past it: keep every event in the past.
    timestamp: new Date(Math.min(plan.at, ctx.end - 1)).toISOString(),
    model: model.name,
    provider: model.provider,
    status: fault?.status ?? 200,
    inputTokens,
    outputTokens,
    cachedInputTokens: cached,
    cacheWriteTokens: cacheWrite,
    latencyMs,
    userId: user.id,
    userEmail: user.email,
    userName: user.name,
    teamId: user.team.id,
    feature: plan.feature,
    cacheHit,
    threat: !fault && rng.chance(plan.threatChance ?? 0),
    outputChars: Math.round(outputTokens * (3.6 + rng.next() * 0.8)),
    properties: { environment: plan.environment, userTier: user.tier, region: user.region },
  };
  if (fault) event.error = fault.error;
  if (ttftMs !== undefined) event.ttftMs = ttftMs;
  if (user.team.subAccountId) event.subAccountId = user.team.subAccountId;
  if (agent) {
    event.agentId = agent.id;
    event.agentName = agent.name;
    event.agentType = agent.type;
  }
  if (plan.runId) event.runId = plan.runId;
  if (plan.sessionId) event.sessionId = plan.sessionId;
  if (plan.sessionName) event.sessionName = plan.sessionName;
  if (plan.promptId) event.promptId = plan.promptId;
  if (plan.tools?.length) event.tools = plan.tools;
  return event;
}
