import { Arg, Authorized, Ctx, Field, Float, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { OrganizationType } from './organizations.types.js';

@InputType()
export class UpdateOrganizationInput {
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true, description: 'IANA timezone, e.g. Europe/Berlin.' }) timezone?: string;
  @Field(() => Float, { nullable: true, description: 'Credits per US dollar (default 1000).' }) creditsPerUsd?: number;
}

@Resolver()
export class OrganizationsResolver {
  @Authorized()
  @Query(() => OrganizationType, { description: "The caller's organization (or sub-account)." })
  async organization(@Ctx() { em, principal, services }: Context): Promise<OrganizationType> {
    return OrganizationType.from(await services.organizations.current(em, principal!));
  }

  @Authorized('admin')
  @Mutation(() => OrganizationType)
  async updateOrganization(@Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput, @Ctx() { em, principal, services }: Context): Promise<OrganizationType> {
    return OrganizationType.from(await services.organizations.update(em, principal!, input));
  }
}
