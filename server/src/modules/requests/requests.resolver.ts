import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { UsageFilter } from '../usage/usage.inputs.js';
import { RequestRow } from './requests.types.js';

@Resolver()
export class RequestsResolver {
  @Authorized('read')
  @Query(() => [RequestRow], {
    description: "The most expensive requests in the filter's range (cost desc, then newest first). Spend only: unpriced requests and cache hits are left out.",
  })
  async topRequests(
    @Arg('filter', () => UsageFilter, { nullable: true }) filter: UsageFilter | undefined,
    @Arg('limit', () => Int, { defaultValue: 10, description: '1–100.' }) limit: number,
    @Ctx() { principal, services }: Context,
  ): Promise<RequestRow[]> {
    const query = await services.usage.query(principal, filter);
    return services.requests.top(query, limit);
  }
}
