import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ReportScheduleInput } from './reports.inputs.js';
import { RenderedReportType, ReportRunType, ReportScheduleType } from './reports.types.js';

/** Report schedules, runs and previews: admins only. Thin adapters over ReportsService. */
@Resolver(() => ReportRunType)
export class ReportsResolver {
  @Authorized('admin')
  @Query(() => [ReportScheduleType])
  reportSchedules(@Ctx() { em, principal, services }: Context): Promise<ReportScheduleType[]> {
    return services.reports.listSchedules(em, principal!);
  }

  @Authorized('admin')
  @Query(() => ReportScheduleType, { nullable: true })
  reportSchedule(@Arg('id', () => ID) id: string, @Ctx() { em, principal, services }: Context): Promise<ReportScheduleType | null> {
    return services.reports.schedule(em, principal!, id);
  }

  @Authorized('admin')
  @Query(() => [ReportRunType], { description: 'Runs, newest first: of one schedule, or of every schedule in view.' })
  reportRuns(
    @Arg('scheduleId', () => ID, { nullable: true }) scheduleId: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 50, description: 'At most 500.' }) limit: number,
    @Ctx() { em, principal, services }: Context,
  ): Promise<ReportRunType[]> {
    return services.reports.runs(em, principal!, scheduleId, limit);
  }

  @Authorized('admin')
  @Query(() => ReportRunType, { nullable: true, description: 'One run, with the report it sent (`report`).' })
  reportRun(@Arg('id', () => ID) id: string, @Ctx() { em, principal, services }: Context): Promise<ReportRunType | null> {
    return services.reports.run(em, principal!, id);
  }

  @Authorized('admin')
  @Query(() => RenderedReportType, { description: 'Exactly what a schedule with this input would send now (the latest complete period).' })
  reportPreview(@Arg('input', () => ReportScheduleInput) input: ReportScheduleInput, @Ctx() { em, principal, services }: Context): Promise<RenderedReportType> {
    return services.reports.preview(em, principal!, input);
  }

  @Authorized('admin')
  @Mutation(() => ReportScheduleType)
  async createReportSchedule(@Arg('input', () => ReportScheduleInput) input: ReportScheduleInput, @Ctx() { em, principal, services }: Context): Promise<ReportScheduleType> {
    return services.reports.scheduleType(await services.reports.schedules.create(em, principal!, input), principal!);
  }

  @Authorized('admin')
  @Mutation(() => ReportScheduleType)
  async updateReportSchedule(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReportScheduleInput) input: ReportScheduleInput,
    @Ctx() { em, principal, services }: Context,
  ): Promise<ReportScheduleType> {
    return services.reports.scheduleType(await services.reports.schedules.update(em, principal!, id, input), principal!);
  }

  @Authorized('admin')
  @Mutation(() => ReportScheduleType, { description: 'Disabling pauses the schedule; enabling resumes it from now on (nothing missed meanwhile is sent).' })
  async setReportScheduleEnabled(@Arg('id', () => ID) id: string, @Arg('enabled') enabled: boolean, @Ctx() { em, principal, services }: Context): Promise<ReportScheduleType> {
    return services.reports.scheduleType(await services.reports.schedules.setEnabled(em, principal!, id, enabled), principal!);
  }

  @Authorized('admin')
  @Mutation(() => Boolean, { description: 'Removes the schedule and its job; runs not yet sent are cancelled, past runs stay readable.' })
  deleteReportSchedule(@Arg('id', () => ID) id: string, @Ctx() { em, principal, services }: Context): Promise<boolean> {
    return services.reports.schedules.delete(em, principal!, id);
  }

  @Authorized('admin')
  @Mutation(() => ReportRunType, { description: 'Sends the latest complete period now, as a run of its own (it does not replace the scheduled one).' })
  sendReportNow(@Arg('id', () => ID) id: string, @Ctx() { em, principal, services }: Context): Promise<ReportRunType> {
    return services.reports.sendNow(em, principal!, id);
  }

  @FieldResolver(() => RenderedReportType, { nullable: true, description: 'The report as sent (or stored, without SMTP); null before it was rendered.' })
  report(@Root() run: ReportRunType, @Ctx() { services }: Context): Promise<RenderedReportType | null> {
    return services.reports.runContent(run.runId);
  }
}
