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

  constructor(
    private readonly services: Services,
    private readonly runtime: () => { schema: GraphQLSchema; baseUrl: string },
  ) {}

  async build(spec: ReportSpec, period: Period): Promise<RenderedReport> {
    const { schema, baseUrl } = this.runtime();
    const previous = previousPeriod(spec, period);
    const filterFor = (p: Period) => ({ ...spec.filter, timeframe: 'CUSTOM', from: p.from.toISOString(), to: p.to.toISOString(), timezone: spec.timezone });
    const data = await executeOperation<ReportUsageData>(
      { schema, services: this.services },
      this.document,
      'ReportUsage',
      { filter: filterFor(period), previousFilter: filterFor(previous) },
      reportPrincipal(spec),
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
