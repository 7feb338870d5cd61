/**
 * The live tail as a reducer over subscription events (vue-urql's fold pattern): newest first,
 * at most `max` rows; while paused, new events only count up and are shown on resume.
 */
export interface TailEvent {
  id: string;
  skipped: number;
}
export interface TailState<E extends TailEvent> {
  rows: E[];
  /** Arrived while paused, not shown yet. */
  pending: E[];
  /** Events the server dropped because we read too slowly, plus those beyond `max` while paused. */
  missed: number;
}

export function emptyTail<E extends TailEvent>(): TailState<E> {
  return { rows: [], pending: [], missed: 0 };
}

export function foldTail<E extends TailEvent>(state: TailState<E>, event: E, opts: { max: number; paused: boolean }): TailState<E> {
  const missed = state.missed + event.skipped;
  if (opts.paused) {
    const pending = [event, ...state.pending];
    return { rows: state.rows, pending: pending.slice(0, opts.max), missed: missed + Math.max(0, pending.length - opts.max) };
  }
  return { rows: [event, ...state.rows].slice(0, opts.max), pending: [], missed };
}

export function resumeTail<E extends TailEvent>(state: TailState<E>, max: number): TailState<E> {
  return { rows: [...state.pending, ...state.rows].slice(0, max), pending: [], missed: state.missed };
}
