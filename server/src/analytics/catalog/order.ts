import { measures, screaming } from './measures.js';
import { isNumericColumn, pages } from './pages.js';

/**
 * The `UsageOrderField` enum: every measure and every numeric page column, in SCREAMING_CASE.
 * A field orders by the page column of that name when the page has one, else by the measure.
 */
export interface OrderField {
  value: string;
  measure?: string;
  column?: string;
  description: string;
}

const fields = new Map<string, OrderField>();
for (const m of measures) fields.set(screaming(m.name), { value: screaming(m.name), measure: m.name, description: m.description });
for (const page of pages) {
  for (const c of page.columns) {
    if (!isNumericColumn(c)) continue;
    const value = screaming(c.name);
    const existing = fields.get(value);
    if (existing) existing.column = c.name;
    else fields.set(value, { value, column: c.name, measure: c.measures?.length === 1 ? c.measures[0] : undefined, description: c.description });
  }
}

export const orderFields: OrderField[] = [...fields.values()];
export const orderFieldByValue = fields;
export type Direction = 'ASC' | 'DESC';
export interface UsageOrder {
  field: string;
  direction: Direction;
}
export const DEFAULT_ORDER: UsageOrder = { field: 'COST_USD', direction: 'DESC' };
