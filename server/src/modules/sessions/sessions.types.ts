import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, SafeInt } from '../../graphql/scalars.js';
import { SortDirection } from '../usage/usage.enums.js';
import { sessionOrderFields, type SessionOrderField as OrderField } from './session-page.query.js';

export const SessionOrderField = Object.fromEntries(sessionOrderFields.map((v) => [v, v])) as { [K in OrderField]: K };
registerEnumType(SessionOrderField, {
  name: 'SessionOrderField',
  description: 'What the sessions list is ordered by.',
  valuesConfig: {
    LAST_ACTIVE: { description: 'The start of its last event in range.' },
    COST_USD: { description: 'Spend in USD.' },
    REQUESTS: { description: 'Events in range.' },
    DURATION: { description: 'Last event end − first event start.' },
  },
});

@InputType({ description: 'Default: LAST_ACTIVE DESC. Ties are broken by session id, so pages are stable.' })
export class SessionOrder {
  @Field(() => SessionOrderField) field: OrderField;
  @Field(() => SortDirection, { defaultValue: 'DESC' }) direction: 'ASC' | 'DESC';
}

@ObjectType({ description: "A session's figures over its events in the filter's range that match the filter.", simpleResolvers: true })
export class SessionRow {
  @Field(() => ID) sessionId: string;
  @Field(() => String, { nullable: true, description: 'The name sent with its earliest named event.' }) sessionName: string | null;
  @Field(() => ID, { nullable: true, description: 'The user of its earliest event that has one.' }) userId: string | null;
  @Field(() => ID, { nullable: true, description: 'The agent of its earliest event that has one.' }) agentId: string | null;
  @Field(() => ID, { nullable: true, description: 'External id of the sub-account of its earliest event; null for the root organization.' }) subAccountId: string | null;
  @Field(() => DateTime, { description: 'Start of its first event in range.' }) firstEventAt: Date;
  @Field(() => DateTime, { description: 'Start of its last event in range.' }) lastEventAt: Date;
  @Field(() => Float, { description: 'Last event end (timestamp + latency) − first event start (ms).' }) durationMs: number;
  @Field(() => Int) requests: number;
  @Field(() => Int, { description: 'Events with status >= 400.' }) errors: number;
  @Field(() => Float, { description: 'Spend in USD, cache hits excluded (as in UsageTotals.costUsd).' }) costUsd: number;
  @Field(() => SafeInt, { description: 'Input + output tokens.' }) totalTokens: number;
}

@ObjectType({ description: 'A page of sessions and how many sessions match in all.' })
export class SessionPage {
  @Field(() => [SessionRow]) rows: SessionRow[];
  @Field(() => Int, { description: 'Sessions with at least one matching event in range.' }) total: number;
}

@ObjectType({ description: 'One event (LLM request) of a session.', simpleResolvers: true })
export class SessionEvent {
  @Field(() => ID) eventId: string;
  @Field(() => DateTime, { description: 'When the request started.' }) ts: Date;
  @Field() model: string;
  @Field(() => String, { nullable: true }) provider: string | null;
  @Field(() => Int) status: number;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => Int, { nullable: true, description: 'ms' }) latencyMs: number | null;
  @Field(() => Float, { nullable: true, description: "USD; null when the model has no known price. A cache hit's cost was saved, not spent." }) costUsd: number | null;
  @Field() cacheHit: boolean;
  @Field(() => SafeInt) inputTokens: number;
  @Field(() => SafeInt) outputTokens: number;
  @Field(() => SafeInt) totalTokens: number;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field(() => ID, { nullable: true }) agentId: string | null;
  @Field(() => ID, { nullable: true }) runId: string | null;
}

@ObjectType({ description: "A session's figures and its events (oldest first, at most 500; `requests` counts them all)." })
export class SessionDetail extends SessionRow {
  @Field(() => [SessionEvent]) events: SessionEvent[];
}
