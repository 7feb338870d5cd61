import { randomUUID } from 'node:crypto';
import { buildQuery, loadOrganizations, type UsageFilterInput, type UsageQuery } from '../../analytics/index.js';
import type { Pool } from '../../db/pool.js';
import type { Clock } from '../../shared/clock.js';
import { badInput, DomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { requirePermission, scopeOf, type Principal } from '../accounts/access.js';
import type { IngestionService } from '../ingestion/ingestion.service.js';
import { BatchListener, type ListenerState } from './batch-listener.js';
import { BatchPublisher } from './batch-publisher.js';
import { fetchBatchRows } from './batch-rows.js';
import type { EventRow, RowBatch } from './event-row.js';
import { EventTail } from './event-tail.js';
import { UsageEventType, type LiveUsageType } from './live.types.js';
import { decodeNotice, encodeNotice, type BatchNotice } from './notification.js';
import type { DropOldestQueue, LatestValueSlot } from './subscriber-queues.js';
import { REPORT_RUN_TOPIC, TopicHub, type ReportRunUpdated } from './topics.js';
import { UsageViews } from './usage-views.js';

export const DEFAULT_WINDOW_SECONDS = 300;
// A sub-account created a moment ago may be named by a filter after at most this long (ms).
const ORGS_CACHE_MS = 5_000;
export const MIN_WINDOW_SECONDS = 60;
export const MAX_WINDOW_SECONDS = 24 * 3600;

/** Tuning knobs; `options` may be changed at run time (tests shorten the idle delay). */
export interface LiveOptions {
  /** At most one liveUsage snapshot this often per subscription (ms). */
  minIntervalMs: number;
  /** How often live views look for changes (ms). */
  tickMs: number;
  /** Events queued per usageEvents subscriber before the oldest are dropped. */
  tailCapacity: number;
  /** How long the LISTEN connection stays open after the last subscriber left (ms). */
  listenerIdleMs: number;
  /** Announced batches fetched at the same time (each holds a pooled connection briefly). */
  fetchConcurrency: number;
}

export const defaultLiveOptions: LiveOptions = { minIntervalMs: 2000, tickMs: 250, tailCapacity: 500, listenerIdleMs: 10_000, fetchConcurrency: 2 };

export interface LiveStats {
  /** Open, authenticated graphql-ws connections. */
  connections: number;
  listener: ListenerState;
  listenerReconnects: number;
  usageSubscribers: number;
  usageViews: number;
  eventSubscribers: number;
  eventGroups: number;
  topicSubscribers: number;
  batchesAnnounced: number;
  noticesReceived: number;
  batchesFetched: number;
  viewReads: number;
  viewComputations: number;
}

/**
 * Live usage for subscriptions, across instances. Ingest batches of this process are delivered
 * in memory and announced over NOTIFY; batches announced by other processes are fetched once each
 * and delivered the same way. See README.md in this folder for the design and its limits.
 */
export class LiveService {
  readonly instanceId = randomUUID();
  readonly options: LiveOptions;
  private readonly publisher: BatchPublisher;
  private readonly listener: BatchListener;
  private readonly views: UsageViews;
  private readonly tail: EventTail<UsageEventType>;
  private readonly reportRuns: TopicHub<ReportRunUpdated>;
  /** tenant → organization id → externalId (null for the root), for UsageEvent.subAccountId. */
  private readonly orgNames = new Map<number, Map<number, string | null>>();
  private fetchesInFlight = 0;
  private readonly fetchQueue: BatchNotice[] = [];
  private readonly orgs = new Map<number, { at: number; rows: ReturnType<typeof loadOrganizations> }>();
  private noticesReceived = 0;
  private batchesFetched = 0;
  private stopped = false;
  private connections: { count: number; recheck(): Promise<void> } | null = null;
  private readonly bridges: (() => void)[] = [];

  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly log: Logger,
    options: Partial<LiveOptions> = {},
  ) {
    this.options = { ...defaultLiveOptions, ...options };
    const idle = () => this.idleCheck();
    this.views = new UsageViews(pool, clock, log, this.options, idle);
    this.tail = new EventTail<UsageEventType>(() => this.options.tailCapacity, idle);
    this.reportRuns = new TopicHub<ReportRunUpdated>(idle);
    this.publisher = new BatchPublisher(pool, this.instanceId, log, (batches) => void this.deliver(batches), (t) => this.wantsTenant(t));
    this.listener = new BatchListener(
      pool.options.connectionString!,
      log,
      (payload) => this.onNotification(payload),
      () => this.views.reloadAll(),
      { retryMinMs: 250, retryMaxMs: 10_000, idleMs: () => this.options.listenerIdleMs },
    );
  }

  /** Follows this process's ingest batches (emitted after each commit). */
  watch(ingestion: IngestionService): void {
    ingestion.batches.on('ingested', (batch) => this.publisher.enqueue(batch));
  }

  /** liveUsage: validates, scopes, and joins (or opens) the shared view. */
  async subscribeUsage(principal: Principal | null, filter: UsageFilterInput | null | undefined, windowSeconds: number): Promise<LatestValueSlot<LiveUsageType>> {
    const caller = requirePermission(principal, 'read');
    if (!Number.isInteger(windowSeconds) || windowSeconds < MIN_WINDOW_SECONDS || windowSeconds > MAX_WINDOW_SECONDS) {
      throw badInput('windowSeconds', `must be a whole number of seconds between ${MIN_WINDOW_SECONDS} and ${MAX_WINDOW_SECONDS} (24 hours)`);
    }
    const query = await this.resolve(caller, filter);
    // Listen before reading the window, so no batch committed after the read goes unannounced.
    await this.listener.want();
    return this.views.subscribe(query, windowSeconds);
  }

  /** usageEvents: the live tail of events matching the filter, newest kept when a client lags. */
  async subscribeEvents(principal: Principal | null, filter: UsageFilterInput | null | undefined): Promise<DropOldestQueue<UsageEventType>> {
    const caller = requirePermission(principal, 'read');
    const query = await this.resolve(caller, filter);
    await this.listener.want();
    return this.tail.subscribe(query);
  }

  /** reportRunUpdated: runs of the caller's organization tree, optionally of one schedule. */
  async subscribeReportRuns(principal: Principal | null, scheduleId: string | null | undefined): Promise<DropOldestQueue<ReportRunUpdated>> {
    const caller = requirePermission(principal, 'read');
    await this.listener.want();
    return this.reportRuns.subscribe(scopeOf(caller), (m) => scheduleId == null || m.scheduleId === String(scheduleId));
  }

  /** A report run changed status: reaches its subscribers on every instance. */
  async publishReportRunUpdated(message: ReportRunUpdated): Promise<void> {
    this.reportRuns.deliver(message);
    await this.publisher.notify(encodeNotice({ kind: 'topic', origin: this.instanceId, topic: REPORT_RUN_TOPIC, payload: { ...message } }));
  }

  /**
   * The reports module publishes run updates on the process's pub/sub topic; this forwards each
   * to local subscribers and, over NOTIFY, to the other instances (whose scheduler may not be the
   * one that sent the report).
   */
  bridgeReportRuns(pubSub: { subscribe(topic: string): AsyncIterable<unknown> & { return?(): unknown } }): void {
    const updates = pubSub.subscribe(REPORT_RUN_TOPIC);
    this.bridges.push(() => void updates.return?.());
    void (async () => {
      for await (const message of updates) {
        await this.publishReportRunUpdated(message as ReportRunUpdated).catch((err) => this.log.warn({ err }, 'live: forwarding a report run update failed'));
      }
    })();
  }

  /** The graphql-ws adapter registers its connections here, for stats and re-checks. */
  trackConnections(connections: { count: number; recheck(): Promise<void> }): void {
    this.connections = connections;
  }

  /** Closes connections whose credentials stopped working now, instead of at the next minute. */
  async recheckConnections(): Promise<void> {
    await this.connections?.recheck();
  }

  /**
   * The analytics filter validation and scoping (`buildQuery`, as `resolveFilter` does), with the
   * tenant's organizations cached briefly: a dashboard reconnecting thousands of tabs at once
   * should not read the organization table once per subscription.
   */
  private async resolve(caller: Principal, filter: UsageFilterInput | null | undefined): Promise<UsageQuery> {
    const scope = scopeOf(caller);
    const load = (fresh: boolean) => {
      let cached = this.orgs.get(scope.tenantId);
      if (fresh || !cached || performance.now() - cached.at > ORGS_CACHE_MS) {
        cached = { at: performance.now(), rows: loadOrganizations(this.pool, scope.tenantId) };
        this.orgs.set(scope.tenantId, cached);
        cached.rows.catch(() => this.orgs.delete(scope.tenantId));
      }
      return cached.rows;
    };
    try {
      return buildQuery(scope, filter ?? {}, this.clock.now(), await load(false));
    } catch (err) {
      // A sub-account created since the cache was filled: look again before refusing.
      if (!(err instanceof DomainError) || err.details?.field !== 'filter.subAccountIds') throw err;
      return buildQuery(scope, filter ?? {}, this.clock.now(), await load(true));
    }
  }

  private wantsTenant(tenantId: number): boolean {
    return this.views.hasTenant(tenantId) || this.tail.hasTenant(tenantId);
  }

  private onNotification(payload: string | undefined): void {
    const notice = decodeNotice(payload);
    if (!notice || notice.origin === this.instanceId || this.stopped) return;
    this.noticesReceived++;
    if (notice.kind === 'topic') {
      if (notice.topic === REPORT_RUN_TOPIC) this.reportRuns.deliver(notice.payload as unknown as ReportRunUpdated);
      return;
    }
    if (!this.wantsTenant(notice.tenantId)) return;
    this.fetchQueue.push(notice);
    this.pumpFetches();
  }

  /** Fetches announced batches, a few at a time, so live views never crowd out ingestion. */
  private pumpFetches(): void {
    while (this.fetchesInFlight < this.options.fetchConcurrency && this.fetchQueue.length) {
      const notice = this.fetchQueue.shift()!;
      if (!this.wantsTenant(notice.tenantId)) continue;
      this.fetchesInFlight++;
      fetchBatchRows(this.pool, notice)
        .then((batches) => {
          this.batchesFetched += batches.length;
          return this.deliver(batches);
        })
        .catch((err) => {
          this.log.warn({ err, tenantId: notice.tenantId }, 'live: fetching announced batches failed; re-reading live windows');
          this.views.reloadAll(notice.tenantId);
        })
        .finally(() => {
          this.fetchesInFlight--;
          this.pumpFetches();
        });
    }
  }

  private async deliver(batches: RowBatch[]): Promise<void> {
    if (this.stopped) return;
    this.views.onBatches(batches);
    const tailed = batches.filter((b) => this.tail.hasTenant(b.tenantId));
    if (!tailed.length) return;
    for (const b of tailed) await this.ensureOrgNames(b.tenantId, b.rows);
    const payloads = new Map<EventRow, UsageEventType>();
    this.tail.deliver(tailed, (row) => {
      let p = payloads.get(row);
      if (!p) payloads.set(row, (p = UsageEventType.from(row, this.orgNames.get(row.tenant_id)?.get(row.org_id) ?? null)));
      return p;
    });
  }

  /** Sub-account external ids never change; a new sub-account triggers one reload. */
  private async ensureOrgNames(tenantId: number, rows: EventRow[]): Promise<void> {
    const known = this.orgNames.get(tenantId);
    if (known && rows.every((r) => known.has(r.org_id))) return;
    const orgs = await loadOrganizations(this.pool, tenantId);
    this.orgNames.set(tenantId, new Map(orgs.map((o) => [o.id, o.parent_id === null ? null : o.external_id])));
  }

  private idleCheck(): void {
    if (this.views.stats.subscribers === 0 && this.tail.stats.subscribers === 0 && this.reportRuns.size === 0) this.listener.unwant();
  }

  stats(): LiveStats {
    return {
      connections: this.connections?.count ?? 0,
      listener: this.listener.state,
      listenerReconnects: this.listener.reconnects,
      usageSubscribers: this.views.stats.subscribers,
      usageViews: this.views.stats.views,
      eventSubscribers: this.tail.stats.subscribers,
      eventGroups: this.tail.stats.groups,
      topicSubscribers: this.reportRuns.size,
      batchesAnnounced: this.publisher.announced,
      noticesReceived: this.noticesReceived,
      batchesFetched: this.batchesFetched,
      viewReads: this.views.reads,
      viewComputations: this.views.computations,
    };
  }

  /** Ends every subscription and closes the LISTEN connection; call before the pool closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const end of this.bridges) end();
    await this.publisher.stop();
    this.views.closeAll();
    this.tail.closeAll();
    this.reportRuns.closeAll();
    await this.listener.stop();
  }
}
