import type { DimensionName } from '../../analytics/index.js';
import type { BudgetPeriod } from './periods.js';
import type { AlertMetric, RuleSpec } from './rule.validation.js';
import type { Db } from './sql.js';

/** An alert rule as stored. `revision` grows with every change that matters to evaluation. */
export interface RuleRow extends RuleSpec {
  id: number;
  tenantId: number;
  orgId: number;
  revision: number;
  evaluatedMinute: Date | null;
  evaluatedAt: Date | null;
  lastError: string | null;
  createdById: number | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

const COLUMNS = `id, tenant_id as "tenantId", org_id as "orgId", name, metric, window_minutes as "windowMinutes",
  budget_period as "budgetPeriod", threshold, thresholds, filter, group_by as "groupBy", group_property_key as "groupByPropertyKey",
  min_requests as "minRequests", forecast, email_recipients as "emailRecipients", slack_webhook_urls as "slackWebhookUrls",
  enabled, revision, evaluated_minute as "evaluatedMinute", evaluated_at as "evaluatedAt", last_error as "lastError",
  created_by_id as "createdById", created_at as "createdAt", updated_at as "updatedAt", deleted_at as "deletedAt"`;

type Raw = Omit<RuleRow, 'metric' | 'budgetPeriod' | 'groupBy'> & { metric: string; budgetPeriod: string | null; groupBy: string | null };
const row = (r: Raw): RuleRow => ({ ...r, metric: r.metric as AlertMetric, budgetPeriod: r.budgetPeriod as BudgetPeriod | null, groupBy: r.groupBy as DimensionName | null });

const specValues = (s: RuleSpec) => [
  s.name, s.metric, s.windowMinutes, s.budgetPeriod, s.threshold, s.thresholds, JSON.stringify(s.filter), s.groupBy, s.groupByPropertyKey,
  s.minRequests, s.forecast, s.emailRecipients, s.slackWebhookUrls, s.enabled,
];

/** SQL of alert rules. Scoping (which rules a caller may see) is the caller's job: pass `orgIds`. */
export const rulesStore = {
  async insert(db: Db, owner: { tenantId: number; orgId: number; createdById: number | null }, spec: RuleSpec, now: Date): Promise<RuleRow> {
    const { rows } = await db.query<Raw>({
      name: 'alert-rule-insert',
      text: `insert into alert_rule (name, metric, window_minutes, budget_period, threshold, thresholds, filter, group_by, group_property_key,
                                     min_requests, forecast, email_recipients, slack_webhook_urls, enabled, tenant_id, org_id, created_by_id, created_at, updated_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18) returning ${COLUMNS}`,
      values: [...specValues(spec), owner.tenantId, owner.orgId, owner.createdById, now],
    });
    return row(rows[0]);
  },

  /** Replaces the rule's settings; `bumpRevision` when evaluation must start afresh. */
  async update(db: Db, id: number, spec: RuleSpec, bumpRevision: boolean, now: Date): Promise<RuleRow> {
    const { rows } = await db.query<Raw>({
      name: 'alert-rule-update',
      text: `update alert_rule set name = $1, metric = $2, window_minutes = $3, budget_period = $4, threshold = $5, thresholds = $6, filter = $7,
                    group_by = $8, group_property_key = $9, min_requests = $10, forecast = $11, email_recipients = $12, slack_webhook_urls = $13,
                    enabled = $14, updated_at = $16, revision = revision + case when $17 then 1 else 0 end,
                    last_error = case when $17 then null else last_error end
              where id = $15 returning ${COLUMNS}`,
      values: [...specValues(spec), id, now, bumpRevision],
    });
    return row(rows[0]);
  },

  async softDelete(db: Db, id: number, now: Date): Promise<void> {
    await db.query({ name: 'alert-rule-delete', text: `update alert_rule set deleted_at = $2, updated_at = $2, revision = revision + 1 where id = $1`, values: [id, now] });
  },

  /** One rule, locked against concurrent changes until the transaction ends (`forUpdate`). */
  async get(db: Db, id: number, forUpdate = false): Promise<RuleRow | null> {
    const { rows } = await db.query<Raw>({ text: `select ${COLUMNS} from alert_rule where id = $1${forUpdate ? ' for update' : ''}`, values: [id] });
    return rows[0] ? row(rows[0]) : null;
  },

  async list(db: Db, scope: { tenantId: number; orgIds: number[] | null }, includeDeleted = false): Promise<RuleRow[]> {
    const { rows } = await db.query<Raw>({
      name: `alert-rule-list${includeDeleted ? '-all' : ''}`,
      text: `select ${COLUMNS} from alert_rule where tenant_id = $1 and ($2::int[] is null or org_id = any($2))${includeDeleted ? '' : ' and deleted_at is null'} order by name, id`,
      values: [scope.tenantId, scope.orgIds],
    });
    return rows.map(row);
  },

  async byIds(db: Db, ids: number[]): Promise<RuleRow[]> {
    if (ids.length === 0) return [];
    const { rows } = await db.query<Raw>({ name: 'alert-rule-by-ids', text: `select ${COLUMNS} from alert_rule where id = any($1::int[])`, values: [ids] });
    return rows.map(row);
  },

  /**
   * Claims the rules due for the minute: each enabled rule is handed to exactly one caller per
   * minute, whichever instance gets there first (a row lock plus the condition re-checked after it).
   */
  async claimDue(db: Db, minute: Date, now: Date, limit = 10_000): Promise<RuleRow[]> {
    const { rows } = await db.query<Raw>({
      name: 'alert-rule-claim',
      text: `update alert_rule set evaluated_minute = $1, evaluated_at = $2
              where id in (select id from alert_rule
                            where enabled and deleted_at is null and (evaluated_minute is null or evaluated_minute < $1)
                            order by id limit $3 for update skip locked)
                and (evaluated_minute is null or evaluated_minute < $1)
             returning ${COLUMNS}`,
      values: [minute, now, limit],
    });
    return rows.map(row).sort((a, b) => a.id - b.id);
  },

  async setError(db: Db, id: number, revision: number, error: string | null): Promise<void> {
    await db.query({ name: 'alert-rule-error', text: `update alert_rule set last_error = $3 where id = $1 and revision = $2 and last_error is distinct from $3`, values: [id, revision, error] });
  },
};
