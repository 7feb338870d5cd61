import { formatBucket } from '../../lib/format';

export interface SeriesPoint {
  bucket: string;
  requests: number;
  errors: number;
  costUsd: number;
  latencyP50Ms?: number | null;
  latencyP95Ms?: number | null;
  latencyP99Ms?: number | null;
}

/** Chart-ready columns from the API's series: labels fit the range, successes and errors stack. */
export function seriesColumns(points: SeriesPoint[], range: { from: string; to: string; timezone: string }) {
  const span = Date.parse(range.to) - Date.parse(range.from);
  return {
    labels: points.map((p) => formatBucket(p.bucket, span, range.timezone)),
    successes: points.map((p) => p.requests - p.errors),
    errors: points.map((p) => p.errors),
    cost: points.map((p) => p.costUsd),
    p50: points.map((p) => p.latencyP50Ms ?? null),
    p95: points.map((p) => p.latencyP95Ms ?? null),
    p99: points.map((p) => p.latencyP99Ms ?? null),
  };
}
