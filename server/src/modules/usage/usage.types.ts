import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Page, ColumnType } from '../../analytics/catalog/pages.js';
import { measures } from '../../analytics/catalog/measures.js';
import { pages } from '../../analytics/catalog/pages.js';
import type { UsageQuery } from '../../analytics/query.js';
import { DateTime, SafeInt } from '../../graphql/scalars.js';

/**
 * The measure fields, generated from the catalog once and shared by UsageTotals, UsagePoint and
 * UsageBreakdownRow. Counts are SafeInt (token sums pass 2^31 quickly).
 */
export abstract class UsageMeasures {
  [measure: string]: unknown;
}
function addMeasureFields(target: abstract new () => UsageMeasures): void {
  for (const m of measures) {
    const type = m.type === 'int' ? () => SafeInt : () => Float;
    Field(type, { nullable: !!m.nullable, description: `${m.description} (${m.unit})` })(target.prototype, m.name);
  }
}

@ObjectType({ description: 'Figures over a range.', simpleResolvers: true })
export class UsageTotals extends UsageMeasures {}

@ObjectType({ description: 'Figures of one time bucket.', simpleResolvers: true })
export class UsagePoint extends UsageMeasures {
  @Field(() => DateTime, { description: "The bucket's start, as an instant." }) bucket: Date;
}

@ObjectType({ description: 'Figures of one value of a dimension. key "(other)" holds everything outside the top rows; "(none)" events without a value.', simpleResolvers: true })
export class UsageBreakdownRow extends UsageMeasures {
  @Field({ description: "The dimension's value." }) key: string;
  @Field(() => String, { nullable: true, description: 'Its display name.' }) label: string | null;
}

@ObjectType('TimeRange', { description: 'The resolved half-open range [from, to) and the period it is compared with.' })
export class TimeRangeType {
  @Field(() => DateTime) from: Date;
  @Field(() => DateTime) to: Date;
  @Field() timezone: string;
  @Field(() => DateTime) previousFrom: Date;
  @Field(() => DateTime) previousTo: Date;
}

/** What `usage(filter)` returns: only the validated query; each field runs its own SQL when selected. */
@ObjectType({ description: 'Usage statistics for a filter. Each field is computed only when selected.' })
export class UsageStats {
  query: UsageQuery;
  @Field(() => TimeRangeType) range: TimeRangeType;
}

const scalarOf: Record<ColumnType, () => unknown> = { String: () => String, ID: () => ID, Int: () => Int, SafeInt: () => SafeInt, Float: () => Float, DateTime: () => DateTime };

/** A page's row type and page type, generated from the page catalog (the CSV uses the same columns). */
function pageTypes(page: Page) {
  const Row = { [page.typeName]: class {} }[page.typeName];
  for (const c of page.columns) Field(scalarOf[c.type] as () => never, { nullable: !!c.nullable, description: c.description })(Row.prototype, c.name);
  ObjectType(page.typeName, { simpleResolvers: true })(Row);

  const pageName = page.typeName.replace(/Row$/, 'Page');
  const PageType = { [pageName]: class { query: UsageQuery; rows: unknown[]; total: number } }[pageName];
  Field(() => [Row], { description: 'The rows of this page.' })(PageType.prototype, 'rows');
  Field(() => Int, { description: 'How many rows there are in all.' })(PageType.prototype, 'total');
  ObjectType(pageName, { description: `${page.name}: one row per ${page.dimension.toLowerCase().replace('_', '-')}; totals over the whole filter.` })(PageType);
  return { Row, PageType };
}

export const pageTypesByName = new Map(pages.map((p) => [p.name, pageTypes(p)]));
addMeasureFields(UsageTotals);
addMeasureFields(UsagePoint);
addMeasureFields(UsageBreakdownRow);

export type PageObject = { query: UsageQuery; rows: unknown[]; total: number };
