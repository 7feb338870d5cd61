import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import type { Page } from '../../analytics/index.js';
import { UsageFilter, UsageOrder } from './usage.inputs.js';
import { pageTypesByName, UsageTotals, type PageObject } from './usage.types.js';
import { selectedFields, selectedMeasures } from './selection.js';

const typeOf = (name: Page['name']) => pageTypesByName.get(name)!.PageType;

type PageArgs = { filter?: UsageFilter; orderBy?: UsageOrder; limit: number; offset: number };

async function loadPage(ctx: Context, page: Page['name'], args: PageArgs, info: GraphQLResolveInfo): Promise<PageObject> {
  const query = await ctx.services.usage.query(ctx.principal, args.filter);
  const wanted = selectedFields(info);
  if (!wanted.has('rows') && !wanted.has('total')) return { query, rows: [], total: 0 };
  const orderBy = args.orderBy ? { field: args.orderBy.field, direction: args.orderBy.direction } : null;
  const { rows, total } = await ctx.services.usage.page(query, page, { orderBy, limit: args.limit, offset: args.offset });
  return { query, rows, total };
}

/** The four report pages of the contract: rows with the columns their users know, total, totals. */
@Resolver()
export class UsagePagesResolver {
  @Authorized('read')
  @Query(() => typeOf('usageByAgent'), { description: 'One row per agent (requests without an agent in one row with agentId null).' })
  usageByAgent(
    @Arg('filter', () => UsageFilter, { nullable: true }) filter: UsageFilter | undefined,
    @Arg('orderBy', () => UsageOrder, { nullable: true }) orderBy: UsageOrder | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loadPage(ctx, 'usageByAgent', { filter, orderBy, limit, offset }, info);
  }

  @Authorized('read')
  @Query(() => typeOf('usageByUser'), { description: 'One row per user (requests without a user in one row with userId null).' })
  usageByUser(
    @Arg('filter', () => UsageFilter, { nullable: true }) filter: UsageFilter | undefined,
    @Arg('orderBy', () => UsageOrder, { nullable: true }) orderBy: UsageOrder | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loadPage(ctx, 'usageByUser', { filter, orderBy, limit, offset }, info);
  }

  @Authorized('read')
  @Query(() => typeOf('usageByModel'), { description: 'One row per model.' })
  usageByModel(
    @Arg('filter', () => UsageFilter, { nullable: true }) filter: UsageFilter | undefined,
    @Arg('orderBy', () => UsageOrder, { nullable: true }) orderBy: UsageOrder | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loadPage(ctx, 'usageByModel', { filter, orderBy, limit, offset }, info);
  }

  @Authorized('read')
  @Query(() => typeOf('usageBySubAccount'), { description: "One row per organization of the tree (the parent's own events in their own row)." })
  usageBySubAccount(
    @Arg('filter', () => UsageFilter, { nullable: true }) filter: UsageFilter | undefined,
    @Arg('orderBy', () => UsageOrder, { nullable: true }) orderBy: UsageOrder | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return loadPage(ctx, 'usageBySubAccount', { filter, orderBy, limit, offset }, info);
  }
}

/** `totals` of a page type: computed only when selected, by the same code as usage.totals. */
function pageTotalsResolver(name: Page['name']) {
  @Resolver(() => typeOf(name))
  class PageTotalsResolver {
    @FieldResolver(() => UsageTotals, { description: 'Totals over the whole filter (= usage.totals for the same filter).' })
    totals(@Root() page: PageObject, @Info() info: GraphQLResolveInfo, @Ctx() { services }: Context) {
      return services.usage.totals(page.query, selectedMeasures(info));
    }
  }
  return PageTotalsResolver;
}

export const usagePageTotalsResolvers = (['usageByAgent', 'usageByUser', 'usageByModel', 'usageBySubAccount'] as const).map(pageTotalsResolver);
