import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { Services } from '../../app/services.js';
import type { Config } from '../../config/index.js';
import type { Pool } from '../../db/pool.js';
import { createMailer, type Mailer } from '../../emails/mailer.js';
import type { Clock } from '../../shared/clock.js';
import { notFound } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { can, requirePermission, scopeOf, type Principal } from '../accounts/access.js';
import { periodEndingBefore } from './periods.js';
import { ReportBuilder, type RenderedReport } from './report-builder.js';
import { ReportRunner } from './report-runner.js';
import { ReportSchedule } from './report-schedule.entity.js';
import { RenderedReportType, ReportRunType, ReportScheduleType } from './reports.types.js';
import type { RunRow } from './runs.store.js';
import { ReportSchedulesService } from './schedules.service.js';
import type { ReportRunUpdatedMessage } from './topics.js';

/** What the reports module needs from the scheduler (jobs/): implemented with Agenda. */
export interface ReportJobs {
  /** Creates, reschedules, pauses or removes the schedule's repeating job. */
  syncSchedule(schedule: ReportSchedule): Promise<void>;
  /** One more attempt at a run after `delayMs`. */
  scheduleRetry(runId: number, delayMs: number): Promise<void>;
}

/** Wired by the composition root once the schema and the HTTP address exist. */
export interface ReportsRuntime {
  services: Services;
  schema: GraphQLSchema;
  /** The dashboard's address, for links in reports. */
  baseUrl: string;
  publish(message: ReportRunUpdatedMessage): void;
}

/**
 * The reports module's entry point for resolvers and jobs: schedules (CRUD), previews, "send
 * now", run history, and the runner that sends scheduled reports exactly once per period.
 */
export class ReportsService {
  readonly schedules: ReportSchedulesService;
  readonly runner: ReportRunner;
  readonly mailer: Mailer | null;
  private runtime: ReportsRuntime | null = null;
  private builder: ReportBuilder | null = null;
  private jobs: ReportJobs | null = null;

  constructor(private readonly deps: { config: Config; pool: Pool; clock: Clock; log: Logger }) {
    this.mailer = createMailer(deps.config.SMTP_URL, deps.config.MAIL_FROM);
    this.schedules = new ReportSchedulesService(deps.clock);
    this.schedules.listener = { scheduleChanged: (s) => this.scheduleChanged(s) };
    this.runner = new ReportRunner({
      pool: deps.pool,
      clock: deps.clock,
      log: deps.log,
      mailer: this.mailer,
      retryDelayMs: deps.config.REPORT_RETRY_DELAY_MS,
      build: (spec, period) => this.reportBuilder().build(spec, period),
      published: (run) => this.publish(run),
      scheduleRetry: async (runId, delayMs) => {
        await this.jobs?.scheduleRetry(runId, delayMs);
      },
    });
  }

  attach(runtime: ReportsRuntime): void {
    this.runtime = runtime;
    this.builder = new ReportBuilder(runtime.services, () => ({ schema: runtime.schema, baseUrl: runtime.baseUrl }));
  }

  /** Set while the scheduler runs; without it schedules still save and "send now" still works. */
  useJobs(jobs: ReportJobs | null): void {
    this.jobs = jobs;
  }

  async listSchedules(em: EntityManager, actor: Principal): Promise<ReportScheduleType[]> {
    return (await this.schedules.list(em, actor)).map((s) => this.scheduleType(s, actor));
  }

  async schedule(em: EntityManager, actor: Principal, id: string): Promise<ReportScheduleType | null> {
    const s = await this.schedules.find(em, actor, id);
    return s ? this.scheduleType(s, actor) : null;
  }

  scheduleType(s: ReportSchedule, viewer: Principal): ReportScheduleType {
    return ReportScheduleType.from(s, { revealSecrets: can(viewer, 'admin'), now: this.deps.clock.now() });
  }

  /** Exactly what a schedule with this input would send now: the latest complete period. */
  async preview(em: EntityManager, actor: Principal, raw: unknown): Promise<RenderedReportType> {
    const { spec, org } = await this.schedules.parse(em, actor, raw);
    const period = periodEndingBefore(spec, this.deps.clock.now());
    const rendered = await this.reportBuilder().build({ ...spec, tenantId: org.rootId, orgId: org.id, organizationName: org.name }, period);
    return renderedType(rendered);
  }

  async sendNow(em: EntityManager, actor: Principal, id: string): Promise<ReportRunType> {
    const schedule = await this.schedules.get(em, actor, id);
    const run = await this.runner.sendNow(schedule.id);
    return (await this.runTypes(em, actor, [run]))[0];
  }

  async runs(em: EntityManager, actor: Principal, scheduleId: string | null | undefined, limit: number): Promise<ReportRunType[]> {
    requirePermission(actor, 'admin');
    const scope = scopeOf(actor);
    let id: number | null = null;
    if (scheduleId != null) {
      const schedule = await this.schedules.find(em, actor, scheduleId, true);
      if (!schedule) throw notFound(`Report schedule "${scheduleId}"`);
      id = schedule.id;
    }
    const rows = await this.runner.store.list({ tenantId: scope.tenantId, orgIds: scope.orgIds, scheduleId: id, limit: Math.min(Math.max(limit, 1), 500) });
    return this.runTypes(em, actor, rows);
  }

  async run(em: EntityManager, actor: Principal, runId: string): Promise<ReportRunType | null> {
    requirePermission(actor, 'admin');
    if (!/^\d{1,15}$/.test(runId)) return null;
    return this.runForSubscriber(em, actor, runId);
  }

  /** One run as a subscriber may see it (null when outside the subscriber's organization tree). */
  async runForSubscriber(em: EntityManager, viewer: Principal, runId: string | number): Promise<ReportRunType | null> {
    requirePermission(viewer, 'read');
    const run = await this.runner.store.get(Number(runId));
    const scope = scopeOf(viewer);
    if (!run || run.tenant_id !== scope.tenantId || (scope.orgIds && !scope.orgIds.includes(run.org_id))) return null;
    return (await this.runTypes(em, viewer, [run]))[0] ?? null;
  }

  /** The report a run sent (or stored), for the run's `report` field. */
  async runContent(runId: number): Promise<RenderedReportType | null> {
    const stored = await this.runner.store.content(runId);
    return stored ? renderedType({ ...stored, period: { from: stored.period_from, to: stored.period_to } }) : null;
  }

  /** Sends what fell due while no scheduler ran, and resumes runs whose retry time came. */
  async catchUp(): Promise<{ dispatched: number; resumed: number }> {
    const { rows } = await this.deps.pool.query<{ id: number }>(`select id from report_schedule where enabled and deleted_at is null order by id`);
    const limit = this.deps.config.REPORT_CONCURRENCY;
    const dispatched = await forEachLimited(rows, limit, ({ id }) => this.runner.dispatchDue(id).catch((err) => this.logFailure(err, { scheduleId: id })));
    const due = await this.runner.store.due(this.deps.clock.now());
    const resumed = await forEachLimited(due, limit, (runId) => this.runner.attempt(runId, true).catch((err) => this.logFailure(err, { runId })));
    return { dispatched, resumed };
  }

  private logFailure(err: unknown, ids: Record<string, number>): null {
    this.deps.log.error({ err, ...ids }, 'report dispatch failed');
    return null;
  }

  private async scheduleChanged(schedule: ReportSchedule): Promise<void> {
    if (schedule.deletedAt || !schedule.enabled) {
      const reason = schedule.deletedAt ? 'The schedule was deleted before the report was sent.' : 'The schedule was disabled before the report was sent.';
      const cancelled = await this.runner.store.cancelOpenRuns(schedule.id, reason, this.deps.clock.now(), !schedule.deletedAt);
      for (const run of cancelled) this.publish(run);
    }
    await this.jobs?.syncSchedule(schedule);
  }

  private async runTypes(em: EntityManager, viewer: Principal, runs: RunRow[]): Promise<ReportRunType[]> {
    if (runs.length === 0) return [];
    const schedules = await em.find(ReportSchedule, { id: { $in: [...new Set(runs.map((r) => r.schedule_id))] } });
    const byId = new Map(schedules.map((s) => [s.id, this.scheduleType(s, viewer)]));
    const deliveries = await this.runner.store.deliveries(runs.map((r) => r.id));
    return runs.map((r) =>
      ReportRunType.from(
        r,
        byId.get(r.schedule_id)!,
        deliveries.filter((d) => d.run_id === r.id),
      ),
    );
  }

  private publish(run: RunRow): void {
    this.runtime?.publish({ tenantId: run.tenant_id, orgId: run.org_id, scheduleId: String(run.schedule_id), runId: String(run.id), status: run.status });
  }

  private reportBuilder(): ReportBuilder {
    if (!this.builder) throw new Error('The reports module is not attached to a schema yet.');
    return this.builder;
  }
}

/** Runs `fn` over items, at most `limit` at a time; counts the truthy results. */
async function forEachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<number> {
  let next = 0;
  let count = 0;
  const worker = async () => {
    while (next < items.length) if (await fn(items[next++])) count++;
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return count;
}

function renderedType(r: RenderedReport): RenderedReportType {
  return Object.assign(new RenderedReportType(), { subject: r.subject, html: r.html, text: r.text, slack: r.slack, periodFrom: r.period.from, periodTo: r.period.to });
}
