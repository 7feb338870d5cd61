import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { AuditFilter } from './audit.inputs.js';
import { AuditEventPageType, AuditEventType } from './audit.types.js';

/** The audit log, read-only (admins). There is deliberately no mutation here. */
@Resolver()
export class AuditResolver {
  @Authorized('admin')
  @Query(() => AuditEventPageType, { description: 'Audit entries, newest first. The same filter exports as CSV: GET /v1/audit.csv.' })
  async auditEvents(
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined,
    @Arg('limit', () => Int, { defaultValue: 100, description: 'At most 1000.' }) limit: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() { principal, services }: Context,
  ): Promise<AuditEventPageType> {
    const page = await services.auditLog.page(principal!, filter, limit, offset);
    return Object.assign(new AuditEventPageType(), { rows: page.rows.map(AuditEventType.from), total: page.total });
  }
}
