import { PROPERTY_KEY, usageEventSchema, type UsageEventInput } from './event.schema.js';

/**
 * A fast path in front of `usageEventSchema` for the common case, a plainly valid event.
 * Validating with zod costs ~14 µs an event, the largest share of ingest time in Node; this
 * costs ~1 µs. It is deliberately conservative: it accepts only what the schema accepts and
 * returns the same values, and for anything unusual (an id that would be trimmed, a limit
 * crossed, a wrong type, an odd property key) it returns null so the caller asks zod, which
 * also writes the error messages. `event-fast-parse.test.ts` checks it against zod on boundary
 * cases of every field; if the schema gains or loses a field, the fast path switches itself off.
 */

const INT32 = 2_147_483_647;
const shape = usageEventSchema.shape as Record<string, { _zod: { def: { innerType?: unknown } } }>;

/** The schema's own regular expressions, so both paths agree on what a date-time or an email is. */
function patternOf(field: string): RegExp {
  let node = shape[field] as unknown as { _zod: { pattern?: RegExp; def: { innerType?: unknown } } };
  while (!node._zod.pattern && node._zod.def.innerType) node = node._zod.def.innerType as typeof node;
  if (!node._zod.pattern) throw new Error(`no pattern on ${field}`);
  return node._zod.pattern;
}
const DATETIME = patternOf('timestamp');
const EMAIL = patternOf('userEmail');

const FIELDS = [
  'id', 'timestamp', 'model', 'provider', 'status', 'error', 'inputTokens', 'outputTokens', 'cachedInputTokens', 'cacheWriteTokens',
  'costUsd', 'latencyMs', 'ttftMs', 'userId', 'userEmail', 'userName', 'teamId', 'agentId', 'agentName', 'agentType', 'runId',
  'sessionId', 'sessionName', 'subAccountId', 'feature', 'promptId', 'tools', 'cacheHit', 'threat', 'outputChars', 'properties',
];
export const fastPathEnabled = FIELDS.length === Object.keys(shape).length && FIELDS.every((f) => f in shape);

/** Thrown inside the fast path to hand the event over to zod. */
const NOT_PLAIN = Symbol('not plain');

/** Whether `s.trim()` would leave s as it is (printable ASCII at both ends, or an explicit check). */
function untrimmed(s: string): boolean {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  if (a > 32 && a < 127 && b > 32 && b < 127) return true;
  return s.trim() === s;
}

/** `id(max)`: a string, trimmed, 1..max characters; null and undefined pass through (nullish). */
function id(v: unknown, max: number): string | null | undefined {
  if (v == null) return v as null | undefined;
  if (typeof v !== 'string' || v.length === 0 || v.length > max || !untrimmed(v)) throw NOT_PLAIN;
  return v;
}

function text(v: unknown, max: number): string | null | undefined {
  if (v == null) return v as null | undefined;
  if (typeof v !== 'string' || v.length > max) throw NOT_PLAIN;
  return v;
}

function count(v: unknown): number | null | undefined {
  if (v == null) return v as null | undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > INT32) throw NOT_PLAIN;
  return v;
}

function bool(v: unknown): boolean | null | undefined {
  if (v == null || typeof v === 'boolean') return v as boolean | null | undefined;
  throw NOT_PLAIN;
}

function tools(v: unknown): string[] | null | undefined {
  if (v == null) return v as null | undefined;
  if (!Array.isArray(v) || v.length > 100) throw NOT_PLAIN;
  for (const t of v) {
    if (typeof t !== 'string') throw NOT_PLAIN;
    id(t, 100);
  }
  return v as string[];
}

function properties(v: unknown): Record<string, string> | null | undefined {
  if (v == null) return v as null | undefined;
  if (typeof v !== 'object' || Array.isArray(v) || Object.getPrototypeOf(v) !== Object.prototype) throw NOT_PLAIN;
  let n = 0;
  for (const key in v) {
    if (!Object.hasOwn(v, key) || key === '__proto__' || !PROPERTY_KEY.test(key)) throw NOT_PLAIN;
    const value = (v as Record<string, unknown>)[key];
    if (typeof value !== 'string' || value.length > 1000 || ++n > 50) throw NOT_PLAIN;
  }
  // Symbol keys and non-enumerable ones are never in JSON; anywhere else, let zod decide.
  if (Object.getOwnPropertySymbols(v).length || Object.getOwnPropertyNames(v).length !== n) throw NOT_PLAIN;
  return v as Record<string, string>;
}

/**
 * The event as `usageEventSchema.safeParse(raw).data` would give it (fields the schema does not
 * know are dropped, absent ones are undefined), or null when zod must look at it.
 */
export function parseEventFast(raw: unknown): UsageEventInput | null {
  if (!fastPathEnabled || typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const e = raw as Record<string, unknown>;
  try {
    const timestamp = e.timestamp;
    if (typeof timestamp !== 'string' || !DATETIME.test(timestamp)) return null;
    const model = id(e.model, 200);
    if (model == null) return null;
    const status = e.status;
    if (status != null && (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599)) return null;
    const costUsd = e.costUsd;
    if (costUsd != null && (typeof costUsd !== 'number' || !Number.isFinite(costUsd) || costUsd < 0 || costUsd > 1_000_000)) return null;
    const userEmail = e.userEmail;
    if (userEmail != null && (typeof userEmail !== 'string' || userEmail.length > 320 || !EMAIL.test(userEmail))) return null;
    const event = {
      id: id(e.id, 200),
      timestamp,
      model,
      provider: id(e.provider, 100),
      status: status as number | null | undefined,
      error: text(e.error, 2000),
      inputTokens: count(e.inputTokens),
      outputTokens: count(e.outputTokens),
      cachedInputTokens: count(e.cachedInputTokens),
      cacheWriteTokens: count(e.cacheWriteTokens),
      costUsd: costUsd as number | null | undefined,
      latencyMs: count(e.latencyMs),
      ttftMs: count(e.ttftMs),
      userId: id(e.userId, 200),
      userEmail: userEmail as string | null | undefined,
      userName: text(e.userName, 200),
      teamId: id(e.teamId, 200),
      agentId: id(e.agentId, 200),
      agentName: text(e.agentName, 200),
      agentType: id(e.agentType, 100),
      runId: id(e.runId, 200),
      sessionId: id(e.sessionId, 200),
      sessionName: text(e.sessionName, 200),
      subAccountId: id(e.subAccountId, 200),
      feature: id(e.feature, 100),
      promptId: id(e.promptId, 200),
      tools: tools(e.tools),
      cacheHit: bool(e.cacheHit),
      threat: bool(e.threat),
      outputChars: count(e.outputChars),
      properties: properties(e.properties),
    };
    // The schema's cross-field rule: cached and cache-write tokens are part of the input tokens.
    if ((event.cachedInputTokens ?? 0) + (event.cacheWriteTokens ?? 0) > (event.inputTokens ?? 0)) return null;
    return event;
  } catch (err) {
    if (err === NOT_PLAIN) return null;
    throw err;
  }
}
