import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { OrganizationType } from '../organizations/organizations.types.js';
import { CreateApiKeyInput, CreateSubAccountInput, InviteMemberInput } from './accounts.inputs.js';
import { ApiKeyType, CreatedApiKeyType, MemberType, RoleEnum } from './accounts.types.js';

@Resolver()
export class AccountsResolver {
  @Authorized('admin')
  @Mutation(() => CreatedApiKeyType)
  async createApiKey(@Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput, @Ctx() { em, principal, services }: Context): Promise<CreatedApiKeyType> {
    const { key, apiKey } = await services.accounts.createApiKey(em, principal!, input);
    return { key, apiKey: ApiKeyType.from(apiKey) };
  }

  @Authorized('admin')
  @Mutation(() => Boolean)
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() { em, principal, services }: Context): Promise<boolean> {
    return services.accounts.revokeApiKey(em, principal!, id);
  }

  @Authorized('admin')
  @Query(() => [ApiKeyType])
  async apiKeys(@Ctx() { em, principal, services }: Context): Promise<ApiKeyType[]> {
    return (await services.accounts.listApiKeys(em, principal!)).map(ApiKeyType.from);
  }

  @Authorized('admin')
  @Mutation(() => OrganizationType)
  async createSubAccount(@Arg('input', () => CreateSubAccountInput) input: CreateSubAccountInput, @Ctx() { em, principal, services }: Context): Promise<OrganizationType> {
    return OrganizationType.from(await services.accounts.createSubAccount(em, principal!, input));
  }

  @Authorized()
  @Query(() => [OrganizationType], { description: 'The sub-accounts the caller can see.' })
  async subAccounts(@Ctx() { em, principal, services }: Context): Promise<OrganizationType[]> {
    return (await services.accounts.listSubAccounts(em, principal!)).map(OrganizationType.from);
  }

  @Authorized('admin')
  @Mutation(() => MemberType)
  async inviteMember(@Arg('input', () => InviteMemberInput) input: InviteMemberInput, @Ctx() { em, principal, services }: Context): Promise<MemberType> {
    return MemberType.from(await services.accounts.inviteMember(em, principal!, input));
  }

  @Authorized('admin')
  @Query(() => [MemberType])
  async members(@Ctx() { em, principal, services }: Context): Promise<MemberType[]> {
    return (await services.accounts.listMembers(em, principal!)).map(MemberType.from);
  }

  @Authorized('admin')
  @Mutation(() => MemberType)
  async setMemberRole(@Arg('id', () => ID) id: string, @Arg('role', () => RoleEnum) role: RoleEnum, @Ctx() { em, principal, services }: Context): Promise<MemberType> {
    return MemberType.from(await services.accounts.setMemberRole(em, principal!, id, role));
  }

  @Authorized('admin')
  @Mutation(() => Boolean)
  removeMember(@Arg('id', () => ID) id: string, @Ctx() { em, principal, services }: Context): Promise<boolean> {
    return services.accounts.removeMember(em, principal!, id);
  }
}
