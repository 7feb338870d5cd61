import { describe, expect, it } from 'vitest';
import { emptyTail, foldTail, resumeTail } from './tail';

const ev = (id: string, skipped = 0) => ({ id, skipped });

describe('the live tail reducer', () => {
  it('keeps the newest events first, at most max', () => {
    let s = emptyTail<ReturnType<typeof ev>>();
    for (const id of ['a', 'b', 'c']) s = foldTail(s, ev(id), { max: 2, paused: false });
    expect(s.rows.map((r) => r.id)).toEqual(['c', 'b']);
  });

  it('holds events while paused and shows them on resume', () => {
    let s = foldTail(emptyTail(), ev('a'), { max: 10, paused: false });
    s = foldTail(s, ev('b'), { max: 10, paused: true });
    s = foldTail(s, ev('c'), { max: 10, paused: true });
    expect(s.rows.map((r) => r.id)).toEqual(['a']);
    expect(s.pending).toHaveLength(2);
    s = resumeTail(s, 10);
    expect(s.rows.map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(s.pending).toEqual([]);
  });

  it('counts what the server skipped', () => {
    const s = foldTail(emptyTail(), ev('a', 5), { max: 10, paused: false });
    expect(s.missed).toBe(5);
  });
});
