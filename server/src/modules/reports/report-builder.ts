import type { GraphQLSchema } from 'graphql';
import type { Services } from '../../app/services.js';
import { renderReport, type RenderedMessage } from '../../emails/report.js';
import { executeOperation, loadOperations, reportPrincipal } from './in-process-graphql.js';
import { previousPeriod, type Period, type Timing } from './periods.js';
import { toReportModel } from './report-content.js';
import type { ReportUsageData } from './report-data.js';

/** Everything a report is built from: a saved schedule, or a schedule input being previewed. */
export interface ReportSpec extends Timing {
  tenantId: number;
  orgId: number;
  organizationName: string;
  name: string;
  filter: Record<string, unknown>;
  sections: readonly string[] | null;
}

export interface RenderedReport extends RenderedMessage {
  period: Period;
}

/**
 * Builds a report: executes the shared ReportUsage operation in-process for the period and the
 * one before (as an admin of the schedule's organization), turns the answer into a ReportModel and
 * renders it. No SQL here: the figures are the dashboard's.
 */
export class ReportBuilder {
  private readonly document = loadOperations('report.graphql');
  /**
   * Schedules of one organization with the same filter and period share one answer for a minute:
   * a burst of reports due at the same time runs each distinct query once, not once per schedule.
   * Periods are in the past, so a minute-old answer differs at most by events ingested late.
   */
  private readonly recent = new RecentAnswers<ReportUsageData>(60_000);

  constructor(
    private readonly services: Services,
    private readonly runtime: () => { schema: GraphQLSchema; baseUrl: string },
  ) {}

  async build(spec: ReportSpec, period: Period): Promise<RenderedReport> {
    const { schema, baseUrl } = this.runtime();
    const previous = previousPeriod(spec, period);
    const filterFor = (p: Period) => ({ ...spec.filter, timeframe: 'CUSTOM', from: p.from.toISOString(), to: p.to.toISOString(), timezone: spec.timezone });
    const variables = { filter: filterFor(period), previousFilter: filterFor(previous) };
    const data = await this.recent.get(JSON.stringify([spec.tenantId, spec.orgId, variables]), () =>
      executeOperation<ReportUsageData>({ schema, services: this.services }, this.document, 'ReportUsage', variables, reportPrincipal(spec)),
    );
    const model = toReportModel(data, {
      title: spec.name,
      organizationName: spec.organizationName,
      timing: spec,
      filter: spec.filter,
      sections: spec.sections,
      period,
      previousPeriod: previous,
      baseUrl,
    });
    return { ...(await renderReport(model)), period };
  }
}

/** Memoizes promises by key for `ttlMs` (failures are forgotten at once); in-flight calls are shared. */
class RecentAnswers<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  constructor(private readonly ttlMs: number) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    for (const [k, e] of this.entries) if (now - e.at > this.ttlMs) this.entries.delete(k);
    const hit = this.entries.get(key);
    if (hit) return hit.value;
    const value = load();
    this.entries.set(key, { at: now, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
}
