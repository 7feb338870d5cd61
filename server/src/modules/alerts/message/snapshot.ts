import type { AlertEventKind } from '../events.store.js';
import type { BudgetPeriod } from '../periods.js';
import type { AlertMetric } from '../rule.validation.js';

/**
 * What a notification says, frozen when the transitions happened (stored with the notification),
 * so a retry an hour later sends the same message even if the rule or its events changed since.
 */
export interface TransitionSnapshot {
  eventId: number;
  kind: AlertEventKind;
  change: 'FIRED' | 'RESOLVED';
  entityKey: string;
  entityLabel: string | null;
  value: number | null;
  threshold: number;
  fraction: number;
  periodFrom: string;
  periodTo: string | null;
  projectedCrossingAt: string | null;
}

export interface NotificationSnapshot {
  rule: {
    id: number;
    name: string;
    metric: AlertMetric;
    windowMinutes: number | null;
    budgetPeriod: BudgetPeriod | null;
    /** The budget or limit (USD, count, fraction or ms). */
    threshold: number;
    groupBy: string | null;
    timezone: string;
  };
  organizationName: string;
  /** The evaluation minute (ISO). */
  at: string;
  transitions: TransitionSnapshot[];
}
