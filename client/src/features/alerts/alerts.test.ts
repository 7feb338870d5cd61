import { describe, expect, it } from 'vitest';
import { budgetState, describeRule, emptyDraft, entityText, formatMetric, ruleInput } from './alerts';

describe('alert wording', () => {
  it('formats values in the unit of their metric', () => {
    expect(formatMetric('COST', 412.5)).toBe('$412.50');
    expect(formatMetric('ERROR_RATE', 0.052)).toBe('5.2%');
    expect(formatMetric('LATENCY_P95', 1840)).toBe('1.84 s');
    expect(formatMetric('REQUESTS', 120000)).toBe('120,000');
  });

  it('describes rolling rules and budgets', () => {
    expect(describeRule({ metric: 'COST', threshold: 500, thresholds: [1], windowMinutes: 60 })).toBe('Cost ≥ $500.00 over 1 h');
    expect(describeRule({ metric: 'ERROR_RATE', threshold: 0.05, thresholds: [1], windowMinutes: 15, groupBy: 'SUB_ACCOUNT' })).toBe('Error rate ≥ 5.0% over 15 min, per sub-account');
    expect(describeRule({ metric: 'COST', threshold: 5000, thresholds: [0.5, 0.8, 0.95, 1], budgetPeriod: 'MONTH' })).toBe('Budget $5,000.00 this month, at 50/80/95/100%');
    expect(describeRule({ metric: 'REQUESTS', threshold: 1e6, thresholds: [1], budgetPeriod: 'DAY' })).toBe('Requests limit 1,000,000 this day');
  });

  it('says how a budget is doing', () => {
    expect(budgetState({ spentUsd: 250, projectedUsd: 900, budgetUsd: 1000 })).toEqual({ spent: 0.25, projected: 0.9, tone: 'ok' });
    expect(budgetState({ spentUsd: 600, projectedUsd: 1200, budgetUsd: 1000 }).tone).toBe('warn');
    expect(budgetState({ spentUsd: 1000, projectedUsd: 1300, budgetUsd: 1000 }).tone).toBe('over');
  });

  it('names the entity of an event', () => {
    expect(entityText({ entityKey: null })).toBe('All');
    expect(entityText({ entityKey: 'u-1', entityLabel: 'ana@acme.test' })).toBe('ana@acme.test (u-1)');
    expect(entityText({ entityKey: 'gpt-4o', entityLabel: 'gpt-4o' })).toBe('gpt-4o');
  });
});

describe('the rule form', () => {
  it('sends only the fields that apply, error rates as fractions', () => {
    expect(ruleInput({ ...emptyDraft(), name: ' Errors ', metric: 'ERROR_RATE', threshold: 5, windowMinutes: 15, emailRecipients: 'a@x.test, b@x.test,' })).toEqual({
      name: 'Errors', metric: 'ERROR_RATE', windowMinutes: 15, threshold: 0.05, emailRecipients: ['a@x.test', 'b@x.test'], slackWebhookUrls: [],
    });
    expect(ruleInput({ ...emptyDraft(), name: 'Budget', kind: 'budget', budgetPeriod: 'WEEK', threshold: 800, forecast: true, slackWebhookUrl: 'https://hooks.slack.com/x' })).toEqual({
      name: 'Budget', metric: 'COST', budgetPeriod: 'WEEK', threshold: 800, forecast: true, emailRecipients: [], slackWebhookUrls: ['https://hooks.slack.com/x'],
    });
    expect(ruleInput({ ...emptyDraft(), name: 'Per user', kind: 'budget', threshold: 50, groupBy: 'USER', forecast: true })).not.toHaveProperty('forecast');
  });
});
