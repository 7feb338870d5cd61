/**
 * The analytics engine's public API. Other modules (live, reports, alerts) import from here only.
 *
 *   const q = await resolveFilter(pool, scopeOf(principal), filterInput, clock); // validated + scoped
 *   const totals = await queryTotals(pool, q, ['requests', 'costUsd']);           // only what you name
 *   const live = await queryTotals(pool, withRange(q, from, to), [...]);          // any other window
 *   const where = compileFilter(q, 'e');  // { sql, values } conditions over usage_event e (no time)
 */
export { measures, measureByName, screaming, snake, type Measure } from './catalog/measures.js';
export { dimensions, dimensionByName, type DimensionName } from './catalog/dimensions.js';
export { pages, pageByName, pageByCsv, type Page } from './catalog/pages.js';
export { orderFields, DEFAULT_ORDER, type UsageOrder, type Direction } from './catalog/order.js';
export { resolveFilter, buildQuery, withRange, loadOrganizations, statusClasses, type StatusClass, type UsageFilterInput, type UsageQuery } from './query.js';
export { resolveTimeRange, resolveGranularity, bucketStarts, timeframes, granularities, MAX_RANGE_DAYS, type Timeframe, type Granularity, type TimeRange } from './time-range.js';
export { queryTotals, querySeries, queryBreakdown, queryPage, queryAllPageRows, allMeasures, OTHER_KEY, NONE_KEY, type MeasureValues } from './queries.js';
export { compileFilter } from './sql/compile-filter.js';
export { setStatementHook } from './engine/run.js';
export { eventEnd } from './rollups/spans.js';
