import type { Column } from '../../components/DataTable.vue';
import { formatCompact, formatDuration, formatPercent, formatUsd } from '../../lib/format';

/** Breakdown measure columns, formatted the same way everywhere. */
type Row = Record<string, unknown>;
const n = (v: unknown) => (typeof v === 'number' ? v : null);
const col = (key: string, label: string, f: (v: number | null) => string): Column<Row> => ({ key, label, numeric: true, format: (v) => f(n(v)) });

export const MEASURE_COLUMNS = {
  requests: col('requests', 'Requests', formatCompact),
  costUsd: col('costUsd', 'Cost', formatUsd),
  totalTokens: col('totalTokens', 'Tokens', formatCompact),
  errorRate: col('errorRate', 'Error rate', (v) => formatPercent(v, 2)),
  latencyP95Ms: col('latencyP95Ms', 'p95 latency', formatDuration),
  sessions: col('sessions', 'Sessions', formatCompact),
  avgSessionDurationMs: col('avgSessionDurationMs', 'Avg session', formatDuration),
  avgCostPerSession: col('avgCostPerSession', 'Cost / session', formatUsd),
  agentRuns: col('agentRuns', 'Runs', formatCompact),
  agentSuccessRate: col('agentSuccessRate', 'Success rate', (v) => formatPercent(v, 1)),
  activeUsers: col('activeUsers', 'Users', formatCompact),
};
