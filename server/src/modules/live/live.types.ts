import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTime, JSONObject, SafeInt } from '../../graphql/scalars.js';
import type { EventRow } from './event-row.js';
import { markShared } from './shared-results.js';
import type { WindowFigures } from './sliding-window.js';

@ObjectType('LiveUsage', { description: 'Figures over a sliding window ending now; sent at once, then whenever they change (at most every 2 s).' })
export class LiveUsageType {
  @Field(() => DateTime, { description: 'The instant the figures were computed (the window ends here).' }) at: Date;
  @Field(() => Int, { description: 'Length of the window in seconds (its start is rounded down to 1 s, or to window/600 for windows over 10 minutes).' })
  windowSeconds: number;
  @Field(() => SafeInt) requests: number;
  @Field(() => Float) requestsPerMinute: number;
  @Field(() => Float, { description: 'Spend in USD (cache hits excluded, as in UsageTotals.costUsd).' }) costUsd: number;
  @Field(() => Float) costPerMinute: number;
  @Field(() => Float, { description: 'errors / requests, in [0, 1].' }) errorRate: number;
  @Field(() => Float, { nullable: true, description: 'p95 latency in ms, from log-spaced bins (within 1%); null without latencies.' })
  latencyP95Ms: number | null;
  @Field(() => Int, { description: 'Distinct users with a request in the window (exact).' }) activeUsers: number;
  @Field(() => SafeInt, { description: 'inputTokens + outputTokens.' }) totalTokens: number;

  static from(f: WindowFigures, at: Date, windowSeconds: number): LiveUsageType {
    const minutes = windowSeconds / 60;
    const costUsd = f.costNanos / 1e9;
    return markShared(Object.assign(new LiveUsageType(), {
      at,
      windowSeconds,
      requests: f.requests,
      requestsPerMinute: f.requests / minutes,
      costUsd,
      costPerMinute: costUsd / minutes,
      errorRate: f.requests > 0 ? f.errors / f.requests : 0,
      latencyP95Ms: f.latencyP95Ms,
      activeUsers: f.activeUsers,
      totalTokens: f.totalTokens,
    }));
  }
}

@ObjectType('UsageEvent', { description: 'One stored event, as delivered by the usageEvents live tail.' })
export class UsageEventType {
  @Field(() => ID, { description: "The event's id (the client's, or the one the server gave it)." }) id: string;
  @Field(() => DateTime, { description: 'When the request started.' }) timestamp: Date;
  @Field() model: string;
  @Field(() => String, { nullable: true }) provider: string | null;
  @Field(() => Int) status: number;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => SafeInt, { description: 'All input tokens, cached ones included.' }) inputTokens: number;
  @Field(() => SafeInt) outputTokens: number;
  @Field(() => SafeInt) cachedInputTokens: number;
  @Field(() => SafeInt) cacheWriteTokens: number;
  @Field(() => SafeInt, { description: 'inputTokens + outputTokens.' }) totalTokens: number;
  @Field(() => Float, { nullable: true, description: 'USD; null when the model has no known price.' }) costUsd: number | null;
  @Field(() => Int, { nullable: true }) latencyMs: number | null;
  @Field(() => Int, { nullable: true }) ttftMs: number | null;
  @Field(() => String, { nullable: true }) userId: string | null;
  @Field(() => String, { nullable: true }) teamId: string | null;
  @Field(() => String, { nullable: true }) agentId: string | null;
  @Field(() => String, { nullable: true }) agentType: string | null;
  @Field(() => String, { nullable: true }) runId: string | null;
  @Field(() => String, { nullable: true }) sessionId: string | null;
  @Field(() => String, { nullable: true }) sessionName: string | null;
  @Field(() => String, { nullable: true, description: 'External id of the sub-account; null for the organization itself.' }) subAccountId: string | null;
  @Field(() => String, { nullable: true }) feature: string | null;
  @Field(() => String, { nullable: true }) promptId: string | null;
  @Field(() => [String], { nullable: true }) tools: string[] | null;
  @Field() cacheHit: boolean;
  @Field() threat: boolean;
  @Field(() => Int, { nullable: true }) outputChars: number | null;
  @Field(() => JSONObject, { nullable: true }) properties: Record<string, string> | null;
  @Field(() => Int, {
    description:
      'How many events matching this subscription were dropped just before this one because the client read more slowly than ' +
      'they arrived (the server keeps the newest events; 0 normally).',
  })
  skipped: number;

  /** One payload per stored event, shared by every subscriber it matches. */
  static from(r: EventRow, subAccountId: string | null): UsageEventType {
    return markShared(Object.assign(new UsageEventType(), {
      id: r.event_id,
      timestamp: r.ts,
      model: r.model,
      provider: r.provider,
      status: r.status,
      error: r.error,
      inputTokens: r.input_tokens,
      outputTokens: r.output_tokens,
      cachedInputTokens: r.cached_input_tokens,
      cacheWriteTokens: r.cache_write_tokens,
      totalTokens: r.input_tokens + r.output_tokens,
      costUsd: r.cost_nanos === null ? null : r.cost_nanos / 1e9,
      latencyMs: r.latency_ms,
      ttftMs: r.ttft_ms,
      userId: r.user_id,
      teamId: r.team_id,
      agentId: r.agent_id,
      agentType: r.agent_type,
      runId: r.run_id,
      sessionId: r.session_id,
      sessionName: r.session_name,
      subAccountId,
      feature: r.feature,
      promptId: r.prompt_id,
      tools: r.tools,
      cacheHit: r.cache_hit,
      threat: r.threat,
      outputChars: r.output_chars,
      properties: r.properties,
      skipped: 0,
    }));
  }
}
