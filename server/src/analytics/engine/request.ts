import type { Dimension } from '../catalog/dimensions.js';
import type { ComponentName, Need } from '../catalog/measures.js';
import type { UsageQuery } from '../query.js';
import type { Unit } from '../time-range.js';

export type Grouping =
  | { kind: 'none' }
  | { kind: 'bucket'; unit: Unit }
  | { kind: 'dimension'; dimension: Dimension; propertyKey?: string };

export interface KeySet {
  dimension: Dimension;
  propertyKey?: string;
  keys: (string | null)[];
}

/** One aggregation over [from, to): the unit the planner turns into SQL (one statement per component). */
export interface AggregateRequest {
  query: UsageQuery;
  from: Date;
  to: Date;
  group: Grouping;
  needs: Set<Need>;
  /** Leave out rows whose key (of this dimension) is one of these: the "Other" row of a breakdown. */
  exclude?: KeySet;
  /** Keep only rows whose key is one of these (figures computed for one page of rows). */
  only?: KeySet;
}

export const components: ComponentName[] = ['users', 'sessions', 'runs', 'latency', 'ttft'];

export function isComponent(need: Need): need is ComponentName {
  return (components as string[]).includes(need);
}
