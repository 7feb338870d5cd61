import { BigIntType, Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/** One admin action. Append-only: the database refuses updates and deletes. */
@Entity({ tableName: 'audit_event' })
export class AuditEvent {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  id!: number;

  @Property({ type: 'integer' })
  tenantId!: number;

  @Property({ type: 'datetime' })
  at: Date & Opt = new Date();

  /** The actor's organization (root or sub-account): a sub-account's admins read their part of the log. */
  @Property({ type: 'integer', nullable: true })
  orgId?: number | null;

  @Property({ type: 'integer', nullable: true })
  actorMemberId?: number | null;

  @Property({ type: 'integer', nullable: true })
  actorApiKeyId?: number | null;

  @Property({ type: 'text', nullable: true })
  actorEmail?: string | null;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'text' })
  targetType!: string;

  @Property({ type: 'text', nullable: true })
  targetId?: string | null;

  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;
}
