import { loadOrganizations } from '../../analytics/index.js';
import type { Pool } from '../../db/pool.js';
import type { Mailer } from '../../emails/mailer.js';
import type { PubSub } from '../../graphql/schema.js';
import type { Clock } from '../../shared/clock.js';
import { notFound } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { requirePermission, scopeOf, type Principal } from '../accounts/access.js';
import { AlertFeed, type AlertFiredMessage } from './alert-feed.js';
import { AlertDeliverer, defaultDeliveryOptions, type DeliveryOptions, type DeliveryStats } from './delivery.js';
import { AlertEvaluator, type PassResult } from './evaluator.js';
import { eventsStore, type AlertEventStatus, type EventRow } from './events.store.js';
import { computeForecast, type BudgetForecast } from './forecasts.js';
import { notificationsStore, type DeliveryRow } from './notifications.store.js';
import { AlertRulesService } from './rules.service.js';
import { rulesStore, type RuleRow } from './rules.store.js';

export interface AlertsDeps {
  pool: Pool;
  clock: Clock;
  log: Logger;
  /** The reports module's mailer: alerts go out through the same SMTP relay. */
  mailer(): Mailer | null;
  delivery?: Partial<DeliveryOptions>;
  /** Rules evaluated at the same time in one pass. */
  concurrency?: number;
}

/**
 * The alerts module's entry point for resolvers, the Agenda job and the server: rules (CRUD),
 * events, forecasts, the evaluation pass and the delivery of notifications. See README.md.
 */
export class AlertsService {
  readonly rules: AlertRulesService;
  readonly evaluator: AlertEvaluator;
  readonly deliverer: AlertDeliverer;
  readonly feed: AlertFeed;
  private dashboardUrl = 'http://localhost:4000/alerts';

  constructor(private readonly deps: AlertsDeps) {
    this.rules = new AlertRulesService(deps.pool, deps.clock);
    this.feed = new AlertFeed(deps.pool.options.connectionString!, deps.log);
    this.evaluator = new AlertEvaluator({ pool: deps.pool, clock: deps.clock, log: deps.log, feed: this.feed, concurrency: deps.concurrency ?? 4 });
    this.deliverer = new AlertDeliverer({
      pool: deps.pool,
      clock: deps.clock,
      log: deps.log,
      mailer: deps.mailer,
      dashboardUrl: () => this.dashboardUrl,
      options: { ...defaultDeliveryOptions, ...deps.delivery },
    });
  }

  /** Wired by the composition root once the server listens. */
  attach(runtime: { pubSub: PubSub; baseUrl: string }): void {
    this.feed.attach(runtime.pubSub);
    this.dashboardUrl = `${runtime.baseUrl.replace(/\/$/, '')}/alerts`;
  }

  /** The every-minute job: evaluate the rules due this minute, then send what is due (new and retries). */
  async tick(): Promise<{ pass: PassResult; delivery: DeliveryStats }> {
    const pass = await this.evaluator.runOnce();
    const delivery = await this.deliverer.deliverDue();
    if (pass.fired || pass.resolved || pass.errors || delivery.sent || delivery.failed) this.deps.log.info({ pass, delivery }, 'alerts evaluated');
    return { pass, delivery };
  }

  async events(actor: Principal, q: { ruleId?: string | null; status?: AlertEventStatus | null; limit: number }): Promise<EventRow[]> {
    requirePermission(actor, 'read');
    const scope = scopeOf(actor);
    let ruleId: number | null = null;
    if (q.ruleId != null) {
      const rule = await this.rules.find(actor, q.ruleId, true);
      if (!rule) throw notFound(`Alert rule "${q.ruleId}"`);
      ruleId = rule.id;
    }
    return eventsStore.list(this.deps.pool, { tenantId: scope.tenantId, orgIds: scope.orgIds, ruleId, status: q.status ?? null, limit: Math.min(Math.max(q.limit, 1), 500) });
  }

  /** One event for an `alertFired` subscriber (already scoped by the feed), or null if it vanished. */
  async eventForSubscriber(actor: Principal | null, message: AlertFiredMessage): Promise<EventRow | null> {
    const viewer = requirePermission(actor, 'read');
    const e = await eventsStore.get(this.deps.pool, Number(message.eventId));
    const scope = scopeOf(viewer);
    if (!e || e.tenantId !== scope.tenantId || (scope.orgIds && !scope.orgIds.includes(e.orgId))) return null;
    return e;
  }

  async subscribe(actor: Principal | null, opts: { ruleId?: string | null; includeResolved?: boolean | null }): Promise<AsyncIterable<AlertFiredMessage>> {
    const viewer = requirePermission(actor, 'read');
    return this.feed.subscribe(scopeOf(viewer), (m) => (opts.ruleId == null || m.ruleId === String(opts.ruleId)) && (m.status === 'FIRING' || !!opts.includeResolved));
  }

  /** The rules of events (deleted ones included), for the `rule` field, in one query. */
  async rulesOf(ids: number[]): Promise<Map<number, RuleRow>> {
    return new Map((await rulesStore.byIds(this.deps.pool, [...new Set(ids)])).map((r) => [r.id, r]));
  }

  async deliveriesOf(eventIds: number[]): Promise<(DeliveryRow & { eventId: number; change: 'FIRED' | 'RESOLVED' })[]> {
    return notificationsStore.deliveriesOfEvents(this.deps.pool, eventIds);
  }

  /** Each COST budget in view (without groupBy): spend so far, projection, crossing. */
  async forecasts(actor: Principal): Promise<(BudgetForecast & { rule: RuleRow; reachedAt: Date | null })[]> {
    const rules = (await this.rules.list(actor)).filter((r) => r.budgetPeriod && r.metric === 'COST' && !r.groupBy);
    if (rules.length === 0) return [];
    const orgs = await loadOrganizations(this.deps.pool, actor.tenantId);
    const now = this.deps.clock.now();
    return Promise.all(
      rules.map(async (rule) => {
        const f = await computeForecast(this.deps.pool, rule, orgs, now);
        const reachedAt = f.spent >= f.budget ? ((await eventsStore.budgetReachedAt(this.deps.pool, rule.id, f.period.from)) ?? now) : null;
        return { ...f, rule, reachedAt };
      }),
    );
  }

  async stop(): Promise<void> {
    await this.feed.stop();
  }
}
