import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTime } from '../../graphql/scalars.js';
import type { Organization as OrganizationEntity } from '../organizations/organization.entity.js';
import type { ApiKey as ApiKeyEntity } from './api-key.entity.js';
import type { Member as MemberEntity } from './member.entity.js';
import { OrganizationType } from '../organizations/organizations.types.js';

export enum RoleEnum {
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
  VIEWER = 'VIEWER',
}
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'ADMIN: everything. MEMBER: all usage data. VIEWER: usage data, read-only, no per-user exports.',
});

export enum ApiKeyScopeEnum {
  INGEST = 'INGEST',
  READ = 'READ',
  ADMIN = 'ADMIN',
}
registerEnumType(ApiKeyScopeEnum, { name: 'ApiKeyScope' });

@ObjectType('Member', { description: 'A person who signs in to the dashboard or API.' })
export class MemberType {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field(() => RoleEnum) role: RoleEnum;
  @Field(() => OrganizationType) organization: OrganizationType;
  @Field(() => DateTime) createdAt: Date;

  static from(m: MemberEntity): MemberType {
    return Object.assign(new MemberType(), {
      id: String(m.id),
      email: m.email,
      role: m.role as RoleEnum,
      organization: OrganizationType.from(m.org),
      createdAt: m.createdAt,
    });
  }
}

@ObjectType('ApiKey', { description: 'An API key; the secret itself is only ever shown once, at creation.' })
export class ApiKeyType {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => [ApiKeyScopeEnum]) scopes: ApiKeyScopeEnum[];
  @Field({ description: 'The first characters of the key, to tell keys apart.' }) prefix: string;
  @Field(() => ID, { nullable: true, description: 'The sub-account the key is bound to, if any.' }) subAccountId: string | null;
  @Field(() => DateTime) createdAt: Date;
  @Field(() => DateTime, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => DateTime, { nullable: true }) revokedAt: Date | null;

  static from(k: ApiKeyEntity): ApiKeyType {
    const org = k.org as OrganizationEntity;
    return Object.assign(new ApiKeyType(), {
      id: String(k.id),
      name: k.name,
      scopes: k.scopes as ApiKeyScopeEnum[],
      prefix: k.prefix,
      subAccountId: org.rootId !== org.id ? String(org.id) : null,
      createdAt: k.createdAt,
      lastUsedAt: k.lastUsedAt ?? null,
      revokedAt: k.revokedAt ?? null,
    });
  }
}

@ObjectType('CreatedApiKey')
export class CreatedApiKeyType {
  @Field({ description: 'The secret. Shown this once; only its hash is stored.' }) key: string;
  @Field(() => ApiKeyType) apiKey: ApiKeyType;
}

@ObjectType('AuthPayload')
export class AuthPayloadType {
  @Field({ description: 'Send as "Authorization: Bearer <token>", or in the graphql-ws connection_init payload.' }) token: string;
  @Field(() => MemberType) member: MemberType;
}
