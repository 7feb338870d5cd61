import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { filterFromQuery, isFilterParam, queryFromFilter, type UsageFilterInput } from './usage-filter';

/**
 * The usage filter of the current page, owned by the URL: links can be shared, back and forward
 * work, a reload keeps the view. `update` pushes a history entry; page-specific parameters (sort
 * order) are kept, and the page number goes back to the first page because the rows changed.
 */
export function useUsageFilter() {
  const route = useRoute();
  const router = useRouter();
  const filter = computed<UsageFilterInput>(() => filterFromQuery(route.query));

  function pageParams(): Record<string, string | string[]> {
    const kept: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(route.query)) {
      if (isFilterParam(k) || k === 'page' || v == null) continue;
      kept[k] = Array.isArray(v) ? v.filter((x): x is string => x != null) : v;
    }
    return kept;
  }

  function update(patch: Partial<UsageFilterInput>) {
    const next: UsageFilterInput = { ...filter.value, ...patch };
    if (next.timeframe !== 'CUSTOM') {
      delete next.from;
      delete next.to;
    }
    return router.push({ query: { ...pageParams(), ...queryFromFilter(next) } });
  }

  function reset() {
    return router.push({ query: pageParams() });
  }

  return { filter, update, reset };
}
