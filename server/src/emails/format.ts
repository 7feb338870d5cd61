/**
 * How figures read in emails and Slack: US dollars with cents (more digits below a cent),
 * grouped integers, rates as percentages. The same functions feed the HTML, the text part and
 * Slack, so the three always agree.
 */
export type FigureFormat = 'usd' | 'count' | 'percent' | 'ms';

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatUsd(v: number | null | undefined): string {
  if (v == null) return '–';
  const abs = Math.abs(v);
  const digits = abs !== 0 && abs < 0.01 ? 4 : 2;
  return `${v < 0 ? '-' : ''}$${abs.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

export function formatCount(v: number | null | undefined): string {
  return v == null ? '–' : grouped.format(v);
}

/** A fraction in [0, 1] as a percentage with one decimal. */
export function formatPercent(v: number | null | undefined): string {
  return v == null ? '–' : `${(v * 100).toFixed(1)}%`;
}

export function formatMs(v: number | null | undefined): string {
  if (v == null) return '–';
  return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${grouped.format(v)} ms`;
}

export function formatFigure(v: number | null | undefined, format: FigureFormat): string {
  switch (format) {
    case 'usd':
      return formatUsd(v);
    case 'percent':
      return formatPercent(v);
    case 'ms':
      return formatMs(v);
    default:
      return formatCount(v);
  }
}

/**
 * The change from `previous` to `current` as a signed fraction, or null when there is no base
 * to compare with (previous 0 or unknown). Rates compare in percentage points instead.
 */
export function relativeChange(current: number | null, previous: number | null): number | null {
  if (current == null || previous == null || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/** "+12.5%", "-3.0%", "+1.2 pp" for rates, "new" when there was nothing before, "±0%" when equal. */
export function formatChange(current: number | null, previous: number | null, format: FigureFormat): string {
  if (current == null || previous == null) return '–';
  if (format === 'percent') {
    const pp = (current - previous) * 100;
    return `${pp > 0 ? '+' : pp < 0 ? '-' : '±'}${Math.abs(pp).toFixed(1)} pp`;
  }
  if (previous === 0) return current === 0 ? '±0%' : 'new';
  const change = relativeChange(current, previous)!;
  return `${change > 0 ? '+' : change < 0 ? '-' : '±'}${Math.abs(change * 100).toFixed(1)}%`;
}
