import { describe, expect, it } from 'vitest';
import { formatChange, formatCompact, formatDuration, formatInteger, formatPercent, formatUsd } from './format';

describe('formatting', () => {
  it('shows dollars with cents, and sub-cent amounts with significant digits', () => {
    expect(formatUsd(1234.5)).toBe('$1,234.50');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.004123)).toBe('$0.00412');
    expect(formatUsd(null)).toBe('–');
  });

  it('compacts token counts', () => {
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(12_345)).toBe('12.3K');
    expect(formatCompact(4_500_000)).toBe('4.5M');
    expect(formatInteger(1_234_567)).toBe('1,234,567');
  });

  it('formats durations from milliseconds', () => {
    expect(formatDuration(840)).toBe('840 ms');
    expect(formatDuration(1840)).toBe('1.84 s');
    expect(formatDuration(12_500)).toBe('12.5 s');
    expect(formatDuration(125_000)).toBe('2m 05s');
    expect(formatDuration(3_720_000)).toBe('1h 02m');
  });

  it('formats fractions as percentages and keeps tiny rates visible', () => {
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(formatPercent(0.0001)).toBe('<0.1%');
    expect(formatPercent(undefined)).toBe('–');
  });

  it('describes the change against the previous period', () => {
    expect(formatChange(110, 100)).toEqual({ text: '+10.0%', trend: 'up' });
    expect(formatChange(90, 100)).toEqual({ text: '−10.0%', trend: 'down' });
    expect(formatChange(5, 0)).toEqual({ text: 'new', trend: 'new' });
    expect(formatChange(0, 0)).toEqual({ text: '0%', trend: 'flat' });
  });
});
