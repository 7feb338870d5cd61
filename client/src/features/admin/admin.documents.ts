import { graphql } from '../../gql';

export const ApiKeysDocument = graphql(`
  query ApiKeys {
    apiKeys { id name scopes prefix subAccountId createdAt lastUsedAt revokedAt }
  }
`);

export const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey { id name scopes prefix subAccountId createdAt lastUsedAt revokedAt }
    }
  }
`);

export const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id)
  }
`);

export const MembersDocument = graphql(`
  query Members {
    members { id email role createdAt organization { id name isSubAccount } }
  }
`);

export const InviteMemberDocument = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) { id email role createdAt organization { id name isSubAccount } }
  }
`);

export const SetMemberRoleDocument = graphql(`
  mutation SetMemberRole($id: ID!, $role: Role!) {
    setMemberRole(id: $id, role: $role) { id role }
  }
`);

export const RemoveMemberDocument = graphql(`
  mutation RemoveMember($id: ID!) {
    removeMember(id: $id)
  }
`);

export const SubAccountsDocument = graphql(`
  query SubAccounts {
    subAccounts { id externalId name timezone parentId }
  }
`);

export const CreateSubAccountDocument = graphql(`
  mutation CreateSubAccount($input: CreateSubAccountInput!) {
    createSubAccount(input: $input) { id externalId name timezone parentId }
  }
`);
