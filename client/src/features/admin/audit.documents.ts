import { graphql } from '../../gql';

export const AuditEventsDocument = graphql(`
  query AuditEvents($filter: AuditFilter, $limit: Int!, $offset: Int!) {
    auditEvents(filter: $filter, limit: $limit, offset: $offset) {
      total
      rows { id at action details actor { kind id email } target { type id } }
    }
  }
`);
