import { loadOrganizations } from '../../analytics/index.js';
import type { Pool } from '../../db/pool.js';
import type { Clock } from '../../shared/clock.js';
import { notFound } from '../../shared/errors.js';
import { requirePermission, scopeOf, type Principal } from '../accounts/access.js';
import { appendAudit } from '../audit/audit-sql.js';
import { maskWebhookUrl } from '../reports/masking.js';
import { eventsStore, type Resolution } from './events.store.js';
import { ruleQuery, ruleSpan } from './measure.js';
import { notificationsStore } from './notifications.store.js';
import { EVALUATION_FIELDS, parseRuleInput, type RuleSpec } from './rule.validation.js';
import { rulesStore, type RuleRow } from './rules.store.js';
import { inTransaction } from './sql.js';

/**
 * Alert rules: admin-only changes, each in the audit log (webhook URLs masked) in the same
 * transaction as the change, scoped to the caller's organization tree. A change that matters to
 * evaluation (metric, window, threshold, filter…), disabling or deleting resolves the rule's open
 * events without a notification: their state no longer means anything. Deleting also cancels the
 * deliveries still waiting.
 */
export class AlertRulesService {
  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  /** Rules in the caller's view (readers too: webhook URLs are masked for them by the type). */
  async list(actor: Principal): Promise<RuleRow[]> {
    requirePermission(actor, 'read');
    const scope = scopeOf(actor);
    return rulesStore.list(this.pool, scope);
  }

  /** A rule the caller may see, deleted ones included when asked (their events stay readable). */
  async find(actor: Principal, id: string | number, includeDeleted = false): Promise<RuleRow | null> {
    requirePermission(actor, 'read');
    const numeric = Number(id);
    if (!Number.isSafeInteger(numeric)) return null;
    const rule = await rulesStore.get(this.pool, numeric);
    if (!rule || !visible(actor, rule) || (rule.deletedAt && !includeDeleted)) return null;
    return rule;
  }

  async create(actor: Principal, raw: unknown): Promise<RuleRow> {
    requirePermission(actor, 'admin');
    const spec = await this.parse(actor, raw);
    const now = this.clock.now();
    return inTransaction(this.pool, async (tx) => {
      const rule = await rulesStore.insert(tx, { tenantId: actor.tenantId, orgId: actor.orgId, createdById: actor.kind === 'member' ? actor.memberId : null }, spec, now);
      await appendAudit(tx, actor, { action: 'alertRule.create', targetType: 'alertRule', targetId: rule.id, details: auditView(spec) });
      return rule;
    });
  }

  async update(actor: Principal, id: string, raw: unknown): Promise<RuleRow> {
    requirePermission(actor, 'admin');
    const spec = await this.parse(actor, raw);
    const now = this.clock.now();
    return inTransaction(this.pool, async (tx) => {
      const before = await this.lockVisible(tx, actor, id);
      const changed = EVALUATION_FIELDS.some((f) => JSON.stringify(before[f]) !== JSON.stringify(spec[f]));
      const rule = await rulesStore.update(tx, before.id, spec, changed || (before.enabled && !spec.enabled), now);
      const reset: Resolution | null = changed ? 'RULE_CHANGED' : before.enabled && !spec.enabled ? 'RULE_DISABLED' : null;
      const resolved = reset ? await eventsStore.resolveAllOfRule(tx, rule.id, reset, now) : [];
      await appendAudit(tx, actor, { action: 'alertRule.update', targetType: 'alertRule', targetId: rule.id, details: { before: auditView(before), after: auditView(spec), resolvedEvents: resolved.length } });
      return rule;
    });
  }

  async delete(actor: Principal, id: string): Promise<boolean> {
    requirePermission(actor, 'admin');
    const now = this.clock.now();
    return inTransaction(this.pool, async (tx) => {
      // The row lock waits for an evaluation that is writing this rule's transitions right now;
      // any evaluation after this commit sees the rule deleted and writes nothing.
      const rule = await this.lockVisible(tx, actor, id);
      await rulesStore.softDelete(tx, rule.id, now);
      const resolved = await eventsStore.resolveAllOfRule(tx, rule.id, 'RULE_DELETED', now);
      const cancelled = await notificationsStore.cancelForRule(tx, rule.id, 'The alert rule was deleted before this was sent.');
      await appendAudit(tx, actor, { action: 'alertRule.delete', targetType: 'alertRule', targetId: rule.id, details: { name: rule.name, resolvedEvents: resolved.length, cancelledDeliveries: cancelled } });
      return true;
    });
  }

  /** Validates the input and checks its filter resolves for the caller (errors name `filter.<field>`). */
  private async parse(actor: Principal, raw: unknown): Promise<RuleSpec> {
    const spec = parseRuleInput(raw);
    const orgs = await loadOrganizations(this.pool, actor.tenantId);
    const draft = { ...spec, id: 0, tenantId: actor.tenantId, orgId: actor.orgId } as RuleRow;
    const now = this.clock.now();
    // The same scope the evaluator will use: a sub-account admin cannot name another sub-account.
    ruleQuery(draft, orgs, ruleSpan(draft, orgs, now), now);
    return spec;
  }

  private async lockVisible(tx: Parameters<typeof rulesStore.get>[0], actor: Principal, id: string): Promise<RuleRow> {
    const numeric = Number(id);
    const rule = Number.isSafeInteger(numeric) ? await rulesStore.get(tx, numeric, true) : null;
    if (!rule || rule.deletedAt || !visible(actor, rule)) throw notFound(`Alert rule "${id}"`);
    return rule;
  }
}

function visible(actor: Principal, rule: RuleRow): boolean {
  const scope = scopeOf(actor);
  return rule.tenantId === scope.tenantId && (!scope.orgIds || scope.orgIds.includes(rule.orgId));
}

/** A rule as the audit log keeps it: webhook URLs masked (the log is no place for secrets). */
function auditView(s: RuleSpec) {
  return {
    name: s.name,
    metric: s.metric,
    windowMinutes: s.windowMinutes,
    budgetPeriod: s.budgetPeriod,
    threshold: s.threshold,
    thresholds: s.thresholds,
    filter: s.filter,
    groupBy: s.groupBy,
    groupByPropertyKey: s.groupByPropertyKey,
    minRequests: s.minRequests,
    forecast: s.forecast,
    emailRecipients: s.emailRecipients,
    slackWebhookUrls: s.slackWebhookUrls.map(maskWebhookUrl),
    enabled: s.enabled,
  };
}
