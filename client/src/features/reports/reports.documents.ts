import { graphql } from '../../gql';

export const UsageByAgentDocument = graphql(`
  query UsageByAgent($filter: UsageFilter, $orderBy: UsageOrder, $limit: Int!, $offset: Int!) {
    page: usageByAgent(filter: $filter, orderBy: $orderBy, limit: $limit, offset: $offset) {
      total
      totals { requests costUsd }
      rows {
        agentName agentId modelUsed agentType totalRuns totalSessions avgRunsPerSession creditsConsumed
        inputTokensTotal outputTokensTotal avgLatencyMs p95LatencyMs errorRate costUsd
      }
    }
  }
`);

export const UsageByUserDocument = graphql(`
  query UsageByUser($filter: UsageFilter, $orderBy: UsageOrder, $limit: Int!, $offset: Int!) {
    page: usageByUser(filter: $filter, orderBy: $orderBy, limit: $limit, offset: $offset) {
      total
      totals { requests costUsd }
      rows { userEmail role userId totalRuns agentsCreated creditsConsumed inputTokensTotal outputTokensTotal costUsd requests lastActive }
    }
  }
`);

export const UsageByModelDocument = graphql(`
  query UsageByModel($filter: UsageFilter, $orderBy: UsageOrder, $limit: Int!, $offset: Int!) {
    page: usageByModel(filter: $filter, orderBy: $orderBy, limit: $limit, offset: $offset) {
      total
      totals { requests costUsd }
      rows { model provider requests costUsd costShare inputTokensTotal outputTokensTotal avgLatencyMs p95LatencyMs errorRate costPerRequest }
    }
  }
`);

export const UsageBySubAccountDocument = graphql(`
  query UsageBySubAccount($filter: UsageFilter, $orderBy: UsageOrder, $limit: Int!, $offset: Int!) {
    page: usageBySubAccount(filter: $filter, orderBy: $orderBy, limit: $limit, offset: $offset) {
      total
      totals { requests costUsd }
      rows { subAccountId subAccountName requests costUsd creditsConsumed inputTokensTotal outputTokensTotal activeUsers errorRate }
    }
  }
`);
