import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { UsageFilter } from '../usage/usage.inputs.js';
import { SessionDetail, SessionOrder, SessionPage } from './sessions.types.js';

/** Sessions: a page of them with their figures, and one session's events. Scoped like `usage`. */
@Resolver()
export class SessionsResolver {
  @Authorized('read')
  @Query(() => SessionPage, { description: "Sessions with at least one event in the filter's range, with their figures over those events." })
  async sessions(
    @Arg('filter', () => UsageFilter, { nullable: true }) filter: UsageFilter | undefined,
    @Arg('limit', () => Int, { defaultValue: 50, description: '1–500.' }) limit: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('orderBy', () => SessionOrder, { nullable: true }) orderBy: SessionOrder | undefined,
    @Ctx() { principal, services }: Context,
  ): Promise<SessionPage> {
    const query = await services.usage.query(principal, filter);
    return services.sessions.page(query, { orderBy: orderBy ? { field: orderBy.field, direction: orderBy.direction } : null, limit, offset });
  }

  @Authorized('read')
  @Query(() => SessionDetail, { nullable: true, description: "One session's figures and events within the filter; null when it has no such events in your scope." })
  async session(
    @Arg('id', () => String) id: string,
    @Arg('filter', () => UsageFilter, { nullable: true }) filter: UsageFilter | undefined,
    @Ctx() { principal, services }: Context,
  ): Promise<SessionDetail | null> {
    const query = await services.usage.query(principal, filter);
    return services.sessions.detail(query, id);
  }
}
