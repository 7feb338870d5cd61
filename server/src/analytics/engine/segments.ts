/** A half-open instant range. */
export interface Span {
  from: Date;
  to: Date;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
// UTC weeks start on Monday; the epoch (1970-01-01) was a Thursday, Monday 1970-01-05 is 4 days on.
const MONDAY = 4 * DAY;
const floorTo = (t: number, step: number, offset = 0) => Math.floor((t - offset) / step) * step + offset;
const ceilTo = (t: number, step: number, offset = 0) => Math.ceil((t - offset) / step) * step + offset;

/**
 * Splits whole UTC days into whole UTC weeks (Monday to Monday, for a week-grain table) and the
 * days around them; all days stay days when there is no week table to read (`enabled` false).
 */
export function splitWeeks(days: Span[], enabled = true): { weeks: Span[]; days: Span[] } {
  if (!enabled) return { weeks: [], days };
  const out = { weeks: [] as Span[], days: [] as Span[] };
  for (const d of days) {
    const w0 = ceilTo(d.from.getTime(), WEEK, MONDAY);
    const w1 = floorTo(d.to.getTime(), WEEK, MONDAY);
    if (w0 >= w1) {
      out.days.push(d);
      continue;
    }
    out.weeks.push({ from: new Date(w0), to: new Date(w1) });
    if (d.from.getTime() < w0) out.days.push({ from: d.from, to: new Date(w0) });
    if (w1 < d.to.getTime()) out.days.push({ from: new Date(w1), to: d.to });
  }
  return out;
}

/**
 * Splits [from, to) into whole UTC days (for a day-grain table), whole UTC hours around them (for
 * an hour-grain table, when there is one) and what is left (for the raw table). A range in a
 * whole-hour-offset timezone (Berlin: 23:00 UTC to 23:00 UTC) becomes days plus edge hours.
 */
export function splitRange(from: Date, to: Date, grains: { day: boolean; hour: boolean }): { days: Span[]; hours: Span[]; raw: Span[] } {
  const out = { days: [] as Span[], hours: [] as Span[], raw: [] as Span[] };
  let rest: Span[] = [{ from, to }];
  if (grains.day) {
    const d0 = ceilTo(from.getTime(), DAY);
    const d1 = floorTo(to.getTime(), DAY);
    if (d0 < d1) {
      out.days.push({ from: new Date(d0), to: new Date(d1) });
      rest = [
        { from, to: new Date(d0) },
        { from: new Date(d1), to },
      ];
    }
  }
  for (const span of rest) {
    if (span.from.getTime() >= span.to.getTime()) continue;
    if (grains.hour) {
      const h0 = ceilTo(span.from.getTime(), HOUR);
      const h1 = floorTo(span.to.getTime(), HOUR);
      if (h0 < h1) {
        out.hours.push({ from: new Date(h0), to: new Date(h1) });
        if (span.from.getTime() < h0) out.raw.push({ from: span.from, to: new Date(h0) });
        if (h1 < span.to.getTime()) out.raw.push({ from: new Date(h1), to: span.to });
        continue;
      }
    }
    out.raw.push(span);
  }
  return out;
}
