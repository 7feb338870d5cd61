import { formatChange, formatCompact, formatDuration, formatPercent, formatUsd, type Trend } from '../../lib/format';

/** The subset of UsageTotals a KPI tile reads (see the KpiFigures fragment). */
export interface KpiFigures {
  requests: number;
  costUsd: number;
  latencyAvgMs?: number | null;
  latencyP95Ms?: number | null;
  errorRate: number;
  activeUsers: number;
  sessions: number;
  avgCostPerSession?: number | null;
  threats: number;
}

export interface KpiTile {
  id: keyof KpiFigures;
  label: string;
  value: string;
  /** The raw number, for tests and for the e2e suite that compares with the API. */
  raw: number | null;
  change: string;
  trend: Trend;
  /** Whether a rise is good news (colours the change): more requests yes, more errors no. */
  higherIsBetter: boolean | null;
}

const TILES: { id: keyof KpiFigures; label: string; format: (v: number | null | undefined) => string; higherIsBetter: boolean | null }[] = [
  { id: 'requests', label: 'Requests', format: formatCompact, higherIsBetter: null },
  { id: 'costUsd', label: 'Cost', format: formatUsd, higherIsBetter: null },
  { id: 'latencyAvgMs', label: 'Avg latency', format: formatDuration, higherIsBetter: false },
  { id: 'latencyP95Ms', label: 'p95 latency', format: formatDuration, higherIsBetter: false },
  { id: 'errorRate', label: 'Error rate', format: (v) => formatPercent(v, 2), higherIsBetter: false },
  { id: 'activeUsers', label: 'Active users', format: formatCompact, higherIsBetter: true },
  { id: 'sessions', label: 'Sessions', format: formatCompact, higherIsBetter: true },
  { id: 'avgCostPerSession', label: 'Cost per session', format: formatUsd, higherIsBetter: false },
  { id: 'threats', label: 'Threats', format: formatCompact, higherIsBetter: false },
];

/** The overview's KPI tiles: each figure and its change against the previous period. */
export function kpiTiles(totals: KpiFigures, previous: KpiFigures): KpiTile[] {
  return TILES.map(({ id, label, format, higherIsBetter }) => {
    const raw = totals[id] ?? null;
    const { text, trend } = formatChange(raw, previous[id] ?? null);
    return { id, label, value: format(raw), raw, change: text, trend, higherIsBetter };
  });
}

/** Whether a change is good, bad or neutral news, for its colour. */
export function changeTone(tile: Pick<KpiTile, 'trend' | 'higherIsBetter'>): 'good' | 'bad' | 'neutral' {
  if (tile.higherIsBetter === null || (tile.trend !== 'up' && tile.trend !== 'down')) return 'neutral';
  return (tile.trend === 'up') === tile.higherIsBetter ? 'good' : 'bad';
}
