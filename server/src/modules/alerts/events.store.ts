import type { Db } from './sql.js';

export type AlertEventKind = 'THRESHOLD' | 'FORECAST';
export type AlertEventStatus = 'FIRING' | 'RESOLVED';
/** Why an event resolved: the value fell back, its budget period ended, or the rule changed. */
export type Resolution = 'VALUE' | 'PERIOD_END' | 'RULE_CHANGED' | 'RULE_DISABLED' | 'RULE_DELETED';

export interface EventRow {
  id: number;
  ruleId: number;
  tenantId: number;
  orgId: number;
  ruleRevision: number;
  kind: AlertEventKind;
  /** '' for a rule without groupBy (the whole scope). */
  entityKey: string;
  entityLabel: string | null;
  /** Index into the rule's thresholds (fractions). */
  level: number;
  fraction: number;
  /** The absolute limit crossed: threshold × fraction (USD, count, fraction or ms). */
  threshold: number;
  /** The value when it fired (for a forecast: the projected spend). */
  value: number;
  /** The value at the latest evaluation while firing. */
  lastValue: number | null;
  resolvedValue: number | null;
  periodFrom: Date;
  periodTo: Date | null;
  status: AlertEventStatus;
  resolution: Resolution | null;
  projectedCrossingAt: Date | null;
  firedAt: Date;
  resolvedAt: Date | null;
}

/** A new event: everything but the ids and state, which the store fills. */
export type NewEvent = Pick<EventRow, 'kind' | 'entityKey' | 'entityLabel' | 'level' | 'fraction' | 'threshold' | 'value' | 'periodFrom' | 'periodTo' | 'projectedCrossingAt'>;

export const EVENT_COLUMNS = `id, rule_id as "ruleId", tenant_id as "tenantId", org_id as "orgId", rule_revision as "ruleRevision", kind,
  entity_key as "entityKey", entity_label as "entityLabel", level, fraction, threshold, value, last_value as "lastValue",
  resolved_value as "resolvedValue", period_from as "periodFrom", period_to as "periodTo", status, resolution,
  projected_crossing_at as "projectedCrossingAt", fired_at as "firedAt", resolved_at as "resolvedAt"`;

/** SQL of alert events. Inserts and resolutions are conditional, so racing writers cannot double them. */
export const eventsStore = {
  async open(db: Db, ruleId: number): Promise<EventRow[]> {
    const { rows } = await db.query<EventRow>({
      name: 'alert-event-open',
      text: `select ${EVENT_COLUMNS} from alert_event where rule_id = $1 and status = 'FIRING' order by id`,
      values: [ruleId],
    });
    return rows;
  },

  /** Keys (`kind|entity|level`) of the events of a budget period, firing or not: each fires once a period. */
  async firedInPeriod(db: Db, ruleId: number, periodFrom: Date): Promise<Set<string>> {
    const { rows } = await db.query<{ k: string }>({
      name: 'alert-event-period-keys',
      text: `select kind || '|' || entity_key || '|' || level as k from alert_event where rule_id = $1 and period_from = $2`,
      values: [ruleId, periodFrom],
    });
    return new Set(rows.map((r) => r.k));
  },

  /** Inserts new FIRING events; an event that exists already (a racing writer) is skipped. */
  async insert(db: Db, rule: { id: number; tenantId: number; orgId: number; revision: number }, events: NewEvent[], at: Date): Promise<EventRow[]> {
    const out: EventRow[] = [];
    for (const e of events) {
      const { rows } = await db.query<EventRow>({
        name: 'alert-event-insert',
        text: `insert into alert_event (rule_id, tenant_id, org_id, rule_revision, kind, entity_key, entity_label, level, fraction, threshold,
                                        value, last_value, period_from, period_to, status, projected_crossing_at, fired_at)
               values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13, 'FIRING', $14, $15)
               on conflict do nothing returning ${EVENT_COLUMNS}`,
        values: [rule.id, rule.tenantId, rule.orgId, rule.revision, e.kind, e.entityKey, e.entityLabel, e.level, e.fraction, e.threshold, e.value, e.periodFrom, e.periodTo, e.projectedCrossingAt, at],
      });
      if (rows[0]) out.push(rows[0]);
    }
    return out;
  },

  /** Resolves one FIRING event; null when it was not firing any more. */
  async resolve(db: Db, id: number, resolution: Resolution, value: number | null, at: Date): Promise<EventRow | null> {
    const { rows } = await db.query<EventRow>({
      name: 'alert-event-resolve',
      text: `update alert_event set status = 'RESOLVED', resolution = $2, resolved_value = $3, last_value = coalesce($3, last_value), resolved_at = $4
              where id = $1 and status = 'FIRING' returning ${EVENT_COLUMNS}`,
      values: [id, resolution, value, at],
    });
    return rows[0] ?? null;
  },

  /** Resolves every open event of a rule (it changed, was disabled or deleted): no notification. */
  async resolveAllOfRule(db: Db, ruleId: number, resolution: Resolution, at: Date): Promise<EventRow[]> {
    const { rows } = await db.query<EventRow>({
      name: 'alert-event-resolve-rule',
      text: `update alert_event set status = 'RESOLVED', resolution = $2, resolved_at = $3 where rule_id = $1 and status = 'FIRING' returning ${EVENT_COLUMNS}`,
      values: [ruleId, resolution, at],
    });
    return rows;
  },

  /** Records the latest value of events still firing (what the dashboard shows as "now at"). */
  async touch(db: Db, updates: { id: number; value: number; projectedCrossingAt?: Date | null }[]): Promise<void> {
    if (updates.length === 0) return;
    await db.query({
      name: 'alert-event-touch',
      text: `update alert_event e set last_value = u.v, projected_crossing_at = coalesce(u.p, e.projected_crossing_at)
               from unnest($1::bigint[], $2::float8[], $3::timestamptz[]) as u(id, v, p)
              where e.id = u.id and e.status = 'FIRING' and (e.last_value is distinct from u.v or u.p is not null)`,
      values: [updates.map((u) => u.id), updates.map((u) => u.value), updates.map((u) => u.projectedCrossingAt ?? null)],
    });
  },

  /** Events of a tenant (optionally some organizations, one rule, one status), newest first. */
  async list(db: Db, q: { tenantId: number; orgIds: number[] | null; ruleId: number | null; status: AlertEventStatus | null; limit: number }): Promise<EventRow[]> {
    const { rows } = await db.query<EventRow>({
      name: 'alert-event-list',
      text: `select ${EVENT_COLUMNS} from alert_event
              where tenant_id = $1 and ($2::int[] is null or org_id = any($2)) and ($3::int is null or rule_id = $3) and ($4::text is null or status = $4)
              order by id desc limit $5`,
      values: [q.tenantId, q.orgIds, q.ruleId, q.status, q.limit],
    });
    return rows;
  },

  async get(db: Db, id: number): Promise<EventRow | null> {
    const { rows } = await db.query<EventRow>({ name: 'alert-event-get', text: `select ${EVENT_COLUMNS} from alert_event where id = $1`, values: [id] });
    return rows[0] ?? null;
  },

  /** The THRESHOLD event at 100% (or more) of a budget period, if it fired: when the budget was reached. */
  async budgetReachedAt(db: Db, ruleId: number, periodFrom: Date): Promise<Date | null> {
    const { rows } = await db.query<{ at: Date | null }>({
      name: 'alert-event-budget-reached',
      text: `select min(fired_at) as at from alert_event where rule_id = $1 and period_from = $2 and kind = 'THRESHOLD' and entity_key = '' and fraction >= 1`,
      values: [ruleId, periodFrom],
    });
    return rows[0]?.at ?? null;
  },
};
