/**
 * One place for how numbers look, so a cost or a latency reads the same on every panel.
 * Pure functions (unit-tested in format.test.ts); `null`/`undefined` render as an en dash.
 */
const DASH = '–';
const locale = 'en-US';

const usdCents = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdSmall = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumSignificantDigits: 3 });
const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });

type Num = number | null | undefined;
const missing = (v: Num): v is null | undefined => v === null || v === undefined || Number.isNaN(v);

/** US dollars; sub-cent amounts keep three significant digits ($0.00412) instead of showing $0.00. */
export function formatUsd(v: Num): string {
  if (missing(v)) return DASH;
  if (v !== 0 && Math.abs(v) < 0.01) return usdSmall.format(v);
  return usdCents.format(v);
}

/** Token and request counts: 950, 12.3K, 4.5M. */
export function formatCompact(v: Num): string {
  if (missing(v)) return DASH;
  return Math.abs(v) < 1000 ? integer.format(v) : compact.format(v);
}

/** Exact integer with grouping, for tables where precision matters: 1,234,567. */
export function formatInteger(v: Num): string {
  return missing(v) ? DASH : integer.format(v);
}

/** Milliseconds as 840 ms, 1.84 s, 2m 05s, 1h 02m. */
export function formatDuration(ms: Num): string {
  if (missing(ms)) return DASH;
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(ms)} ms`;
  if (abs < 60_000) return `${(ms / 1000).toFixed(abs < 10_000 ? 2 : 1)} s`;
  const totalSeconds = Math.round(abs / 1000);
  const sign = ms < 0 ? '-' : '';
  if (totalSeconds < 3600) return `${sign}${Math.floor(totalSeconds / 60)}m ${String(totalSeconds % 60).padStart(2, '0')}s`;
  const minutes = Math.floor(totalSeconds / 60);
  return `${sign}${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** A fraction in [0, 1] as a percentage: 0.1234 → 12.3%; tiny non-zero values stay visible (<0.1%). */
export function formatPercent(fraction: Num, digits = 1): string {
  if (missing(fraction)) return DASH;
  if (fraction > 0 && fraction * 100 < 10 ** -digits) return `<${(10 ** -digits).toFixed(digits)}%`;
  return `${(fraction * 100).toFixed(digits)}%`;
}

export type Trend = 'up' | 'down' | 'flat' | 'new';

/** Change of a figure against the previous period, as shown under each KPI tile. */
export function formatChange(current: Num, previous: Num): { text: string; trend: Trend } {
  if (missing(current) || missing(previous)) return { text: DASH, trend: 'flat' };
  if (previous === 0) return current === 0 ? { text: '0%', trend: 'flat' } : { text: 'new', trend: 'new' };
  const change = (current - previous) / Math.abs(previous);
  if (Math.abs(change) < 0.0005) return { text: '0%', trend: 'flat' };
  const sign = change > 0 ? '+' : '−';
  return { text: `${sign}${Math.abs(change * 100).toFixed(1)}%`, trend: change > 0 ? 'up' : 'down' };
}

/** An instant in the chosen timezone, e.g. "Nov 20, 09:14". */
export function formatDateTime(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return DASH;
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(new Date(iso));
}

/** A chart bucket label that fits the granularity: hours for ranges of a few days, dates otherwise. */
export function formatBucket(iso: string, spanMs: number, timeZone?: string): string {
  const d = new Date(iso);
  if (spanMs <= 2 * 86_400_000) return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(d);
  if (spanMs <= 93 * 86_400_000) return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone }).format(d);
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone }).format(d);
}
