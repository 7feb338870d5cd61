import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime, JSONObject } from '../../graphql/scalars.js';
import type { AuditRow } from './audit-log.service.js';

export const AuditActorKind = { MEMBER: 'MEMBER', API_KEY: 'API_KEY', SYSTEM: 'SYSTEM' } as const;
registerEnumType(AuditActorKind, { name: 'AuditActorKind' });

@ObjectType('AuditActor', { description: 'Who did it: a member (id and email) or an API key (id).' })
export class AuditActorType {
  @Field(() => AuditActorKind) kind: string;
  @Field(() => ID, { nullable: true, description: 'The member id, or the API key id.' }) id: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
}

@ObjectType('AuditTarget', { description: 'What it was done to.' })
export class AuditTargetType {
  @Field() type: string;
  @Field(() => ID, { nullable: true }) id: string | null;
}

@ObjectType('AuditEvent', { description: 'One audited action. The log is append-only: nothing in the API changes or removes an entry.' })
export class AuditEventType {
  @Field(() => ID) id: string;
  @Field(() => DateTime) at: Date;
  @Field(() => AuditActorType) actor: AuditActorType;
  @Field() action: string;
  @Field(() => AuditTargetType) target: AuditTargetType;
  @Field(() => JSONObject, { nullable: true, description: 'What changed (before/after where it applies); secrets masked.' }) details: Record<string, unknown> | null;
  @Field(() => ID, { nullable: true, description: "The actor's organization (null for entries older than this field)." }) organizationId: string | null;

  static from(r: AuditRow): AuditEventType {
    const kind = r.actorMemberId != null ? 'MEMBER' : r.actorApiKeyId != null ? 'API_KEY' : 'SYSTEM';
    return Object.assign(new AuditEventType(), {
      id: String(r.id),
      at: r.at,
      actor: Object.assign(new AuditActorType(), { kind, id: r.actorMemberId != null ? String(r.actorMemberId) : r.actorApiKeyId != null ? String(r.actorApiKeyId) : null, email: r.actorEmail }),
      action: r.action,
      target: Object.assign(new AuditTargetType(), { type: r.targetType, id: r.targetId }),
      details: r.details,
      organizationId: r.orgId == null ? null : String(r.orgId),
    });
  }
}

@ObjectType('AuditEventPage')
export class AuditEventPageType {
  @Field(() => [AuditEventType]) rows: AuditEventType[];
  @Field(() => Int, { description: 'How many entries match in all.' }) total: number;
}
