import { graphql } from '../../gql';

/** The figures a KPI tile shows, for the range and for the previous period. */
export const UsageKpisDocument = graphql(`
  query UsageKpis($filter: UsageFilter) {
    usage(filter: $filter) {
      range { from to timezone previousFrom previousTo }
      totals { ...KpiFigures }
      previous { ...KpiFigures }
    }
  }
  fragment KpiFigures on UsageTotals {
    requests costUsd latencyAvgMs latencyP95Ms errorRate errors activeUsers sessions avgCostPerSession threats
    costNotSupportedRequests totalTokens
  }
`);

export const UsageSeriesDocument = graphql(`
  query UsageSeries($filter: UsageFilter) {
    usage(filter: $filter) {
      range { from to timezone }
      series { bucket requests errors costUsd latencyP50Ms latencyP95Ms latencyP99Ms }
    }
  }
`);

/**
 * Every overview breakdown in one request: the server resolves the aliases in parallel. The bars
 * show cost and requests only, so only those are asked for: a percentile per user or team would
 * be computed from raw events (no summary keeps latency per user) and dominate the page's time.
 */
export const UsageBreakdownsDocument = graphql(`
  query UsageBreakdowns($filter: UsageFilter, $limit: Int! = 6) {
    usage(filter: $filter) {
      model: breakdown(by: MODEL, limit: $limit) { ...BreakdownBars }
      provider: breakdown(by: PROVIDER, limit: $limit) { ...BreakdownBars }
      user: breakdown(by: USER, limit: $limit) { ...BreakdownBars }
      team: breakdown(by: TEAM, limit: $limit) { ...BreakdownBars }
      agent: breakdown(by: AGENT, limit: $limit) { ...BreakdownBars }
      subAccount: breakdown(by: SUB_ACCOUNT, limit: $limit) { ...BreakdownBars }
      feature: breakdown(by: FEATURE, limit: $limit) { ...BreakdownBars }
    }
  }
  fragment BreakdownBars on UsageBreakdownRow {
    key label requests costUsd
  }
`);

/** Bars of one custom property (the overview's property panel draws requests and cost only). */
export const UsagePropertyBarsDocument = graphql(`
  query UsagePropertyBars($filter: UsageFilter, $propertyKey: String!, $limit: Int! = 8) {
    usage(filter: $filter) {
      breakdown(by: PROPERTY, propertyKey: $propertyKey, limit: $limit) { ...BreakdownBars }
    }
  }
`);

/** The figures of a breakdown table (the dimension explorers). */
export const BreakdownFiguresFragment = graphql(`
  fragment BreakdownFigures on UsageBreakdownRow {
    key label requests costUsd totalTokens errorRate latencyP95Ms
  }
`);

export const UsageBreakdownDocument = graphql(`
  query UsageBreakdown($filter: UsageFilter, $by: Dimension!, $propertyKey: String, $limit: Int! = 10, $orderBy: UsageOrder) {
    usage(filter: $filter) {
      breakdown(by: $by, propertyKey: $propertyKey, limit: $limit, orderBy: $orderBy) {
        ...BreakdownFigures
        sessions agentRuns agentSuccessRate avgSessionDurationMs avgCostPerSession activeUsers
      }
    }
  }
`);

/** Sessions and agent runs over the range and per bucket, for the Sessions and Agents pages. */
export const UsageActivityDocument = graphql(`
  query UsageActivity($filter: UsageFilter) {
    usage(filter: $filter) {
      range { from to timezone }
      totals {
        requests sessions avgSessionDurationMs avgCostPerSession agentRuns agentSuccessRate costPerSuccessfulRunUsd costUsd
      }
      series { bucket requests sessions agentRuns agentSuccessRate avgSessionDurationMs }
    }
  }
`);
