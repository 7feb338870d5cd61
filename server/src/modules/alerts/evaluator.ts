import { loadOrganizations } from '../../analytics/index.js';
import type { Pool } from '../../db/pool.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { AlertFeed } from './alert-feed.js';
import { eventsStore, type EventRow } from './events.store.js';
import { computeForecast, type BudgetForecast } from './forecasts.js';
import { measureRule, ruleTimezone, type OrgRow } from './measure.js';
import type { NotificationSnapshot, TransitionSnapshot } from './message/snapshot.js';
import { notificationsStore, type DeliveryChannel } from './notifications.store.js';
import { evaluationMinute } from './periods.js';
import { additiveMetrics } from './rule.validation.js';
import { rulesStore, type RuleRow } from './rules.store.js';
import { inTransaction } from './sql.js';
import { forecastTransitions, thresholdTransitions, type Measurement, type Transitions } from './transitions.js';

/** A forecast alert waits until this share of the period is behind it: early paces are noise. */
export const FORECAST_MIN_ELAPSED = 0.1;

export interface EvaluatorHooks {
  /** Called between reading a rule's values and writing its transitions (tests pause here). */
  afterMeasure?(rule: RuleRow): Promise<void>;
}

export interface RuleOutcome {
  ruleId: number;
  fired: EventRow[];
  resolved: EventRow[];
  /** Why nothing was written: the rule changed, was disabled or deleted meanwhile, or its filter failed. */
  skipped?: 'changed' | 'error';
  notificationId?: number;
}

export interface PassResult {
  minute: Date;
  rules: number;
  fired: number;
  resolved: number;
  errors: number;
  ms: number;
}

/**
 * One evaluation pass: claims the rules due this minute (each rule is claimed by one instance per
 * minute), reads each rule's values through the analytics engine outside any transaction, then
 * records the transitions in one short transaction per rule that first locks the rule row and
 * checks it is still the same revision, enabled and not deleted. Events, the notification and its
 * deliveries, and the subscription messages commit together or not at all; the unique indexes on
 * events make a second writer a no-op even without the claim.
 */
export class AlertEvaluator {
  hooks: EvaluatorHooks = {};

  constructor(
    private readonly deps: { pool: Pool; clock: Clock; log: Logger; feed: AlertFeed; concurrency: number },
  ) {}

  async runOnce(): Promise<PassResult> {
    const started = performance.now();
    const now = this.deps.clock.now();
    const minute = evaluationMinute(now);
    const rules = await rulesStore.claimDue(this.deps.pool, minute, now);
    const result: PassResult = { minute, rules: rules.length, fired: 0, resolved: 0, errors: 0, ms: 0 };
    const orgs = orgCache(this.deps.pool);
    await forEachLimited(rules, this.deps.concurrency, async (rule) => {
      const outcome = await this.evaluate(rule, minute, await orgs(rule.tenantId)).catch((err): RuleOutcome => {
        // A database hiccup on one rule must not stop the others; the rule is due again next minute.
        this.deps.log.error({ err, ruleId: rule.id }, 'recording alert transitions failed');
        return { ruleId: rule.id, fired: [], resolved: [], skipped: 'error' };
      });
      result.fired += outcome.fired.length;
      result.resolved += outcome.resolved.length;
      if (outcome.skipped === 'error') result.errors++;
    });
    result.ms = performance.now() - started;
    return result;
  }

  /** Evaluates one rule at one minute (no claim: the write is idempotent by itself). */
  async evaluate(rule: RuleRow, minute: Date, orgs: OrgRow[]): Promise<RuleOutcome> {
    const { pool, log } = this.deps;
    let measured: Measurement;
    let forecast: BudgetForecast | null = null;
    try {
      measured = await measureRule(pool, rule, orgs, minute);
      if (rule.forecast && rule.budgetPeriod) forecast = await computeForecast(pool, rule, orgs, minute, measured.entities.get('')?.value ?? 0);
    } catch (err) {
      // A filter that no longer holds (a sub-account was removed) is the admin's to fix: say so on the rule.
      const message = err instanceof DomainError ? err.message : 'Evaluating this rule failed; see the server log.';
      if (!(err instanceof DomainError)) log.error({ err, ruleId: rule.id }, 'alert rule evaluation failed');
      await rulesStore.setError(pool, rule.id, rule.revision, message.slice(0, 500));
      return { ruleId: rule.id, fired: [], resolved: [], skipped: 'error' };
    }
    await this.hooks.afterMeasure?.(rule);
    return inTransaction(pool, async (tx) => {
      const current = await rulesStore.get(tx, rule.id, true);
      if (!current || current.deletedAt || !current.enabled || current.revision !== rule.revision) return { ruleId: rule.id, fired: [], resolved: [], skipped: 'changed' as const };
      const open = await eventsStore.open(tx, rule.id);
      const budget = !!rule.budgetPeriod;
      const firedThisPeriod = budget ? await eventsStore.firedInPeriod(tx, rule.id, measured.span.from) : new Set<string>();
      const levels = { threshold: rule.threshold, thresholds: rule.thresholds, minRequests: rule.minRequests, budget, additive: additiveMetrics.includes(rule.metric) };
      const changes: Transitions[] = [thresholdTransitions(levels, measured, open, firedThisPeriod, minute)];
      if (forecast) changes.push(forecastTransitions({ ...forecast, settled: forecast.elapsed >= FORECAST_MIN_ELAPSED }, measured.span, open, firedThisPeriod, minute));

      const resolved: EventRow[] = [];
      const notifiable: TransitionSnapshot[] = [];
      for (const r of changes.flatMap((c) => c.resolve)) {
        const e = await eventsStore.resolve(tx, r.id, r.resolution, r.value, r.at);
        if (!e) continue;
        resolved.push(e);
        if (r.resolution === 'VALUE') notifiable.push(snapshotOf(e, 'RESOLVED'));
      }
      const fired = await eventsStore.insert(tx, current, changes.flatMap((c) => c.fire), minute);
      notifiable.push(...fired.map((e) => snapshotOf(e, 'FIRED')));
      await eventsStore.touch(tx, changes.flatMap((c) => c.touch));
      if (current.lastError) await rulesStore.setError(tx, rule.id, rule.revision, null);

      let notificationId: number | undefined;
      if (notifiable.length) {
        const snapshot: NotificationSnapshot = {
          rule: { id: rule.id, name: current.name, metric: rule.metric, windowMinutes: rule.windowMinutes, budgetPeriod: rule.budgetPeriod, threshold: rule.threshold, groupBy: rule.groupBy, timezone: ruleTimezone(rule, orgs) },
          organizationName: orgs.find((o) => o.id === rule.orgId)?.name ?? '',
          at: minute.toISOString(),
          transitions: notifiable,
        };
        notificationId = await notificationsStore.create(tx, current, snapshot, targetsOf(current), this.deps.clock.now());
      }
      for (const e of [...fired, ...resolved]) {
        await this.deps.feed.notify(tx, { tenantId: e.tenantId, orgId: e.orgId, ruleId: String(e.ruleId), eventId: String(e.id), status: e.status });
      }
      return { ruleId: rule.id, fired, resolved, notificationId };
    });
  }
}

function snapshotOf(e: EventRow, change: 'FIRED' | 'RESOLVED'): TransitionSnapshot {
  return {
    eventId: e.id,
    kind: e.kind,
    change,
    entityKey: e.entityKey,
    entityLabel: e.entityLabel,
    value: change === 'FIRED' ? e.value : e.resolvedValue,
    threshold: e.threshold,
    fraction: e.fraction,
    periodFrom: e.periodFrom.toISOString(),
    periodTo: e.periodTo?.toISOString() ?? null,
    projectedCrossingAt: e.projectedCrossingAt?.toISOString() ?? null,
  };
}

function targetsOf(rule: RuleRow): { channel: DeliveryChannel; target: string }[] {
  return [...rule.emailRecipients.map((target) => ({ channel: 'EMAIL' as const, target })), ...rule.slackWebhookUrls.map((target) => ({ channel: 'SLACK' as const, target }))];
}

/** Organizations per tenant, read once per pass. */
export function orgCache(pool: Pool): (tenantId: number) => Promise<OrgRow[]> {
  const cache = new Map<number, Promise<OrgRow[]>>();
  return (tenantId) => {
    let p = cache.get(tenantId);
    if (!p) cache.set(tenantId, (p = loadOrganizations(pool, tenantId)));
    return p;
  };
}

async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
