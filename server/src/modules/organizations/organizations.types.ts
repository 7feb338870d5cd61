import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { Organization } from './organization.entity.js';

@ObjectType('Organization', { description: 'A tenant or one of its sub-accounts.' })
export class OrganizationType {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true, description: 'The id integrators use in events (subAccountId).' }) externalId: string | null;
  @Field() name: string;
  @Field({ description: 'IANA timezone used for reports when a filter names none.' }) timezone: string;
  @Field(() => Float) creditsPerUsd: number;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field() isSubAccount: boolean;

  static from(o: Organization): OrganizationType {
    const parentId = o.parent ? String(typeof o.parent === 'object' ? o.parent.id : o.parent) : null;
    return Object.assign(new OrganizationType(), {
      id: String(o.id),
      externalId: o.externalId ?? null,
      name: o.name,
      timezone: o.timezone,
      creditsPerUsd: Number(o.creditsPerUsd),
      parentId,
      isSubAccount: parentId !== null,
    });
  }
}
