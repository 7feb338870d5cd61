import type { DemoEvent, Incident } from './calls.js';
import { Prng } from './prng.js';
import { runSession, type ScenarioContext } from './scenarios.js';
import { allocate, hourWeights } from './seasonality.js';
import { buildWorld, MODELS } from './world.js';

export type { DemoEvent } from './calls.js';

/** The seed of the shipped demo; any other seed gives another, equally deterministic, dataset. */
export const DEMO_SEED = 42;
export const DEMO_DAYS = 90;

export interface DemoOptions {
  seed: number;
  /** Exactly this many events are generated. */
  count: number;
  /** Every event is stamped before this instant; the period is the `days` before it. */
  end: Date;
  days?: number;
}

/** The stable id of the n-th demo event: a re-run sends the same ids, so ingestion skips them. */
export const demoEventId = (seed: number, index: number) => `demo-${seed}-${index}`;

/**
 * Generates the demo events, lazily and deterministically: the same options always give the same
 * events in the same order (a seeded PRNG, no Math.random, no clock). Events are allocated to hour
 * slots by seasonality, and each slot is filled with whole sessions of Zipf-drawn users until its
 * quota is met (the last session of a slot may be cut short). `from` skips that many events
 * (they are still generated, so the rest stay identical), which is how an interrupted load resumes.
 */
export function* generateDemoEvents(options: DemoOptions, from = 0): Generator<DemoEvent> {
  const { seed, count, end } = options;
  const hours = (options.days ?? DEMO_DAYS) * 24;
  const { start, weights } = hourWeights(end, hours, seed);
  const perHour = allocate(count, weights);
  const ctx: ScenarioContext = { rng: Prng.derive(seed, 'sessions'), world: buildWorld(seed), incidents: incidents(seed, start, hours), end: end.getTime() };
  let index = 0;
  for (let h = 0; h < hours; h++) {
    const hourStart = start + h * 3_600_000;
    let quota = perHour[h];
    while (quota > 0) {
      const user = ctx.world.userPicker.pick(ctx.rng);
      const session = runSession(ctx, user, hourStart + ctx.rng.next() * 3_600_000);
      for (let i = 0; i < session.length && quota > 0; i++, quota--, index++) {
        if (index < from) continue;
        const event = session[i];
        event.id = demoEventId(seed, index);
        yield event;
      }
    }
  }
}

/** A handful of provider outages (1–3 hours of heavy 5xx) during working hours. */
function incidents(seed: number, start: number, hours: number): Incident[] {
  const rng = Prng.derive(seed, 'incidents');
  const providers = [...new Set(MODELS.map((m) => m.provider))];
  return Array.from({ length: 4 }, () => {
    const from = start + (Math.floor(rng.next() * (hours / 24)) * 24 + rng.int(8, 17)) * 3_600_000;
    return { from, to: from + rng.int(1, 3) * 3_600_000, provider: rng.pick(providers), rate: 0.35 };
  });
}
