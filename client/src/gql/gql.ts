/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ApiKeys {\n    apiKeys { id name scopes prefix subAccountId createdAt lastUsedAt revokedAt }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey { id name scopes prefix subAccountId createdAt lastUsedAt revokedAt }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query Members {\n    members { id email role createdAt organization { id name isSubAccount } }\n  }\n": typeof types.MembersDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role createdAt organization { id name isSubAccount } }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation SetMemberRole($id: ID!, $role: Role!) {\n    setMemberRole(id: $id, role: $role) { id role }\n  }\n": typeof types.SetMemberRoleDocument,
    "\n  mutation RemoveMember($id: ID!) {\n    removeMember(id: $id)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query SubAccounts {\n    subAccounts { id externalId name timezone parentId }\n  }\n": typeof types.SubAccountsDocument,
    "\n  mutation CreateSubAccount($input: CreateSubAccountInput!) {\n    createSubAccount(input: $input) { id externalId name timezone parentId }\n  }\n": typeof types.CreateSubAccountDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member { id email role }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Viewer {\n    me { id email role }\n    organization { id name timezone isSubAccount creditsPerUsd }\n  }\n": typeof types.ViewerDocument,
    "\n  query UsageKpis($filter: UsageFilter) {\n    usage(filter: $filter) {\n      range { from to timezone previousFrom previousTo }\n      totals { ...KpiFigures }\n      previous { ...KpiFigures }\n    }\n  }\n  fragment KpiFigures on UsageTotals {\n    requests costUsd latencyAvgMs latencyP95Ms errorRate errors activeUsers sessions avgCostPerSession threats\n    costNotSupportedRequests totalTokens\n  }\n": typeof types.UsageKpisDocument,
    "\n  query UsageSeries($filter: UsageFilter) {\n    usage(filter: $filter) {\n      range { from to timezone }\n      series { bucket requests errors costUsd latencyP50Ms latencyP95Ms latencyP99Ms }\n    }\n  }\n": typeof types.UsageSeriesDocument,
    "\n  query UsageBreakdowns($filter: UsageFilter, $limit: Int! = 6) {\n    usage(filter: $filter) {\n      model: breakdown(by: MODEL, limit: $limit) { ...BreakdownFigures }\n      provider: breakdown(by: PROVIDER, limit: $limit) { ...BreakdownFigures }\n      user: breakdown(by: USER, limit: $limit) { ...BreakdownFigures }\n      team: breakdown(by: TEAM, limit: $limit) { ...BreakdownFigures }\n      agent: breakdown(by: AGENT, limit: $limit) { ...BreakdownFigures }\n      subAccount: breakdown(by: SUB_ACCOUNT, limit: $limit) { ...BreakdownFigures }\n      feature: breakdown(by: FEATURE, limit: $limit) { ...BreakdownFigures }\n    }\n  }\n  fragment BreakdownFigures on UsageBreakdownRow {\n    key label requests costUsd totalTokens errorRate latencyP95Ms\n  }\n": typeof types.UsageBreakdownsDocument,
    "\n  query UsageBreakdown($filter: UsageFilter, $by: Dimension!, $propertyKey: String, $limit: Int! = 10, $orderBy: UsageOrder) {\n    usage(filter: $filter) {\n      breakdown(by: $by, propertyKey: $propertyKey, limit: $limit, orderBy: $orderBy) {\n        ...BreakdownFigures\n        sessions agentRuns agentSuccessRate avgSessionDurationMs avgCostPerSession activeUsers\n      }\n    }\n  }\n": typeof types.UsageBreakdownDocument,
    "fragment ReportFigures on UsageTotals {\n  costUsd\n  requests\n  errors\n  errorRate\n  activeUsers\n  threats\n  sessions\n  avgCostPerSession\n  agentRuns\n  agentSuccessRate\n  cacheHits\n  cacheHitRate\n  cacheSavingsUsd\n  costNotSupportedRequests\n  inputTokens\n  cachedInputTokens\n  outputTokens\n  totalTokens\n}\n\nquery ReportUsage($filter: UsageFilter!, $previousFilter: UsageFilter!, $top: Int = 5, $modelRows: Int = 10) {\n  usage(filter: $filter) {\n    range {\n      from\n      to\n      timezone\n    }\n    totals {\n      ...ReportFigures\n    }\n    teams: breakdown(by: TEAM, limit: $top) {\n      key\n      label\n      requests\n      costUsd\n      activeUsers\n    }\n    prompts: breakdown(\n      by: PROMPT\n      limit: $top\n      orderBy: {field: REQUESTS, direction: DESC}\n    ) {\n      key\n      label\n      requests\n      costUsd\n      inputTokens\n      cachedInputTokens\n      cacheHits\n    }\n    tools: breakdown(\n      by: TOOL\n      limit: $top\n      orderBy: {field: REQUESTS, direction: DESC}\n    ) {\n      key\n      label\n      requests\n      costUsd\n      errorRate\n    }\n    statuses: breakdown(\n      by: STATUS\n      limit: 20\n      orderBy: {field: REQUESTS, direction: DESC}\n    ) {\n      key\n      requests\n      costUsd\n    }\n  }\n  previousUsage: usage(filter: $previousFilter) {\n    totals {\n      ...ReportFigures\n    }\n  }\n  usageByModel(filter: $filter, limit: $modelRows) {\n    total\n    rows {\n      model\n      provider\n      requests\n      costUsd\n      costShare\n      inputTokensTotal\n      outputTokensTotal\n      costPerRequest\n      errorRate\n    }\n  }\n  usageByAgent(filter: $filter, limit: $top) {\n    total\n    rows {\n      agentName\n      agentId\n      agentType\n      totalRuns\n      costUsd\n      errorRate\n    }\n  }\n  usageByUser(filter: $filter, limit: $top) {\n    total\n    rows {\n      userEmail\n      userId\n      requests\n      costUsd\n    }\n  }\n}": typeof types.ReportFiguresFragmentDoc,
};
const documents: Documents = {
    "\n  query ApiKeys {\n    apiKeys { id name scopes prefix subAccountId createdAt lastUsedAt revokedAt }\n  }\n": types.ApiKeysDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey { id name scopes prefix subAccountId createdAt lastUsedAt revokedAt }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n": types.RevokeApiKeyDocument,
    "\n  query Members {\n    members { id email role createdAt organization { id name isSubAccount } }\n  }\n": types.MembersDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role createdAt organization { id name isSubAccount } }\n  }\n": types.InviteMemberDocument,
    "\n  mutation SetMemberRole($id: ID!, $role: Role!) {\n    setMemberRole(id: $id, role: $role) { id role }\n  }\n": types.SetMemberRoleDocument,
    "\n  mutation RemoveMember($id: ID!) {\n    removeMember(id: $id)\n  }\n": types.RemoveMemberDocument,
    "\n  query SubAccounts {\n    subAccounts { id externalId name timezone parentId }\n  }\n": types.SubAccountsDocument,
    "\n  mutation CreateSubAccount($input: CreateSubAccountInput!) {\n    createSubAccount(input: $input) { id externalId name timezone parentId }\n  }\n": types.CreateSubAccountDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member { id email role }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Viewer {\n    me { id email role }\n    organization { id name timezone isSubAccount creditsPerUsd }\n  }\n": types.ViewerDocument,
    "\n  query UsageKpis($filter: UsageFilter) {\n    usage(filter: $filter) {\n      range { from to timezone previousFrom previousTo }\n      totals { ...KpiFigures }\n      previous { ...KpiFigures }\n    }\n  }\n  fragment KpiFigures on UsageTotals {\n    requests costUsd latencyAvgMs latencyP95Ms errorRate errors activeUsers sessions avgCostPerSession threats\n    costNotSupportedRequests totalTokens\n  }\n": types.UsageKpisDocument,
    "\n  query UsageSeries($filter: UsageFilter) {\n    usage(filter: $filter) {\n      range { from to timezone }\n      series { bucket requests errors costUsd latencyP50Ms latencyP95Ms latencyP99Ms }\n    }\n  }\n": types.UsageSeriesDocument,
    "\n  query UsageBreakdowns($filter: UsageFilter, $limit: Int! = 6) {\n    usage(filter: $filter) {\n      model: breakdown(by: MODEL, limit: $limit) { ...BreakdownFigures }\n      provider: breakdown(by: PROVIDER, limit: $limit) { ...BreakdownFigures }\n      user: breakdown(by: USER, limit: $limit) { ...BreakdownFigures }\n      team: breakdown(by: TEAM, limit: $limit) { ...BreakdownFigures }\n      agent: breakdown(by: AGENT, limit: $limit) { ...BreakdownFigures }\n      subAccount: breakdown(by: SUB_ACCOUNT, limit: $limit) { ...BreakdownFigures }\n      feature: breakdown(by: FEATURE, limit: $limit) { ...BreakdownFigures }\n    }\n  }\n  fragment BreakdownFigures on UsageBreakdownRow {\n    key label requests costUsd totalTokens errorRate latencyP95Ms\n  }\n": types.UsageBreakdownsDocument,
    "\n  query UsageBreakdown($filter: UsageFilter, $by: Dimension!, $propertyKey: String, $limit: Int! = 10, $orderBy: UsageOrder) {\n    usage(filter: $filter) {\n      breakdown(by: $by, propertyKey: $propertyKey, limit: $limit, orderBy: $orderBy) {\n        ...BreakdownFigures\n        sessions agentRuns agentSuccessRate avgSessionDurationMs avgCostPerSession activeUsers\n      }\n    }\n  }\n": types.UsageBreakdownDocument,
    "fragment ReportFigures on UsageTotals {\n  costUsd\n  requests\n  errors\n  errorRate\n  activeUsers\n  threats\n  sessions\n  avgCostPerSession\n  agentRuns\n  agentSuccessRate\n  cacheHits\n  cacheHitRate\n  cacheSavingsUsd\n  costNotSupportedRequests\n  inputTokens\n  cachedInputTokens\n  outputTokens\n  totalTokens\n}\n\nquery ReportUsage($filter: UsageFilter!, $previousFilter: UsageFilter!, $top: Int = 5, $modelRows: Int = 10) {\n  usage(filter: $filter) {\n    range {\n      from\n      to\n      timezone\n    }\n    totals {\n      ...ReportFigures\n    }\n    teams: breakdown(by: TEAM, limit: $top) {\n      key\n      label\n      requests\n      costUsd\n      activeUsers\n    }\n    prompts: breakdown(\n      by: PROMPT\n      limit: $top\n      orderBy: {field: REQUESTS, direction: DESC}\n    ) {\n      key\n      label\n      requests\n      costUsd\n      inputTokens\n      cachedInputTokens\n      cacheHits\n    }\n    tools: breakdown(\n      by: TOOL\n      limit: $top\n      orderBy: {field: REQUESTS, direction: DESC}\n    ) {\n      key\n      label\n      requests\n      costUsd\n      errorRate\n    }\n    statuses: breakdown(\n      by: STATUS\n      limit: 20\n      orderBy: {field: REQUESTS, direction: DESC}\n    ) {\n      key\n      requests\n      costUsd\n    }\n  }\n  previousUsage: usage(filter: $previousFilter) {\n    totals {\n      ...ReportFigures\n    }\n  }\n  usageByModel(filter: $filter, limit: $modelRows) {\n    total\n    rows {\n      model\n      provider\n      requests\n      costUsd\n      costShare\n      inputTokensTotal\n      outputTokensTotal\n      costPerRequest\n      errorRate\n    }\n  }\n  usageByAgent(filter: $filter, limit: $top) {\n    total\n    rows {\n      agentName\n      agentId\n      agentType\n      totalRuns\n      costUsd\n      errorRate\n    }\n  }\n  usageByUser(filter: $filter, limit: $top) {\n    total\n    rows {\n      userEmail\n      userId\n      requests\n      costUsd\n    }\n  }\n}": types.ReportFiguresFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys { id name scopes prefix subAccountId createdAt lastUsedAt revokedAt }\n  }\n"): (typeof documents)["\n  query ApiKeys {\n    apiKeys { id name scopes prefix subAccountId createdAt lastUsedAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey { id name scopes prefix subAccountId createdAt lastUsedAt revokedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      key\n      apiKey { id name scopes prefix subAccountId createdAt lastUsedAt revokedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n"): (typeof documents)["\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members {\n    members { id email role createdAt organization { id name isSubAccount } }\n  }\n"): (typeof documents)["\n  query Members {\n    members { id email role createdAt organization { id name isSubAccount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role createdAt organization { id name isSubAccount } }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) { id email role createdAt organization { id name isSubAccount } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMemberRole($id: ID!, $role: Role!) {\n    setMemberRole(id: $id, role: $role) { id role }\n  }\n"): (typeof documents)["\n  mutation SetMemberRole($id: ID!, $role: Role!) {\n    setMemberRole(id: $id, role: $role) { id role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($id: ID!) {\n    removeMember(id: $id)\n  }\n"): (typeof documents)["\n  mutation RemoveMember($id: ID!) {\n    removeMember(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubAccounts {\n    subAccounts { id externalId name timezone parentId }\n  }\n"): (typeof documents)["\n  query SubAccounts {\n    subAccounts { id externalId name timezone parentId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSubAccount($input: CreateSubAccountInput!) {\n    createSubAccount(input: $input) { id externalId name timezone parentId }\n  }\n"): (typeof documents)["\n  mutation CreateSubAccount($input: CreateSubAccountInput!) {\n    createSubAccount(input: $input) { id externalId name timezone parentId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member { id email role }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n      member { id email role }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me { id email role }\n    organization { id name timezone isSubAccount creditsPerUsd }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me { id email role }\n    organization { id name timezone isSubAccount creditsPerUsd }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageKpis($filter: UsageFilter) {\n    usage(filter: $filter) {\n      range { from to timezone previousFrom previousTo }\n      totals { ...KpiFigures }\n      previous { ...KpiFigures }\n    }\n  }\n  fragment KpiFigures on UsageTotals {\n    requests costUsd latencyAvgMs latencyP95Ms errorRate errors activeUsers sessions avgCostPerSession threats\n    costNotSupportedRequests totalTokens\n  }\n"): (typeof documents)["\n  query UsageKpis($filter: UsageFilter) {\n    usage(filter: $filter) {\n      range { from to timezone previousFrom previousTo }\n      totals { ...KpiFigures }\n      previous { ...KpiFigures }\n    }\n  }\n  fragment KpiFigures on UsageTotals {\n    requests costUsd latencyAvgMs latencyP95Ms errorRate errors activeUsers sessions avgCostPerSession threats\n    costNotSupportedRequests totalTokens\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageSeries($filter: UsageFilter) {\n    usage(filter: $filter) {\n      range { from to timezone }\n      series { bucket requests errors costUsd latencyP50Ms latencyP95Ms latencyP99Ms }\n    }\n  }\n"): (typeof documents)["\n  query UsageSeries($filter: UsageFilter) {\n    usage(filter: $filter) {\n      range { from to timezone }\n      series { bucket requests errors costUsd latencyP50Ms latencyP95Ms latencyP99Ms }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageBreakdowns($filter: UsageFilter, $limit: Int! = 6) {\n    usage(filter: $filter) {\n      model: breakdown(by: MODEL, limit: $limit) { ...BreakdownFigures }\n      provider: breakdown(by: PROVIDER, limit: $limit) { ...BreakdownFigures }\n      user: breakdown(by: USER, limit: $limit) { ...BreakdownFigures }\n      team: breakdown(by: TEAM, limit: $limit) { ...BreakdownFigures }\n      agent: breakdown(by: AGENT, limit: $limit) { ...BreakdownFigures }\n      subAccount: breakdown(by: SUB_ACCOUNT, limit: $limit) { ...BreakdownFigures }\n      feature: breakdown(by: FEATURE, limit: $limit) { ...BreakdownFigures }\n    }\n  }\n  fragment BreakdownFigures on UsageBreakdownRow {\n    key label requests costUsd totalTokens errorRate latencyP95Ms\n  }\n"): (typeof documents)["\n  query UsageBreakdowns($filter: UsageFilter, $limit: Int! = 6) {\n    usage(filter: $filter) {\n      model: breakdown(by: MODEL, limit: $limit) { ...BreakdownFigures }\n      provider: breakdown(by: PROVIDER, limit: $limit) { ...BreakdownFigures }\n      user: breakdown(by: USER, limit: $limit) { ...BreakdownFigures }\n      team: breakdown(by: TEAM, limit: $limit) { ...BreakdownFigures }\n      agent: breakdown(by: AGENT, limit: $limit) { ...BreakdownFigures }\n      subAccount: breakdown(by: SUB_ACCOUNT, limit: $limit) { ...BreakdownFigures }\n      feature: breakdown(by: FEATURE, limit: $limit) { ...BreakdownFigures }\n    }\n  }\n  fragment BreakdownFigures on UsageBreakdownRow {\n    key label requests costUsd totalTokens errorRate latencyP95Ms\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageBreakdown($filter: UsageFilter, $by: Dimension!, $propertyKey: String, $limit: Int! = 10, $orderBy: UsageOrder) {\n    usage(filter: $filter) {\n      breakdown(by: $by, propertyKey: $propertyKey, limit: $limit, orderBy: $orderBy) {\n        ...BreakdownFigures\n        sessions agentRuns agentSuccessRate avgSessionDurationMs avgCostPerSession activeUsers\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsageBreakdown($filter: UsageFilter, $by: Dimension!, $propertyKey: String, $limit: Int! = 10, $orderBy: UsageOrder) {\n    usage(filter: $filter) {\n      breakdown(by: $by, propertyKey: $propertyKey, limit: $limit, orderBy: $orderBy) {\n        ...BreakdownFigures\n        sessions agentRuns agentSuccessRate avgSessionDurationMs avgCostPerSession activeUsers\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ReportFigures on UsageTotals {\n  costUsd\n  requests\n  errors\n  errorRate\n  activeUsers\n  threats\n  sessions\n  avgCostPerSession\n  agentRuns\n  agentSuccessRate\n  cacheHits\n  cacheHitRate\n  cacheSavingsUsd\n  costNotSupportedRequests\n  inputTokens\n  cachedInputTokens\n  outputTokens\n  totalTokens\n}\n\nquery ReportUsage($filter: UsageFilter!, $previousFilter: UsageFilter!, $top: Int = 5, $modelRows: Int = 10) {\n  usage(filter: $filter) {\n    range {\n      from\n      to\n      timezone\n    }\n    totals {\n      ...ReportFigures\n    }\n    teams: breakdown(by: TEAM, limit: $top) {\n      key\n      label\n      requests\n      costUsd\n      activeUsers\n    }\n    prompts: breakdown(\n      by: PROMPT\n      limit: $top\n      orderBy: {field: REQUESTS, direction: DESC}\n    ) {\n      key\n      label\n      requests\n      costUsd\n      inputTokens\n      cachedInputTokens\n      cacheHits\n    }\n    tools: breakdown(\n      by: TOOL\n      limit: $top\n      orderBy: {field: REQUESTS, direction: DESC}\n    ) {\n      key\n      label\n      requests\n      costUsd\n      errorRate\n    }\n    statuses: breakdown(\n      by: STATUS\n      limit: 20\n      orderBy: {field: REQUESTS, direction: DESC}\n    ) {\n      key\n      requests\n      costUsd\n    }\n  }\n  previousUsage: usage(filter: $previousFilter) {\n    totals {\n      ...ReportFigures\n    }\n  }\n  usageByModel(filter: $filter, limit: $modelRows) {\n    total\n    rows {\n      model\n      provider\n      requests\n      costUsd\n      costShare\n      inputTokensTotal\n      outputTokensTotal\n      costPerRequest\n      errorRate\n    }\n  }\n  usageByAgent(filter: $filter, limit: $top) {\n    total\n    rows {\n      agentName\n      agentId\n      agentType\n      totalRuns\n      costUsd\n      errorRate\n    }\n  }\n  usageByUser(filter: $filter, limit: $top) {\n    total\n    rows {\n      userEmail\n      userId\n      requests\n      costUsd\n    }\n  }\n}"): (typeof documents)["fragment ReportFigures on UsageTotals {\n  costUsd\n  requests\n  errors\n  errorRate\n  activeUsers\n  threats\n  sessions\n  avgCostPerSession\n  agentRuns\n  agentSuccessRate\n  cacheHits\n  cacheHitRate\n  cacheSavingsUsd\n  costNotSupportedRequests\n  inputTokens\n  cachedInputTokens\n  outputTokens\n  totalTokens\n}\n\nquery ReportUsage($filter: UsageFilter!, $previousFilter: UsageFilter!, $top: Int = 5, $modelRows: Int = 10) {\n  usage(filter: $filter) {\n    range {\n      from\n      to\n      timezone\n    }\n    totals {\n      ...ReportFigures\n    }\n    teams: breakdown(by: TEAM, limit: $top) {\n      key\n      label\n      requests\n      costUsd\n      activeUsers\n    }\n    prompts: breakdown(\n      by: PROMPT\n      limit: $top\n      orderBy: {field: REQUESTS, direction: DESC}\n    ) {\n      key\n      label\n      requests\n      costUsd\n      inputTokens\n      cachedInputTokens\n      cacheHits\n    }\n    tools: breakdown(\n      by: TOOL\n      limit: $top\n      orderBy: {field: REQUESTS, direction: DESC}\n    ) {\n      key\n      label\n      requests\n      costUsd\n      errorRate\n    }\n    statuses: breakdown(\n      by: STATUS\n      limit: 20\n      orderBy: {field: REQUESTS, direction: DESC}\n    ) {\n      key\n      requests\n      costUsd\n    }\n  }\n  previousUsage: usage(filter: $previousFilter) {\n    totals {\n      ...ReportFigures\n    }\n  }\n  usageByModel(filter: $filter, limit: $modelRows) {\n    total\n    rows {\n      model\n      provider\n      requests\n      costUsd\n      costShare\n      inputTokensTotal\n      outputTokensTotal\n      costPerRequest\n      errorRate\n    }\n  }\n  usageByAgent(filter: $filter, limit: $top) {\n    total\n    rows {\n      agentName\n      agentId\n      agentType\n      totalRuns\n      costUsd\n      errorRate\n    }\n  }\n  usageByUser(filter: $filter, limit: $top) {\n    total\n    rows {\n      userEmail\n      userId\n      requests\n      costUsd\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;