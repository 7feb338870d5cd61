import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Pool } from '../../db/pool.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError, forbidden } from '../../shared/errors.js';
import { RateLimiter } from '../../shared/rate-limiter.js';
import { fieldErrors } from '../../shared/validation.js';
import { requirePermission, type Principal } from '../accounts/access.js';
import type { PricingService } from '../pricing/pricing.service.js';
import { MAX_EVENTS_PER_REQUEST, usageEventSchema, type PreparedEvent, type UsageEventInput } from './event.schema.js';
import { upsertDimensions, writeEvents, type SummaryMaintainer } from './event-writer.js';
import { parseEventFast } from './event-fast-parse.js';

export interface RejectedEvent {
  index: number;
  field: string;
  message: string;
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: RejectedEvent[];
}

/** Announced after a batch commits; live views listen to it. */
export interface IngestedBatch {
  tenantId: number;
  orgIds: number[];
  events: PreparedEvent[];
}

// Events stamped further ahead than this are almost always a client clock or unit bug.
const MAX_FUTURE_MS = 24 * 3_600_000;
// deadlock_detected and serialization_failure: the batch did nothing and can simply run again.
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

export interface IngestionOptions {
  /** Ingest requests admitted per key and minute (HTTP and GraphQL alike). */
  ratePerMinute: number;
}

/**
 * Validates, places, prices, de-duplicates and stores events. Transport-agnostic: the HTTP route
 * and the GraphQL mutation are thin adapters over `ingest`.
 */
export class IngestionService {
  readonly batches = new EventEmitter<{ ingested: [IngestedBatch] }>();
  private readonly summaries: SummaryMaintainer[] = [];
  private readonly limiter: RateLimiter;

  constructor(
    private readonly pool: Pool,
    private readonly pricing: PricingService,
    private readonly clock: Clock,
    options: IngestionOptions = { ratePerMinute: 1200 },
  ) {
    this.limiter = new RateLimiter(options.ratePerMinute, clock);
  }

  /** Registers a summary table to maintain in the same statement as the events. */
  addSummary(summary: SummaryMaintainer): void {
    this.summaries.push(summary);
  }

  /**
   * The per-key rate limit of ingest requests, applied by the HTTP route (before it reads the
   * body) and the GraphQL mutation. Internal callers (demo data, imports) are not limited.
   * Throws RATE_LIMITED with `retryAfterSeconds` in its details.
   */
  admit(principal: Principal | null): Principal {
    const caller = requirePermission(principal, 'ingest');
    const key = caller.kind === 'apiKey' ? `key:${caller.apiKeyId}` : `member:${caller.memberId}`;
    const retryAfterSeconds = this.limiter.take(key);
    if (retryAfterSeconds > 0) {
      throw new DomainError('RATE_LIMITED', `Too many ingest requests for this key; retry in ${retryAfterSeconds} s.`, { retryAfterSeconds });
    }
    return caller;
  }

  async ingest(principal: Principal | null, raw: unknown[]): Promise<IngestResult> {
    const caller = requirePermission(principal, 'ingest');
    if (raw.length > MAX_EVENTS_PER_REQUEST) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `A request may carry at most ${MAX_EVENTS_PER_REQUEST} events; this one has ${raw.length}. Split it into smaller batches.`);
    }
    const rejected: RejectedEvent[] = [];
    const valid: { index: number; event: UsageEventInput }[] = [];
    const now = this.clock.now().getTime();
    raw.forEach((item, index) => {
      // Plainly valid events skip zod (identical result, ~14x cheaper); the rest get zod's verdict.
      const fast = parseEventFast(item);
      const parsed = fast ? { success: true as const, data: fast } : usageEventSchema.safeParse(item);
      if (!parsed.success) {
        for (const e of fieldErrors(parsed.error)) rejected.push({ index, ...e });
      } else if (Date.parse(parsed.data.timestamp) - now > MAX_FUTURE_MS) {
        rejected.push({ index, field: 'timestamp', message: 'must not be more than 24 hours in the future' });
      } else {
        valid.push({ index, event: parsed.data });
      }
    });

    const subAccounts = await this.resolveSubAccounts(caller, valid.map((v) => v.event.subAccountId));
    const overrides = valid.length ? await this.pricing.loadOverrides(this.pool, caller.tenantId) : new Map();
    const seen = new Set<string>();
    let duplicates = 0;
    const prepared: PreparedEvent[] = [];
    for (const { index, event } of valid) {
      const orgId = event.subAccountId ? subAccounts.get(event.subAccountId) : caller.orgId;
      if (orgId === undefined) {
        rejected.push({ index, field: 'subAccountId', message: `no sub-account with externalId "${event.subAccountId}" in this organization` });
        continue;
      }
      const eventId = event.id ?? `evt_${randomUUID()}`;
      if (seen.has(eventId)) {
        duplicates++;
        continue;
      }
      seen.add(eventId);
      prepared.push(this.prepare(caller.tenantId, orgId, eventId, event, overrides));
    }

    const inserted = await this.store(caller.tenantId, prepared);
    duplicates += prepared.length - inserted.length;
    if (inserted.length) {
      const ids = new Set(inserted);
      const events = inserted.length === prepared.length ? prepared : prepared.filter((e) => ids.has(e.eventId));
      this.batches.emit('ingested', { tenantId: caller.tenantId, orgIds: [...new Set(events.map((e) => e.orgId))], events });
    }
    rejected.sort((a, b) => a.index - b.index);
    return { accepted: inserted.length, duplicates, rejected };
  }

  /**
   * One transaction per batch: the dimensions, the events and every summary commit together, so
   * the answer (sent after this resolves) only ever reports committed events. Events go in
   * event-id order so concurrent batches sharing ids take their index locks in the same order;
   * a deadlock that still happens (e.g. in a summary) is retried, as nothing was written.
   */
  private async store(tenantId: number, events: PreparedEvent[]): Promise<string[]> {
    if (events.length === 0) return [];
    const ordered = [...events].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('begin');
        await upsertDimensions(client, tenantId, ordered);
        const inserted = await writeEvents(client, ordered, this.summaries);
        await client.query('commit');
        return inserted;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        const code = (err as { code?: string }).code;
        if (attempt >= MAX_ATTEMPTS || !code || !RETRYABLE_SQLSTATES.has(code)) throw err;
      } finally {
        client.release();
      }
    }
  }

  /**
   * Maps the sub-account external ids named by events to organization ids; a name that is not a
   * sub-account of the tenant is left out (and that event rejected). A key bound to a
   * sub-account may only write to that sub-account: naming another one refuses the request.
   */
  private async resolveSubAccounts(caller: Principal, names: (string | null | undefined)[]): Promise<Map<string, number>> {
    const wanted = [...new Set(names.filter((n): n is string => !!n))];
    const found = new Map<string, number>();
    if (wanted.length === 0) return found;
    const { rows } = await this.pool.query<{ id: number; external_id: string }>(
      `select id, external_id from organization where root_id = $1 and parent_id is not null and external_id = any($2::text[])`,
      [caller.tenantId, wanted],
    );
    for (const r of rows) found.set(r.external_id, r.id);
    if (caller.isSubAccount) {
      const outside = wanted.filter((n) => found.has(n) && found.get(n) !== caller.orgId);
      if (outside.length) throw forbidden(`This key belongs to one sub-account and cannot write to "${outside[0]}".`);
    }
    return found;
  }

  private prepare(tenantId: number, orgId: number, eventId: string, e: UsageEventInput, overrides: Awaited<ReturnType<PricingService['loadOverrides']>>): PreparedEvent {
    const ts = new Date(e.timestamp);
    const inputTokens = e.inputTokens ?? 0;
    const outputTokens = e.outputTokens ?? 0;
    const cachedInputTokens = e.cachedInputTokens ?? 0;
    const cacheWriteTokens = e.cacheWriteTokens ?? 0;
    const { costNanos, provider } = this.pricing.price(
      { inputTokens, outputTokens, cachedInputTokens, cacheWriteTokens, orgId, model: e.model, provider: e.provider, timestamp: ts, costUsd: e.costUsd },
      overrides,
      tenantId,
    );
    // Every field written out (no spread): an object literal of fixed shape stays a fast V8
    // object, which the writer then reads 30 times per event; a spread made it a slow one.
    return {
      tenantId,
      orgId,
      eventId,
      ts,
      model: e.model,
      provider,
      status: e.status ?? 200,
      error: e.error ?? null,
      inputTokens,
      outputTokens,
      cachedInputTokens,
      cacheWriteTokens,
      costNanos,
      latencyMs: e.latencyMs ?? null,
      ttftMs: e.ttftMs ?? null,
      userId: e.userId ?? null,
      userEmail: e.userEmail?.toLowerCase() ?? null,
      userName: e.userName ?? null,
      teamId: e.teamId ?? null,
      agentId: e.agentId ?? null,
      agentName: e.agentName ?? null,
      agentType: e.agentType ?? null,
      runId: e.runId ?? null,
      sessionId: e.sessionId ?? null,
      sessionName: e.sessionName ?? null,
      feature: e.feature ?? null,
      promptId: e.promptId ?? null,
      tools: e.tools?.length ? e.tools : null,
      cacheHit: e.cacheHit ?? false,
      threat: e.threat ?? false,
      outputChars: e.outputChars ?? null,
      properties: e.properties && Object.keys(e.properties).length ? e.properties : null,
    };
  }
}
