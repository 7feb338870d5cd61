import { can, type Principal } from '../accounts/access.js';
import type { AlertsService } from './alerts.service.js';
import { AlertDeliveryType, AlertEventType, AlertRuleType, BudgetForecastType } from './alerts.types.js';
import type { EventRow } from './events.store.js';
import type { BudgetForecast } from './forecasts.js';
import type { RuleRow } from './rules.store.js';

/**
 * Rows to GraphQL types for one viewer: webhook URLs in full for admins only, and a page of
 * events with its rules (and deliveries, when selected) in one query each, never one per event.
 */
export function ruleType(rule: RuleRow, viewer: Principal): AlertRuleType {
  return AlertRuleType.from(rule, can(viewer, 'admin'));
}

export async function eventTypes(alerts: AlertsService, viewer: Principal, events: EventRow[], withDeliveries: boolean): Promise<AlertEventType[]> {
  if (events.length === 0) return [];
  const reveal = can(viewer, 'admin');
  const [rules, deliveries] = await Promise.all([alerts.rulesOf(events.map((e) => e.ruleId)), withDeliveries ? alerts.deliveriesOf(events.map((e) => e.id)) : Promise.resolve([])]);
  return events.map((e) => {
    const mine = deliveries.filter((d) => Number(d.eventId) === e.id).map((d) => AlertDeliveryType.from(d, d.change, reveal));
    return AlertEventType.from(e, AlertRuleType.from(rules.get(e.ruleId)!, reveal), mine);
  });
}

export function forecastType(f: BudgetForecast & { rule: RuleRow; reachedAt: Date | null }, viewer: Principal): BudgetForecastType {
  return Object.assign(new BudgetForecastType(), {
    rule: ruleType(f.rule, viewer),
    spentUsd: f.spent,
    projectedUsd: f.projected,
    budgetUsd: f.budget,
    projectedCrossingAt: f.reachedAt ?? f.crossingAt,
    periodFrom: f.period.from,
    periodTo: f.period.to,
    elapsedFraction: f.elapsed,
  });
}
