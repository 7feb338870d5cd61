/**
 * PostgreSQL array literals for the bulk insert's `unnest($n::type[])` parameters, built
 * directly. node-postgres would build the same text from a JS array, but through a generic
 * per-element path (type checks, two regex replaces per string) that cost ~5 µs an event over
 * 29 columns; this costs about a third. `pg-array.test.ts` checks the output against pg's own.
 */
export type ArrayEncoding = 'number' | 'boolean' | 'text';

export function encodingOf(sqlType: string): ArrayEncoding {
  if (sqlType === 'boolean') return 'boolean';
  if (sqlType === 'int' || sqlType === 'smallint' || sqlType === 'bigint') return 'number';
  return 'text';
}

const NEEDS_ESCAPE = /["\\]/;

export function arrayLiteral(values: readonly unknown[], encoding: ArrayEncoding): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (encoding === 'text') {
      const s = String(v);
      out += NEEDS_ESCAPE.test(s) ? `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : `"${s}"`;
    } else if (encoding === 'boolean') out += v ? '"true"' : '"false"';
    else out += `"${String(v)}"`;
  }
  return out + '}';
}
