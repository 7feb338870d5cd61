import { session } from '../../lib/session';
import { searchParamsFromFilter, type UsageFilterInput } from '../filters/usage-filter';

/**
 * Downloads a report CSV of exactly the current filter and order. A plain link cannot carry the
 * Authorization header, so the file is fetched and handed to the browser as a blob.
 */
export async function downloadReportCsv(csv: string, filter: UsageFilterInput, order: { field: string; direction: string }): Promise<void> {
  const params = searchParamsFromFilter(filter, { orderBy: order.field, direction: order.direction });
  const res = await fetch(`/v1/reports/${csv}.csv?${params}`, { headers: session.token ? { authorization: `Bearer ${session.token}` } : {} });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The export failed (${res.status}).`);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${csv}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
