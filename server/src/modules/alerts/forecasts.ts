import type { Pool } from '../../db/pool.js';
import { projectSpend } from './forecast.js';
import { costHistory, measureRule, ruleTimezone, type OrgRow } from './measure.js';
import { budgetPeriodAt, type Span } from './periods.js';
import type { RuleRow } from './rules.store.js';

export interface BudgetForecast {
  period: Span;
  budget: number;
  spent: number;
  projected: number;
  crossingAt: Date | null;
  /** Share of the period behind `now`, in [0, 1]. */
  elapsed: number;
}

/**
 * A budget's forecast at `now`: the spend of its current period and the projection to its end
 * (see forecast.ts). `spent` may be passed when the caller measured it already.
 */
export async function computeForecast(pool: Pool, rule: RuleRow, orgs: OrgRow[], now: Date, spent?: number | null): Promise<BudgetForecast> {
  const timezone = ruleTimezone(rule, orgs);
  const period = budgetPeriodAt(now, rule.budgetPeriod!, timezone);
  const [spend, history] = await Promise.all([
    spent != null ? Promise.resolve(spent) : measureRule(pool, rule, orgs, now).then((m) => m.entities.get('')?.value ?? 0),
    costHistory(pool, rule, orgs, now, timezone),
  ]);
  const f = projectSpend({ spent: spend, period, now, timezone, history, budget: rule.threshold });
  return { period, budget: rule.threshold, spent: spend, projected: f.projected, crossingAt: f.crossingAt, elapsed: f.elapsed };
}
