import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { JSONObject } from '../../graphql/scalars.js';

/**
 * One LLM request, as in POST /v1/events. Types are deliberately loose here (timestamp is a
 * String, counts are Int without bounds): the ingestion service validates each event on its own
 * so one bad event is reported by index instead of failing the whole batch.
 */
@InputType('UsageEventInput')
export class UsageEventInput {
  @Field({ nullable: true, description: 'Client id; the idempotency key within the organization.' }) id?: string;
  @Field({ description: 'ISO 8601 instant the request started, e.g. 2026-11-20T09:14:03.120Z.' }) timestamp: string;
  @Field() model: string;
  @Field({ nullable: true }) provider?: string;
  @Field(() => Int, { nullable: true, description: 'HTTP-like status; >= 400 is an error. Default 200.' }) status?: number;
  @Field({ nullable: true }) error?: string;
  @Field(() => Int, { nullable: true, description: 'All input tokens, cached ones included.' }) inputTokens?: number;
  @Field(() => Int, { nullable: true }) outputTokens?: number;
  @Field(() => Int, { nullable: true }) cachedInputTokens?: number;
  @Field(() => Int, { nullable: true }) cacheWriteTokens?: number;
  @Field(() => Float, { nullable: true, description: 'USD; computed from the price list when absent.' }) costUsd?: number;
  @Field(() => Int, { nullable: true }) latencyMs?: number;
  @Field(() => Int, { nullable: true }) ttftMs?: number;
  @Field({ nullable: true }) userId?: string;
  @Field({ nullable: true }) userEmail?: string;
  @Field({ nullable: true }) userName?: string;
  @Field({ nullable: true }) teamId?: string;
  @Field({ nullable: true }) agentId?: string;
  @Field({ nullable: true }) agentName?: string;
  @Field({ nullable: true }) agentType?: string;
  @Field({ nullable: true }) runId?: string;
  @Field({ nullable: true }) sessionId?: string;
  @Field({ nullable: true }) sessionName?: string;
  @Field({ nullable: true, description: 'External id of a sub-account of the caller.' }) subAccountId?: string;
  @Field({ nullable: true }) feature?: string;
  @Field({ nullable: true }) promptId?: string;
  @Field(() => [String], { nullable: true }) tools?: string[];
  @Field({ nullable: true }) cacheHit?: boolean;
  @Field({ nullable: true }) threat?: boolean;
  @Field(() => Int, { nullable: true }) outputChars?: number;
  @Field(() => JSONObject, { nullable: true, description: 'Custom properties; string values.' }) properties?: Record<string, unknown>;
}

@ObjectType('RejectedEvent')
export class RejectedEventType {
  @Field(() => Int, { description: 'Position of the event in the request.' }) index: number;
  @Field() field: string;
  @Field() message: string;
}

@ObjectType('IngestResult')
export class IngestResultType {
  @Field(() => Int) accepted: number;
  @Field(() => Int) duplicates: number;
  @Field(() => [RejectedEventType]) rejected: RejectedEventType[];
}
