import type { Column } from '../../components/DataTable.vue';
import { formatCompact, formatDateTime, formatDuration, formatInteger, formatPercent, formatUsd } from '../../lib/format';
import type { Permission } from '../../lib/permissions';

/**
 * The four report pages: their contract columns in the contract's order, how each is formatted,
 * and which can be sorted (every numeric column; the server orders by its SCREAMING_CASE name).
 */
export type ReportName = 'agents' | 'users' | 'models' | 'sub-accounts';
type Row = Record<string, unknown>;

export interface ReportPage {
  name: ReportName;
  title: string;
  /** The CSV file of GET /v1/reports/<csv>.csv. */
  csv: string;
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  /** Needed to download the CSV (per-user data is not exported to viewers). */
  exportPermission: Permission;
}

export function screaming(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}
export function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const text = (key: string, label: string): Column<Row> => ({ key, label });
const measure = (key: string, label: string, format: (v: number | null) => string): Column<Row> => ({
  key, label, numeric: true, sortable: true, sortField: screaming(key), format: (v) => format(num(v)),
});
const usd = (key: string, label: string) => measure(key, label, formatUsd);
const count = (key: string, label: string) => measure(key, label, formatInteger);
const tokens = (key: string, label: string) => measure(key, label, formatCompact);
const ms = (key: string, label: string) => measure(key, label, formatDuration);
const rate = (key: string, label: string) => measure(key, label, (v) => formatPercent(v, 2));
const decimal = (key: string, label: string) => measure(key, label, (v) => (v == null ? '–' : v.toFixed(2)));
const none = (v: unknown) => (v == null ? '(none)' : String(v));

export const REPORT_PAGES: Record<ReportName, ReportPage> = {
  agents: {
    name: 'agents',
    title: 'By agent',
    csv: 'usage-by-agent',
    exportPermission: 'read',
    rowKey: (r) => none(r.agentId),
    columns: [
      { key: 'agentName', label: 'Agent', format: (v) => (v == null ? 'No agent' : String(v)) },
      text('agentId', 'Agent id'),
      text('modelUsed', 'Model used'),
      text('agentType', 'Type'),
      count('totalRuns', 'Runs'),
      count('totalSessions', 'Sessions'),
      decimal('avgRunsPerSession', 'Runs / session'),
      measure('creditsConsumed', 'Credits', formatCompact),
      tokens('inputTokensTotal', 'Input tokens'),
      tokens('outputTokensTotal', 'Output tokens'),
      ms('avgLatencyMs', 'Avg latency'),
      ms('p95LatencyMs', 'p95 latency'),
      rate('errorRate', 'Error rate'),
      usd('costUsd', 'Cost'),
    ],
  },
  users: {
    name: 'users',
    title: 'By user',
    csv: 'usage-by-user',
    exportPermission: 'export-per-user',
    rowKey: (r) => none(r.userId),
    columns: [
      { key: 'userEmail', label: 'Email', format: (v, r) => (v == null ? (r.userId == null ? 'No user' : '–') : String(v)) },
      text('role', 'Role'),
      text('userId', 'User id'),
      count('totalRuns', 'Runs'),
      count('agentsCreated', 'Agents created'),
      measure('creditsConsumed', 'Credits', formatCompact),
      tokens('inputTokensTotal', 'Input tokens'),
      tokens('outputTokensTotal', 'Output tokens'),
      usd('costUsd', 'Cost'),
      count('requests', 'Requests'),
      { key: 'lastActive', label: 'Last active', format: (v) => formatDateTime(v as string | null) },
    ],
  },
  models: {
    name: 'models',
    title: 'By model',
    csv: 'usage-by-model',
    exportPermission: 'read',
    rowKey: (r) => String(r.model),
    columns: [
      text('model', 'Model'),
      text('provider', 'Provider'),
      count('requests', 'Requests'),
      usd('costUsd', 'Cost'),
      rate('costShare', 'Cost share'),
      tokens('inputTokensTotal', 'Input tokens'),
      tokens('outputTokensTotal', 'Output tokens'),
      ms('avgLatencyMs', 'Avg latency'),
      ms('p95LatencyMs', 'p95 latency'),
      rate('errorRate', 'Error rate'),
      usd('costPerRequest', 'Cost / request'),
    ],
  },
  'sub-accounts': {
    name: 'sub-accounts',
    title: 'By sub-account',
    csv: 'usage-by-sub-account',
    exportPermission: 'read',
    rowKey: (r) => String(r.subAccountId),
    columns: [
      text('subAccountId', 'Sub-account id'),
      text('subAccountName', 'Name'),
      count('requests', 'Requests'),
      usd('costUsd', 'Cost'),
      measure('creditsConsumed', 'Credits', formatCompact),
      tokens('inputTokensTotal', 'Input tokens'),
      tokens('outputTokensTotal', 'Output tokens'),
      count('activeUsers', 'Active users'),
      rate('errorRate', 'Error rate'),
    ],
  },
};

/** The CSV header the contract promises: the row fields in snake_case, in order. */
export function csvHeader(page: ReportPage): string {
  return page.columns.map((c) => snake(c.key)).join(',');
}
