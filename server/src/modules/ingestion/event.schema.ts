import { z } from 'zod';

/** Limits of one ingest request (the contract: 10,000 events or 10 MB). */
export const MAX_EVENTS_PER_REQUEST = 10_000;
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const INT32 = 2_147_483_647;
const count = z.number().int('must be an integer').min(0, 'must be >= 0').max(INT32, `must be <= ${INT32}`);
const id = (max = 200) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

/** Custom property keys are values (never identifiers), but odd characters make poor filters. */
export const PROPERTY_KEY = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * One event as the contract describes it. Optional fields accept null. Unknown fields are
 * ignored so newer clients keep working against an older server.
 */
export const usageEventSchema = z
  .object({
    id: id().nullish(),
    timestamp: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with a timezone, e.g. 2026-11-20T09:14:03.120Z' }),
    model: id(),
    provider: id(100).nullish(),
    status: z.number().int('must be an integer').min(100, 'must be between 100 and 599').max(599, 'must be between 100 and 599').nullish(),
    error: text(2000).nullish(),
    inputTokens: count.nullish(),
    outputTokens: count.nullish(),
    cachedInputTokens: count.nullish(),
    cacheWriteTokens: count.nullish(),
    costUsd: z.number().min(0, 'must be >= 0').max(1_000_000, 'must be <= 1000000').nullish(),
    latencyMs: count.nullish(),
    ttftMs: count.nullish(),
    userId: id().nullish(),
    userEmail: z.email('must be an email address').max(320).nullish(),
    userName: text(200).nullish(),
    teamId: id().nullish(),
    agentId: id().nullish(),
    agentName: text(200).nullish(),
    agentType: id(100).nullish(),
    runId: id().nullish(),
    sessionId: id().nullish(),
    sessionName: text(200).nullish(),
    subAccountId: id().nullish(),
    feature: id(100).nullish(),
    promptId: id().nullish(),
    tools: z.array(id(100)).max(100, 'must list at most 100 tools').nullish(),
    cacheHit: z.boolean().nullish(),
    threat: z.boolean().nullish(),
    outputChars: count.nullish(),
    properties: z
      .record(
        z.string().regex(PROPERTY_KEY, 'property keys may use letters, digits, "_", ".", ":" and "-" (1-64 characters)'),
        z.string({ message: 'property values must be strings' }).max(1000, 'must be at most 1000 characters'),
      )
      .refine((p) => Object.keys(p).length <= 50, 'must have at most 50 properties')
      .nullish(),
  })
  .superRefine((e, ctx) => {
    const input = e.inputTokens ?? 0;
    if (input < 0) return; // already reported on inputTokens
    if ((e.cachedInputTokens ?? 0) + (e.cacheWriteTokens ?? 0) > input) {
      ctx.addIssue({
        code: 'custom',
        path: [e.cachedInputTokens ? 'cachedInputTokens' : 'cacheWriteTokens'],
        message: 'cachedInputTokens + cacheWriteTokens must be <= inputTokens (inputTokens counts cached tokens too)',
      });
    }
  });

export type UsageEventInput = z.infer<typeof usageEventSchema>;

/** A validated event with defaults applied, priced and placed in an organization. */
export interface PreparedEvent {
  tenantId: number;
  orgId: number;
  eventId: string;
  ts: Date;
  model: string;
  provider: string | null;
  status: number;
  error: string | null;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  costNanos: number | null;
  latencyMs: number | null;
  ttftMs: number | null;
  userId: string | null;
  userEmail: string | null;
  userName: string | null;
  teamId: string | null;
  agentId: string | null;
  agentName: string | null;
  agentType: string | null;
  runId: string | null;
  sessionId: string | null;
  sessionName: string | null;
  feature: string | null;
  promptId: string | null;
  tools: string[] | null;
  cacheHit: boolean;
  threat: boolean;
  outputChars: number | null;
  properties: Record<string, string> | null;
}
