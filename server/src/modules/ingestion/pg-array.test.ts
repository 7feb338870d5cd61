import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { arrayLiteral } from './pg-array.js';

// node-postgres's own encoder is the reference: the bulk insert used to hand it plain JS arrays.
const pgUtils = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue(v: unknown): string };
const reference = (values: unknown[]) => pgUtils.prepareValue(values);

describe('PostgreSQL array literals', () => {
  it('match what node-postgres sends for the same values', () => {
    const texts = ['plain', '', 'NULL', 'with "quotes"', 'back\\slash', '{braces},commas', ' spaced ', 'ünïcødé 🚀', 'line\nbreak', '2026-11-20T09:14:03.120Z', '{"environment":"production"}', null, undefined];
    expect(arrayLiteral(texts, 'text')).toBe(reference(texts));
    const numbers = [0, 1, -1, 2_147_483_647, 123_456_789_012, null, 42, undefined];
    expect(arrayLiteral(numbers, 'number')).toBe(reference(numbers));
    const booleans = [true, false, null, true];
    expect(arrayLiteral(booleans, 'boolean')).toBe(reference(booleans));
    expect(arrayLiteral([], 'text')).toBe(reference([]));
  });
});
