import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { notFound } from '../../shared/errors.js';
import { requirePermission, scopeOf, type Principal } from '../accounts/access.js';
import { audit } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { maskWebhookUrl } from './masking.js';
import { ReportSchedule } from './report-schedule.entity.js';
import { parseScheduleInput, type ScheduleSpec } from './schedule.validation.js';

/** What the scheduler must hear about a schedule change (the jobs layer implements it). */
export interface ScheduleChangeListener {
  scheduleChanged(schedule: ReportSchedule): Promise<void>;
}

const TIMING_FIELDS = ['frequency', 'timezone', 'hour', 'weekday', 'dayOfMonth'] as const;

/**
 * Report schedules: admin-only CRUD, each change in the audit log (webhook URLs masked there
 * too), scoped to the caller's organization tree. After each committed change the listener
 * reschedules, pauses or removes the schedule's job.
 */
export class ReportSchedulesService {
  listener: ScheduleChangeListener | null = null;

  constructor(private readonly clock: Clock) {}

  async list(em: EntityManager, actor: Principal): Promise<ReportSchedule[]> {
    requirePermission(actor, 'admin');
    return em.find(ReportSchedule, { ...this.scopeWhere(actor), deletedAt: null }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  /** A schedule the caller may manage, or null. Deleted schedules are only found with `includeDeleted`. */
  async find(em: EntityManager, actor: Principal, id: string, includeDeleted = false): Promise<ReportSchedule | null> {
    requirePermission(actor, 'admin');
    const numeric = Number(id);
    if (!Number.isSafeInteger(numeric)) return null;
    return em.findOne(ReportSchedule, { id: numeric, ...this.scopeWhere(actor), ...(includeDeleted ? {} : { deletedAt: null }) });
  }

  async get(em: EntityManager, actor: Principal, id: string): Promise<ReportSchedule> {
    const schedule = await this.find(em, actor, id);
    if (!schedule) throw notFound(`Report schedule "${id}"`);
    return schedule;
  }

  /** Validates a schedule input for the caller's organization (defaults filled, as create would). */
  async parse(em: EntityManager, actor: Principal, raw: unknown): Promise<{ spec: ScheduleSpec; org: Organization }> {
    requirePermission(actor, 'admin');
    const org = await em.findOneOrFail(Organization, { id: scopeOf(actor).orgId });
    return { spec: parseScheduleInput(raw, org.timezone), org };
  }

  async create(em: EntityManager, actor: Principal, raw: unknown): Promise<ReportSchedule> {
    const { spec, org } = await this.parse(em, actor, raw);
    const now = this.clock.now();
    const schedule = em.create(ReportSchedule, {
      ...spec,
      tenantId: org.rootId,
      orgId: org.id,
      activeSince: now,
      createdById: actor.kind === 'member' ? actor.memberId : null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    em.persist(schedule);
    await em.flush();
    audit(em, actor, { action: 'reportSchedule.create', targetType: 'reportSchedule', targetId: schedule.id, details: auditView(spec) });
    await em.flush();
    await this.listener?.scheduleChanged(schedule);
    return schedule;
  }

  async update(em: EntityManager, actor: Principal, id: string, raw: unknown): Promise<ReportSchedule> {
    const schedule = await this.get(em, actor, id);
    const { spec } = await this.parse(em, actor, raw);
    const before = auditView(schedule);
    const now = this.clock.now();
    // A new timing (or re-enabling) starts afresh: sends due before now are not caught up.
    const retimed = TIMING_FIELDS.some((f) => schedule[f] !== spec[f]) || (!schedule.enabled && spec.enabled);
    em.assign(schedule, { ...spec, updatedAt: now, ...(retimed ? { activeSince: now } : {}) });
    audit(em, actor, { action: 'reportSchedule.update', targetType: 'reportSchedule', targetId: schedule.id, details: { before, after: auditView(spec) } });
    await em.flush();
    await this.listener?.scheduleChanged(schedule);
    return schedule;
  }

  async setEnabled(em: EntityManager, actor: Principal, id: string, enabled: boolean): Promise<ReportSchedule> {
    const schedule = await this.get(em, actor, id);
    if (schedule.enabled === enabled) return schedule;
    const now = this.clock.now();
    schedule.enabled = enabled;
    schedule.updatedAt = now;
    if (enabled) schedule.activeSince = now;
    audit(em, actor, { action: enabled ? 'reportSchedule.enable' : 'reportSchedule.disable', targetType: 'reportSchedule', targetId: schedule.id, details: { name: schedule.name } });
    await em.flush();
    await this.listener?.scheduleChanged(schedule);
    return schedule;
  }

  async delete(em: EntityManager, actor: Principal, id: string): Promise<boolean> {
    const schedule = await this.get(em, actor, id);
    const now = this.clock.now();
    schedule.deletedAt = now;
    schedule.updatedAt = now;
    audit(em, actor, { action: 'reportSchedule.delete', targetType: 'reportSchedule', targetId: schedule.id, details: { name: schedule.name } });
    await em.flush();
    await this.listener?.scheduleChanged(schedule);
    return true;
  }

  private scopeWhere(actor: Principal) {
    const scope = scopeOf(actor);
    return scope.orgIds ? { tenantId: scope.tenantId, orgId: { $in: scope.orgIds } } : { tenantId: scope.tenantId };
  }
}

/** A schedule as the audit log keeps it: webhook URLs masked (the log is no place for secrets). */
function auditView(s: Omit<ScheduleSpec, 'sections'> & { sections?: string[] | null }) {
  return {
    name: s.name,
    frequency: s.frequency,
    timezone: s.timezone,
    hour: s.hour,
    weekday: s.weekday,
    dayOfMonth: s.dayOfMonth,
    emailRecipients: s.emailRecipients,
    slackWebhookUrls: s.slackWebhookUrls.map(maskWebhookUrl),
    filter: s.filter,
    sections: s.sections ?? null,
    enabled: s.enabled,
  };
}
