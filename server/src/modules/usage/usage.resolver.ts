import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { DimensionName, Granularity } from '../../analytics/index.js';
import { Dimension, Granularity as GranularityEnum } from './usage.enums.js';
import { UsageFilter, UsageOrder } from './usage.inputs.js';
import { TimeRangeType, UsageBreakdownRow, UsagePoint, UsageStats, UsageTotals } from './usage.types.js';
import { selectedMeasures } from './selection.js';

/**
 * `usage(filter)` validates and scopes the filter and returns it; totals, previous, series and
 * breakdown are field resolvers, so each runs its own SQL only when selected (in parallel).
 */
@Resolver(() => UsageStats)
export class UsageResolver {
  @Authorized('read')
  @Query(() => UsageStats, { description: 'Usage figures for a filter (default: the last 7 days of your organization tree).' })
  async usage(@Arg('filter', () => UsageFilter, { nullable: true }) filter: UsageFilter | undefined, @Ctx() { principal, services }: Context): Promise<UsageStats> {
    const query = await services.usage.query(principal, filter);
    const { from, to, timezone, previousFrom, previousTo } = query.range;
    return Object.assign(new UsageStats(), { query, range: Object.assign(new TimeRangeType(), { from, to, timezone, previousFrom, previousTo }) });
  }

  @FieldResolver(() => UsageTotals, { description: 'Figures over the range.' })
  totals(@Root() stats: UsageStats, @Info() info: GraphQLResolveInfo, @Ctx() { services }: Context) {
    return services.usage.totals(stats.query, selectedMeasures(info));
  }

  @FieldResolver(() => UsageTotals, { description: 'The same figures over the previous period (the month before LAST_MONTH; else of equal length).' })
  previous(@Root() stats: UsageStats, @Info() info: GraphQLResolveInfo, @Ctx() { services }: Context) {
    return services.usage.totals(stats.query, selectedMeasures(info), 'previous');
  }

  @FieldResolver(() => [UsagePoint], { description: 'Every bucket of the range, empty ones zero.' })
  series(
    @Root() stats: UsageStats,
    @Arg('granularity', () => GranularityEnum, { defaultValue: 'AUTO' }) granularity: Granularity,
    @Info() info: GraphQLResolveInfo,
    @Ctx() { services }: Context,
  ) {
    return services.usage.series(stats.query, granularity, selectedMeasures(info));
  }

  @FieldResolver(() => [UsageBreakdownRow], { description: 'The top `limit` values of a dimension plus one "(other)" row holding the rest.' })
  breakdown(
    @Root() stats: UsageStats,
    @Arg('by', () => Dimension) by: DimensionName,
    @Arg('propertyKey', () => String, { nullable: true, description: 'With PROPERTY: the custom property key.' }) propertyKey: string | undefined,
    @Arg('orderBy', () => UsageOrder, { nullable: true }) orderBy: UsageOrder | undefined,
    @Arg('limit', () => Int, { defaultValue: 10 }) limit: number,
    @Info() info: GraphQLResolveInfo,
    @Ctx() { services }: Context,
  ) {
    return services.usage.breakdown(stats.query, { by, propertyKey, orderBy: orderBy ? { field: orderBy.field, direction: orderBy.direction } : null, limit }, selectedMeasures(info));
  }
}
