/**
 * Latencies in log-spaced bins: bin i holds [RATIO^i, RATIO^(i+1)) ms, bin -1 holds latencies
 * under 1 ms. A percentile read from the bins is the bin's geometric middle, so it is within
 * sqrt(RATIO) - 1 ≈ 1% of the latency at that rank (the contract allows 2%). The live windows keep
 * these bins per time bucket: merging and expiring them is cheap, sorting raw latencies is not.
 */
export const LATENCY_RATIO = 1.02;
const LOG_RATIO = Math.log(LATENCY_RATIO);

export function latencyBin(ms: number): number {
  return ms < 1 ? -1 : Math.floor(Math.log(ms) / LOG_RATIO);
}

/** The same bin in SQL, for the initial state read from usage_event (alias `e`). */
export const latencyBinSql = (alias: string) =>
  `case when ${alias}.latency_ms is null then null when ${alias}.latency_ms < 1 then -1 else floor(ln(${alias}.latency_ms) / ln(${LATENCY_RATIO}))::int end`;

function binValue(bin: number): number {
  return bin < 0 ? 0 : Math.pow(LATENCY_RATIO, bin + 0.5);
}

/** Bin → count. */
export type Histogram = Map<number, number>;

export function addToHistogram(into: Histogram, bin: number, count = 1): void {
  into.set(bin, (into.get(bin) ?? 0) + count);
}

/**
 * The nearest-rank percentile (q in (0, 1]) of the binned latencies, in ms rounded to 0.1;
 * null without any latency.
 */
export function histogramPercentile(histogram: Histogram, q: number): number | null {
  let total = 0;
  for (const c of histogram.values()) total += c;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  const bins = [...histogram.keys()].sort((a, b) => a - b);
  let seen = 0;
  for (const bin of bins) {
    seen += histogram.get(bin)!;
    if (seen >= rank) return Math.round(binValue(bin) * 10) / 10;
  }
  return Math.round(binValue(bins[bins.length - 1]) * 10) / 10;
}
