import { graphql } from '../../gql';

export const AlertRulesDocument = graphql(`
  query AlertRules {
    alertRules {
      id name metric windowMinutes budgetPeriod threshold thresholds groupBy minRequests forecast enabled
      emailRecipients slackWebhookUrls evaluatedAt lastError
    }
  }
`);

export const AlertEventsDocument = graphql(`
  query AlertEvents($status: AlertEventStatus, $limit: Int!) {
    alertEvents(status: $status, limit: $limit) {
      id kind entityKey entityLabel value lastValue threshold fraction status resolution periodFrom periodTo firedAt resolvedAt projectedCrossingAt
      rule { id name metric windowMinutes budgetPeriod }
    }
  }
`);

export const BudgetForecastsDocument = graphql(`
  query BudgetForecasts {
    budgetForecasts { rule { id name budgetPeriod } spentUsd projectedUsd budgetUsd projectedCrossingAt periodFrom periodTo elapsedFraction }
  }
`);

/** Every transition the server evaluates, firing or resolving: panels reload on each. */
export const AlertFiredDocument = graphql(`
  subscription AlertFired {
    alertFired(includeResolved: true) { id status }
  }
`);

export const CreateAlertRuleDocument = graphql(`
  mutation CreateAlertRule($input: AlertRuleInput!) {
    createAlertRule(input: $input) { id name }
  }
`);

export const DeleteAlertRuleDocument = graphql(`
  mutation DeleteAlertRule($id: ID!) {
    deleteAlertRule(id: $id)
  }
`);
