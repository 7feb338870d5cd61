import { describe, expect, it } from 'vitest';
import { addToHistogram, histogramPercentile, latencyBin, type Histogram } from './latency-histogram.js';

describe('latency bins', () => {
  it('give a p95 within 1% of the exact nearest-rank value', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 20; run++) {
      const values = Array.from({ length: 2000 }, () => Math.round(50 + random() ** 3 * 20_000));
      const h: Histogram = new Map();
      for (const v of values) addToHistogram(h, latencyBin(v));
      const sorted = [...values].sort((a, b) => a - b);
      const exact = sorted[Math.ceil(0.95 * sorted.length) - 1];
      expect(Math.abs(histogramPercentile(h, 0.95)! - exact) / exact).toBeLessThanOrEqual(0.01);
    }
  });

  it('put sub-millisecond latencies at 0 and give null without data', () => {
    const h: Histogram = new Map();
    expect(histogramPercentile(h, 0.95)).toBeNull();
    addToHistogram(h, latencyBin(0));
    expect(histogramPercentile(h, 0.95)).toBe(0);
  });
});
