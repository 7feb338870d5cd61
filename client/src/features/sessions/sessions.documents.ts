import { graphql } from '../../gql';

export const SessionListDocument = graphql(`
  query SessionList($filter: UsageFilter, $orderBy: SessionOrder, $limit: Int!, $offset: Int!) {
    sessions(filter: $filter, orderBy: $orderBy, limit: $limit, offset: $offset) {
      total
      rows { sessionId sessionName userId agentId subAccountId firstEventAt lastEventAt durationMs requests errors costUsd totalTokens }
    }
  }
`);

export const SessionDetailDocument = graphql(`
  query SessionDetail($id: String!, $filter: UsageFilter) {
    session(id: $id, filter: $filter) {
      sessionId sessionName userId agentId subAccountId firstEventAt lastEventAt durationMs requests errors costUsd totalTokens
      events { eventId ts model status error latencyMs costUsd cacheHit inputTokens outputTokens totalTokens userId agentId runId }
    }
  }
`);
