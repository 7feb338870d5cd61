import { clampTokens, finishCall, type CallContext, type CallPlan, type DemoEvent } from './calls.js';
import { WeightedPicker, type Prng } from './prng.js';
import type { DemoAgent, DemoUser, DemoWorld } from './world.js';

/**
 * What one person does in one sitting: a chat, questions about a document, a few one-shot
 * completions, or an agent run. Each returns its events in time order; later turns follow
 * earlier ones by the earlier call's latency plus thinking or tool time, and carry the growing
 * context (and, where the provider caches prompts, the cached part of it).
 */
export interface ScenarioContext extends CallContext {
  world: DemoWorld;
}

type Profile = { input: [median: number, sigma: number]; output: [median: number, sigma: number]; responseCache: number; prompts: string[] };

const COMPLETIONS: Record<string, Profile> = {
  Summarization: { input: [3500, 0.8], output: [250, 0.5], responseCache: 0.02, prompts: ['summarize-thread-v2', 'summarize-doc-v5', 'summarize-call-v1'] },
  Classification: { input: [700, 0.5], output: [8, 0.5], responseCache: 0.1, prompts: ['classify-intent-v7', 'classify-sentiment-v2'] },
  'Code Review': { input: [5000, 0.7], output: [600, 0.6], responseCache: 0.01, prompts: ['review-diff-v3', 'explain-code-v1'] },
  Search: { input: [1200, 0.6], output: [150, 0.6], responseCache: 0.12, prompts: ['search-answer-v4', 'search-rerank-v2'] },
  Translation: { input: [800, 0.7], output: [700, 0.7], responseCache: 0.06, prompts: ['translate-v2'] },
};
const CHAT_PROMPTS = WeightedPicker.zipf(['chat-general-v4', 'chat-general-v3', 'chat-brainstorm-v1', 'chat-writing-v2'], 1.2);
const CHAT_NAMES = ['Customer Support', 'Quick question', 'Drafting', 'Brainstorm', 'Research', 'Email reply'];
const DOCUMENTS = ['Q3 board deck', 'Master services agreement', 'Employee handbook', 'API reference', 'Pricing policy', 'Security whitepaper', 'Incident postmortem'];
const ENVIRONMENTS = new WeightedPicker(['production', 'staging', 'development'], [86, 10, 4]);

const sessionId = (rng: Prng) => `s-${rng.hex(12)}`;
const runId = (rng: Prng) => `run-${rng.hex(12)}`;
/** Geometric: 1 + failures before success, capped. */
const turns = (rng: Prng, mean: number, max: number) => Math.min(max, 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(1 - 1 / mean)));

export function runSession(ctx: ScenarioContext, user: DemoUser, start: number): DemoEvent[] {
  const r = ctx.rng.next();
  if (r < 0.27) return conversation(ctx, user, start, 'Chat');
  if (r < 0.35) return conversation(ctx, user, start, 'Document Chat');
  if (r < 0.66) return completions(ctx, user, start);
  const own = ctx.world.teamAgents.get(user.team.id);
  const agent = own && ctx.rng.chance(0.9) ? own.pick(ctx.rng) : ctx.world.agentPicker.pick(ctx.rng);
  if (agent.type === 'multi_step') return multiStepRun(ctx, user, start, agent);
  if (agent.type === 'conversational') return conversation(ctx, user, start, 'Agents', agent);
  return singleTaskRun(ctx, user, start, agent);
}

/** A chat (plain, over a document, or with a conversational agent): every turn carries the history. */
function conversation(ctx: ScenarioContext, user: DemoUser, start: number, feature: 'Chat' | 'Document Chat' | 'Agents', agent?: DemoAgent): DemoEvent[] {
  const { rng, world } = ctx;
  const model = agent?.model ?? world.modelPicker.pick(rng);
  const doc = feature === 'Document Chat';
  const session = sessionId(rng);
  const name = agent ? `${agent.name} conversation` : doc ? `Q&A: ${rng.pick(DOCUMENTS)}` : rng.pick(CHAT_NAMES);
  const promptId = agent?.promptId ?? (doc ? 'doc-qa-v2' : CHAT_PROMPTS.pick(rng));
  const environment = ENVIRONMENTS.pick(rng);
  const events: DemoEvent[] = [];
  let at = start;
  let context = clampTokens(doc ? rng.logNormal(9000, 0.7) : rng.logNormal(600, 0.6), 120_000);
  const n = turns(rng, doc ? 3 : 4, 14);
  for (let turn = 0; turn < n; turn++) {
    const question = clampTokens(rng.logNormal(120, 0.7));
    const input = clampTokens(context + question);
    const output = clampTokens(rng.logNormal(doc ? 350 : 280, 0.7), 4000);
    const steps = agent && agent.tools.length && rng.chance(0.4) ? 2 : 1; // a tool call, then the answer
    const run = agent ? runId(rng) : undefined;
    for (let step = 0; step < steps; step++) {
      const stepInput = step === 0 ? input : clampTokens(input + rng.logNormal(400, 0.8));
      const event = finishCall(ctx, {
        at,
        user,
        model,
        feature,
        inputTokens: stepInput,
        outputTokens: step < steps - 1 ? clampTokens(rng.logNormal(40, 0.4)) : output,
        // The provider caches the prefix it saw last turn.
        cachedInputTokens: model.promptCache && (turn > 0 || step > 0) ? Math.round(context * (0.6 + 0.35 * rng.next())) : 0,
        cacheWriteTokens: model.provider === 'anthropic' && turn === 0 && step === 0 && input > 1024 ? Math.round(input * 0.8) : 0,
        streamed: true,
        responseCacheChance: turn === 0 && !doc ? 0.03 : 0,
        threatChance: 0.005,
        promptId,
        tools: step < steps - 1 ? [rng.pick(agent!.tools)] : undefined,
        agent,
        runId: run,
        sessionId: session,
        sessionName: name,
        environment,
      });
      events.push(event);
      at += event.latencyMs + (step < steps - 1 ? rng.logNormal(500, 0.8) : 0);
      context = clampTokens(stepInput + event.outputTokens, 150_000);
    }
    at += rng.logNormal(25_000, 0.8); // the person reads and types
  }
  return events;
}

/** One-shot calls (summaries, classifications, reviews): no session, sometimes a short burst. */
function completions(ctx: ScenarioContext, user: DemoUser, start: number): DemoEvent[] {
  const { rng, world } = ctx;
  const features = user.team.features.filter((f) => f in COMPLETIONS);
  const feature = features[Math.min(features.length - 1, Math.floor(Math.abs(rng.normal()) * 1.2))];
  const profile = COMPLETIONS[feature];
  const model = world.modelPicker.pick(rng);
  const environment = ENVIRONMENTS.pick(rng);
  const events: DemoEvent[] = [];
  let at = start;
  for (let i = 0, n = turns(rng, 1.6, 6); i < n; i++) {
    const event = finishCall(ctx, plan(at, user, model, feature, profile, rng, environment));
    events.push(event);
    at += event.latencyMs + rng.logNormal(4_000, 1);
  }
  return events;
}

function plan(at: number, user: DemoUser, model: CallPlan['model'], feature: string, p: Profile, rng: Prng, environment: string): CallPlan {
  return {
    at,
    user,
    model,
    feature,
    inputTokens: clampTokens(rng.logNormal(...p.input)),
    outputTokens: clampTokens(rng.logNormal(...p.output), 8000),
    streamed: false,
    responseCacheChance: p.responseCache,
    promptId: p.prompts[Math.floor(Math.abs(rng.normal()) * 1.3) % p.prompts.length],
    environment,
  };
}

/** A single-task agent: one call, sometimes a tool call first; a run of its own, occasionally with no runId. */
function singleTaskRun(ctx: ScenarioContext, user: DemoUser, start: number, agent: DemoAgent): DemoEvent[] {
  const { rng } = ctx;
  const run = rng.chance(0.85) ? runId(rng) : undefined;
  const environment = ENVIRONMENTS.pick(rng);
  const steps = run && agent.tools.length && rng.chance(0.5) ? 2 : 1;
  const events: DemoEvent[] = [];
  let at = start;
  let input = clampTokens(rng.logNormal(1800, 0.7));
  for (let step = 0; step < steps; step++) {
    const last = step === steps - 1;
    const event = finishCall(ctx, {
      at,
      user,
      model: agent.model,
      feature: 'Agents',
      inputTokens: input,
      outputTokens: clampTokens(rng.logNormal(last ? 300 : 45, 0.7), 4000),
      cachedInputTokens: step > 0 && agent.model.promptCache ? Math.round(input * 0.7) : 0,
      streamed: false,
      responseCacheChance: 0.04,
      promptId: agent.promptId,
      tools: last ? undefined : agent.tools.slice(0, 1),
      agent,
      runId: run,
      environment,
    });
    events.push(event);
    at += event.latencyMs + rng.logNormal(300, 0.8);
    input = clampTokens(input + event.outputTokens + rng.logNormal(600, 0.9));
  }
  return events;
}

/** A multi-step agent: plan, call tools, read results, repeat; retries after rate limits and 5xx. */
function multiStepRun(ctx: ScenarioContext, user: DemoUser, start: number, agent: DemoAgent): DemoEvent[] {
  const { rng } = ctx;
  const run = runId(rng);
  const session = sessionId(rng);
  const environment = ENVIRONMENTS.pick(rng);
  const events: DemoEvent[] = [];
  let at = start;
  let input = clampTokens(rng.logNormal(2500, 0.5));
  const steps = 2 + turns(rng, 4, 11);
  for (let step = 0, attempts = 0; step < steps && attempts < steps + 4; attempts++) {
    const last = step === steps - 1;
    const tools = last ? [] : agent.tools.filter(() => rng.chance(0.5)).slice(0, 2);
    const event = finishCall(ctx, {
      at,
      user,
      model: agent.model,
      feature: 'Agents',
      inputTokens: input,
      outputTokens: clampTokens(rng.logNormal(last ? 500 : 180, 0.8), 4000),
      cachedInputTokens: step > 0 && agent.model.promptCache ? Math.round(input * (0.7 + 0.2 * rng.next())) : 0,
      cacheWriteTokens: step === 0 && agent.model.provider === 'anthropic' ? Math.round(input * 0.6) : 0,
      streamed: false,
      promptId: agent.promptId,
      tools: tools.length ? tools : undefined,
      agent,
      runId: run,
      sessionId: session,
      sessionName: `${agent.name} workflow`,
      environment,
    });
    events.push(event);
    at += event.latencyMs + rng.logNormal(700, 1);
    const retry = event.status >= 429 && rng.chance(0.7); // back off and try the same step again
    if (retry) {
      at += 1000 + rng.next() * 4000;
      continue;
    }
    if (event.status >= 400) break; // the run failed
    input = clampTokens(input + event.outputTokens + (tools.length ? rng.logNormal(900, 0.9) : 0));
    step++;
  }
  return events;
}
