import { graphql } from '../../gql';

export const LiveUsageDocument = graphql(`
  subscription LiveUsage($filter: UsageFilter, $windowSeconds: Int! = 300) {
    liveUsage(filter: $filter, windowSeconds: $windowSeconds) {
      at windowSeconds requests requestsPerMinute costUsd costPerMinute errorRate latencyP95Ms activeUsers totalTokens
    }
  }
`);

export const UsageEventsDocument = graphql(`
  subscription UsageEventsTail($filter: UsageFilter) {
    usageEvents(filter: $filter) {
      id timestamp model provider status error totalTokens costUsd latencyMs userId agentId feature sessionId subAccountId cacheHit threat skipped
    }
  }
`);
