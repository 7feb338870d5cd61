import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTime, SafeInt } from '../../graphql/scalars.js';

@ObjectType({ description: 'One LLM request (event).', simpleResolvers: true })
export class RequestRow {
  @Field(() => ID) eventId: string;
  @Field(() => DateTime, { description: 'When the request started.' }) ts: Date;
  @Field() model: string;
  @Field(() => String, { nullable: true }) provider: string | null;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field(() => ID, { nullable: true }) agentId: string | null;
  @Field(() => ID, { nullable: true }) sessionId: string | null;
  @Field(() => Int) status: number;
  @Field(() => Int, { nullable: true, description: 'ms' }) latencyMs: number | null;
  @Field(() => SafeInt) inputTokens: number;
  @Field(() => SafeInt) outputTokens: number;
  @Field(() => Float, { description: 'Spend in USD.' }) costUsd: number;
}
