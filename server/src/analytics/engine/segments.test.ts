import { describe, expect, it } from 'vitest';
import { splitWeeks } from './segments.js';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (spans: { from: Date; to: Date }[]) => spans.map((x) => `${x.from.toISOString().slice(0, 10)}..${x.to.toISOString().slice(0, 10)}`);

describe('splitWeeks', () => {
  it('takes whole Monday-to-Monday UTC weeks and leaves the days around them', () => {
    // 2026-10-24 is a Saturday; 2026-10-26 and 2026-11-23 are Mondays.
    const out = splitWeeks([{ from: d('2026-10-24'), to: d('2026-11-25') }]);
    expect(iso(out.weeks)).toEqual(['2026-10-26..2026-11-23']);
    expect(iso(out.days)).toEqual(['2026-10-24..2026-10-26', '2026-11-23..2026-11-25']);
  });

  it('keeps days that hold no whole week', () => {
    const out = splitWeeks([{ from: d('2026-10-27'), to: d('2026-11-02') }]);
    expect(out.weeks).toEqual([]);
    expect(iso(out.days)).toEqual(['2026-10-27..2026-11-02']);
  });

  it('keeps exact week bounds without empty edges', () => {
    const out = splitWeeks([{ from: d('2026-11-02'), to: d('2026-11-16') }]);
    expect(iso(out.weeks)).toEqual(['2026-11-02..2026-11-16']);
    expect(out.days).toEqual([]);
  });
});
