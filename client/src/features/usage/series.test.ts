import { describe, expect, it } from 'vitest';
import { seriesColumns } from './series';

describe('series columns', () => {
  it('splits requests into successes and errors and labels days in the timezone', () => {
    const cols = seriesColumns(
      [
        { bucket: '2026-11-19T23:00:00.000Z', requests: 10, errors: 2, costUsd: 1.5, latencyP95Ms: 900 },
        { bucket: '2026-11-20T23:00:00.000Z', requests: 0, errors: 0, costUsd: 0, latencyP95Ms: null },
      ],
      { from: '2026-11-13T23:00:00.000Z', to: '2026-11-20T23:00:00.000Z', timezone: 'Europe/Berlin' },
    );
    expect(cols.labels).toEqual(['Nov 20', 'Nov 21']);
    expect(cols.successes).toEqual([8, 0]);
    expect(cols.errors).toEqual([2, 0]);
    expect(cols.p95).toEqual([900, null]);
  });

  it('labels hours for a range of a day', () => {
    const cols = seriesColumns([{ bucket: '2026-11-20T09:00:00.000Z', requests: 1, errors: 0, costUsd: 0 }], { from: '2026-11-20T00:00:00.000Z', to: '2026-11-21T00:00:00.000Z', timezone: 'UTC' });
    expect(cols.labels).toEqual(['09:00']);
  });
});
