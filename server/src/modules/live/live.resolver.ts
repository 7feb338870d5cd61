import { Arg, Authorized, Ctx, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { notFound } from '../../shared/errors.js';
import { ReportRunType } from '../reports/reports.types.js';
import { UsageFilter } from '../usage/usage.inputs.js';
import { DEFAULT_WINDOW_SECONDS } from './live.service.js';
import { LiveUsageType, UsageEventType } from './live.types.js';
import type { ReportRunUpdated } from './topics.js';

interface Subscribe<A> {
  args: A;
  context: Context;
}

/** Thin adapters: the live service validates, scopes and shares the work. */
@Resolver()
export class LiveResolver {
  @Authorized('read')
  @Subscription(() => LiveUsageType, {
    description: 'Usage over a sliding window (60 s to 24 h): a snapshot at once, then a new one whenever the figures change, at most every 2 s.',
    subscribe: ({ args, context }: Subscribe<{ filter?: UsageFilter | null; windowSeconds?: number | null }>) =>
      context.services.live.subscribeUsage(context.principal, args.filter, args.windowSeconds ?? DEFAULT_WINDOW_SECONDS),
  })
  liveUsage(
    @Root() snapshot: LiveUsageType,
    @Arg('filter', () => UsageFilter, { nullable: true, description: 'As for usage; its time range is ignored (the window is the range).' }) _filter: UsageFilter | undefined,
    @Arg('windowSeconds', () => Int, { nullable: true, defaultValue: 300, description: 'Length of the window: 60 to 86400 seconds.' }) _windowSeconds: number | null,
  ): LiveUsageType {
    return snapshot;
  }

  @Authorized('read')
  @Subscription(() => UsageEventType, {
    description: 'The live tail of ingested events matching the filter (its time range is ignored). A client that reads too slowly gets the newest events and `skipped` says how many it missed.',
    subscribe: ({ args, context }: Subscribe<{ filter?: UsageFilter | null }>) => context.services.live.subscribeEvents(context.principal, args.filter),
  })
  usageEvents(
    @Root() { item, skipped }: { item: UsageEventType; skipped: number },
    @Arg('filter', () => UsageFilter, { nullable: true }) _filter: UsageFilter | undefined,
  ): UsageEventType {
    // The payload is shared by every subscriber; only a lagging one gets its own copy.
    return skipped ? Object.assign(new UsageEventType(), item, { skipped }) : item;
  }

  @Authorized('read')
  @Subscription(() => ReportRunType, {
    description: "A report run of your organization tree changed status (optionally: only this schedule's runs).",
    subscribe: ({ args, context }: Subscribe<{ scheduleId?: string | null }>) => context.services.live.subscribeReportRuns(context.principal, args.scheduleId),
  })
  async reportRunUpdated(
    @Root() { item }: { item: ReportRunUpdated; skipped: number },
    @Arg('scheduleId', () => ID, { nullable: true }) _scheduleId: string | undefined,
    @Ctx() { em, principal, services }: Context,
  ): Promise<ReportRunType> {
    // The message carries ids; the run is loaded now, with this event's own EntityManager.
    const run = await services.reports.runForSubscriber(em, principal!, item.runId);
    if (!run) throw notFound('The report run');
    return run;
  }
}
