import type { UsageFilterInput } from '../filters/usage-filter';

/** The live window is its own time range: drop the filter's, keep the dimensions. */
export function liveFilter(filter: UsageFilterInput): UsageFilterInput {
  const { timeframe: _t, from: _f, to: _to, timezone: _tz, ...rest } = filter;
  return rest;
}
