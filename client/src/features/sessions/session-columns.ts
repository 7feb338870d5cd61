import type { Column } from '../../components/DataTable.vue';
import type { SessionOrderField } from '../../gql/graphql';
import { formatDateTime, formatDuration, formatInteger, formatUsd } from '../../lib/format';

/** The sessions list's columns; the sortable ones name their `SessionOrderField`. */
export interface SessionListRow extends Record<string, unknown> {
  sessionId: string;
  sessionName?: string | null;
  userId?: string | null;
  agentId?: string | null;
  subAccountId?: string | null;
  firstEventAt: string;
  lastEventAt: string;
  durationMs: number;
  requests: number;
  errors: number;
  costUsd: number;
  totalTokens: number;
}

export interface SessionEventRow extends Record<string, unknown> {
  eventId: string;
  ts: string;
  model: string;
  status: number;
  error?: string | null;
  latencyMs?: number | null;
  costUsd?: number | null;
  cacheHit: boolean;
  totalTokens: number;
  userId?: string | null;
  agentId?: string | null;
  runId?: string | null;
}

export const SESSION_ORDER_FIELDS = ['LAST_ACTIVE', 'COST_USD', 'REQUESTS', 'DURATION'] as const satisfies readonly SessionOrderField[];
export const DEFAULT_SESSION_SORT = { field: 'LAST_ACTIVE', direction: 'DESC' } as const;

/** The order the list asks for: the URL's, unless it names an order the sessions list does not know (a report page's, kept in a link). */
export function sessionOrder(sort: { field: string; direction: 'ASC' | 'DESC' }): { field: SessionOrderField; direction: 'ASC' | 'DESC' } {
  return (SESSION_ORDER_FIELDS as readonly string[]).includes(sort.field) ? { field: sort.field as SessionOrderField, direction: sort.direction } : DEFAULT_SESSION_SORT;
}

const text = (v: unknown) => (v == null || v === '' ? '–' : String(v));
const dateTime = (timeZone?: string) => (v: unknown) => formatDateTime(v as string | null, timeZone);

export function sessionColumns(timeZone?: string): Column<SessionListRow>[] {
  return [
    { key: 'sessionId', label: 'Session', format: (_v, r) => r.sessionName ?? r.sessionId },
    { key: 'userId', label: 'User', format: text },
    { key: 'agentId', label: 'Agent', format: text },
    { key: 'lastEventAt', label: 'Last active', sortable: true, sortField: 'LAST_ACTIVE', format: dateTime(timeZone) },
    { key: 'durationMs', label: 'Duration', numeric: true, sortable: true, sortField: 'DURATION', format: (v) => formatDuration(v as number) },
    { key: 'requests', label: 'Requests', numeric: true, sortable: true, sortField: 'REQUESTS', format: (v) => formatInteger(v as number) },
    { key: 'errors', label: 'Errors', numeric: true, format: (v) => formatInteger(v as number) },
    { key: 'totalTokens', label: 'Tokens', numeric: true, format: (v) => formatInteger(v as number) },
    { key: 'costUsd', label: 'Cost', numeric: true, sortable: true, sortField: 'COST_USD', format: (v) => formatUsd(v as number) },
  ];
}

export function sessionEventColumns(timeZone?: string): Column<SessionEventRow>[] {
  return [
    { key: 'ts', label: 'Time', format: (v) => formatTime(v as string, timeZone) },
    { key: 'model', label: 'Model' },
    { key: 'status', label: 'Status', numeric: true, format: (v, r) => (r.error ? `${v} ${r.error}` : String(v)) },
    { key: 'latencyMs', label: 'Latency', numeric: true, format: (v) => formatDuration(v as number | null) },
    { key: 'totalTokens', label: 'Tokens', numeric: true, format: (v) => formatInteger(v as number) },
    { key: 'costUsd', label: 'Cost', numeric: true, format: (v, r) => (r.cacheHit ? `${formatUsd(v as number | null)} (cache hit)` : formatUsd(v as number | null)) },
    { key: 'userId', label: 'User', format: text },
    { key: 'agentId', label: 'Agent', format: text },
    { key: 'runId', label: 'Run', format: text },
  ];
}

/** An event's start with seconds: events of one session are often seconds apart. */
export function formatTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone }).format(new Date(iso));
}
