import { Field, ID, InputType } from 'type-graphql';
import { ApiKeyScopeEnum, RoleEnum } from './accounts.types.js';

@InputType()
export class CreateApiKeyInput {
  @Field() name: string;
  @Field(() => [ApiKeyScopeEnum]) scopes: ApiKeyScopeEnum[];
  @Field(() => ID, { nullable: true, description: 'Bind the key to this sub-account.' }) subAccountId?: string;
}

@InputType()
export class CreateSubAccountInput {
  @Field({ description: 'The id events use in subAccountId.' }) externalId: string;
  @Field() name: string;
}

@InputType()
export class InviteMemberInput {
  @Field() email: string;
  @Field(() => RoleEnum) role: RoleEnum;
  @Field({ nullable: true, description: 'Initial password (at least 8 characters).' }) password?: string;
  @Field(() => ID, { nullable: true, description: 'Make the member part of this sub-account only.' }) subAccountId?: string;
}
