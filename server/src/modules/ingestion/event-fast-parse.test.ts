import { describe, expect, it } from 'vitest';
import { generateDemoEvents } from '../demo/generator.js';
import { usageEventSchema } from './event.schema.js';
import { fastPathEnabled, parseEventFast } from './event-fast-parse.js';

const INT32 = 2_147_483_647;
const str = (n: number, c = 'a') => c.repeat(n);
const base = { id: 'evt-1', timestamp: '2026-11-20T09:14:03.120Z', model: 'gpt-4o-mini', inputTokens: 1200, outputTokens: 340 };

/** Boundary and odd values for each field: both paths must agree on every one of them. */
const idValues = (max: number) => [undefined, null, '', ' ', 'x', ' x', 'x ', '\u00a0x', 'x\n', '\tx', str(max), str(max + 1), ` ${str(max)}`, 'é', 'ünï', 5, true, {}, []];
const textValues = (max: number) => [undefined, null, '', ' padded ', str(max), str(max + 1), 7, false];
const countValues = [undefined, null, 0, -0, 1, -1, 1.5, INT32, INT32 + 1, '12', NaN, Infinity, true];
const boolValues = [undefined, null, true, false, 0, 1, 'true'];
const cases: Record<string, unknown[]> = {
  id: idValues(200),
  timestamp: [undefined, null, '2026-11-20T09:14:03Z', '2026-11-20T09:14:03.1234567+01:00', '2026-11-20T09:14:03', '2026-11-20', '2026-02-30T00:00:00Z', '2028-02-29T00:00:00Z', '2026-11-20 09:14:03Z', ' 2026-11-20T09:14:03Z', 1_700_000_000_000],
  model: idValues(200),
  provider: idValues(100),
  status: [undefined, null, 99, 100, 200, 429, 599, 600, 200.5, '200'],
  error: textValues(2000),
  inputTokens: countValues,
  outputTokens: countValues,
  cachedInputTokens: [...countValues, 1200, 1201],
  cacheWriteTokens: [...countValues, 1200, 1201],
  costUsd: [undefined, null, 0, -0.01, 0.000123, 1_000_000, 1_000_001, NaN, Infinity, '0.1'],
  latencyMs: countValues,
  ttftMs: countValues,
  userId: idValues(200),
  userEmail: [undefined, null, 'ana@acme.test', 'Ana.Silva+x@acme.test', 'ana@acme', '@acme.test', 'ana@acme.test ', `${str(310)}@acme.test`, `${str(311)}@acme.test`, 3],
  userName: textValues(200),
  teamId: idValues(200),
  agentId: idValues(200),
  agentName: textValues(200),
  agentType: idValues(100),
  runId: idValues(200),
  sessionId: idValues(200),
  sessionName: textValues(200),
  subAccountId: idValues(200),
  feature: idValues(100),
  promptId: idValues(200),
  tools: [undefined, null, [], ['search_kb'], ['a', 'b'], [' a'], [''], [null], [1], [str(100)], [str(101)], Array(100).fill('t'), Array(101).fill('t'), 'search_kb', {}],
  cacheHit: boolValues,
  threat: boolValues,
  outputChars: countValues,
  properties: [
    undefined,
    null,
    {},
    { environment: 'production' },
    { 'a.b:c-d_e': 'x' },
    { 'bad key': 'x' },
    { [str(64)]: 'x' },
    { [str(65)]: 'x' },
    { k: str(1000) },
    { k: str(1001) },
    { k: 1 },
    { k: null },
    Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])),
    Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])),
    JSON.parse('{"__proto__": "x", "a": "b"}'),
    ['a'],
    'environment=production',
  ],
};

function expectSameAsZod(input: unknown): boolean {
  const fast = parseEventFast(input);
  const zod = usageEventSchema.safeParse(input);
  if (fast !== null) {
    expect(zod.success, `zod rejects what the fast path accepted: ${JSON.stringify(input)?.slice(0, 300)}`).toBe(true);
    expect(fast).toEqual(zod.data); // toEqual treats an undefined property like an absent one
  }
  return fast !== null;
}

describe('the fast event parser', () => {
  it('covers exactly the fields of the schema, so it is switched on', () => {
    expect(fastPathEnabled).toBe(true);
  });

  it('agrees with zod on boundary and odd values of every field', () => {
    let accepted = 0;
    let total = 0;
    for (const [field, values] of Object.entries(cases)) {
      for (const value of values) {
        total++;
        if (expectSameAsZod({ ...base, [field]: value })) accepted++;
      }
    }
    // Both outcomes are exercised: many cases go the fast way, the rest fall back to zod.
    expect(accepted).toBeGreaterThan(total / 3);
    expect(accepted).toBeLessThan(total);
  });

  it('drops unknown fields as zod does, and hands anything that is not an object to zod', () => {
    expect(expectSameAsZod({ ...base, somethingNew: 1, nested: { a: 1 } })).toBe(true);
    for (const odd of [null, undefined, 1, 'event', [base], true]) expect(parseEventFast(odd)).toBeNull();
  });

  it('takes the fast way for every generated demo event, with the very values zod returns', () => {
    const events = [...generateDemoEvents({ seed: 7, count: 3_000, end: new Date('2026-11-20T00:00:00Z') })].map((e) => JSON.parse(JSON.stringify(e)));
    expect(events.every((e) => expectSameAsZod(e))).toBe(true);
  });
});
