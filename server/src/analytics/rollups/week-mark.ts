import type { PoolClient } from '../../db/pool.js';
import { cubes, rollUpSelect, sameDims, type Cube } from './cubes.js';

/**
 * Week twins (`rollup_user_week`, …) hold whole UTC weeks before the *week mark* only; the weeks
 * from the mark on live in their day twins alone, and are built into the week twin when they close.
 *
 * Why: a live stream's events all fall in the current week, and a fold upserting them into each
 * week twin as well as its day twin paid for the same keys twice. Reads lose nothing: a range's
 * whole weeks are almost always closed ones (a range ending today holds the current week whole
 * only on Sundays), and the planner reads the days of any week at or after the mark instead.
 *
 * Invariants, under the fold lock: a week twin's rows of weeks before the mark hold every folded
 * event of those weeks (a fold adds its events of such weeks, late ones included); rows at or
 * after the mark are ignored by reads. Closing (the first fold of a new UTC week) rebuilds the
 * weeks between the old mark and the new one from the day twin, which then holds every folded
 * event, and moves the mark, in the fold's transaction: a reader sees both or neither. A missing
 * mark row reads as "no week is closed": reads take days, and the next fold rebuilds every week.
 */
export const WEEK_MARK_TABLE = 'rollup_week_mark';

/** The mark as SQL; -infinity when the table is empty (no week is closed). */
export const WEEK_MARK = `(select coalesce(max(week), '-infinity') from ${WEEK_MARK_TABLE})`;

export const weekMarkDdl = [
  `create table ${WEEK_MARK_TABLE} (week timestamptz not null, one boolean primary key default true check (one))`,
  // Week twins filled until now hold every folded event of every week: any mark is true of them.
  `insert into ${WEEK_MARK_TABLE} (week) values (date_trunc('week', now(), 'UTC'))`,
];

/** Each week twin with the day twin it is built from (same kind and key). */
export const weekTwins: { week: Cube; day: Cube }[] = cubes
  .filter((c) => c.grain === 'week')
  .map((week) => {
    const day = cubes.find((d) => d.grain === 'day' && d.kind === week.kind && sameDims(d, week));
    if (!day) throw new Error(`week twin ${week.name} has no day twin`);
    return { week, day };
  });

/** Is a close due? SQL true once the current UTC week starts after the mark. */
export const WEEK_CLOSE_DUE = `${WEEK_MARK} < date_trunc('week', now(), 'UTC')`;

/**
 * Closes every week between the mark and the current UTC week: each week twin's rows of those weeks
 * are rebuilt from its day twin (every folded event), and the mark moves. Run by a fold, under its
 * lock, before it folds: its own events of the closed weeks then go to the week twins directly.
 */
export async function closeWeeks(client: PoolClient): Promise<void> {
  const range = `e.day >= ${WEEK_MARK} and e.day < date_trunc('week', now(), 'UTC')`;
  for (const { week, day } of weekTwins) {
    await client.query(`delete from ${week.name} where week >= ${WEEK_MARK} and week < date_trunc('week', now(), 'UTC')`);
    await client.query(`insert into ${week.name} ${rollUpSelect(week, day.name, 'day', range)}`);
  }
  await client.query(`insert into ${WEEK_MARK_TABLE} (week) values (date_trunc('week', now(), 'UTC')) on conflict (one) do update set week = excluded.week`);
}
