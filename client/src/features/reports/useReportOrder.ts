import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { SortState } from '../../components/DataTable.vue';

export const PAGE_SIZE = 25;

/**
 * Sort order and page number of a report table, in the URL next to the filter
 * (`orderBy=REQUESTS&direction=ASC&page=2`) so a shared link shows the same rows. Without them
 * the table's own default order applies (COST_USD DESC for the report pages).
 */
export function useReportOrder(defaults: SortState = { field: 'COST_USD', direction: 'DESC' }) {
  const route = useRoute();
  const router = useRouter();
  const sort = computed<SortState>(() => {
    const field = typeof route.query.orderBy === 'string' && /^[A-Z0-9_]+$/.test(route.query.orderBy) ? route.query.orderBy : defaults.field;
    const direction = route.query.direction === 'ASC' || route.query.direction === 'DESC' ? route.query.direction : defaults.direction;
    return { field, direction };
  });
  const page = computed(() => Math.max(1, Number.parseInt(String(route.query.page ?? '1'), 10) || 1));

  function setSort(next: SortState) {
    const { page: _page, ...rest } = route.query;
    void router.push({ query: { ...rest, orderBy: next.field, direction: next.direction } });
  }
  function setPage(n: number) {
    void router.push({ query: { ...route.query, page: n > 1 ? String(n) : undefined } });
  }
  return { sort, page, setSort, setPage };
}
