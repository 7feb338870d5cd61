import type { Services } from '../../app/services.js';
import type { Logger } from '../../shared/logger.js';
import type { Principal } from '../accounts/access.js';
import { ensureDemoAccounts, findDemoOrganization } from './demo-accounts.js';
import { DEMO_SEED, generateDemoEvents, type DemoEvent } from './generator.js';

export interface DemoLoadOptions {
  /** How many events the demo should hold (config DEMO_EVENTS). */
  events: number;
  seed?: number;
  /** Events per ingest call; 5,000 keeps each transaction short and memory flat. */
  batchSize?: number;
  /** Aborting stops after the batch in flight has committed. */
  signal?: AbortSignal;
  log: Logger;
  /** The end of the demo period when a load starts afresh; defaults to the services' clock. */
  now?: Date;
  /** Called after every committed batch (the seed script draws a progress line with it). */
  onProgress?: (progress: DemoProgress) => void;
}

export interface DemoProgress {
  loaded: number;
  total: number;
  eventsPerSecond: number;
}

export interface DemoLoadResult {
  status: 'loaded' | 'already-loaded' | 'aborted';
  tenantId: number;
  total: number;
  /** Events sent in this run, and what ingestion said about them. */
  sent: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  ms: number;
}

interface Marker {
  seed: number;
  event_count: number;
  period_end: Date;
  loaded: number;
  completed_at: Date | null;
}

const PROGRESS_LOG_MS = 5_000;

/**
 * Loads the demo dataset into the first organization through the ordinary bulk ingest path
 * (`services.ingestion.ingest`), so validation, pricing, dimensions and every summary table are
 * maintained exactly as for real traffic. Idempotent: a finished load is skipped by its marker,
 * and an interrupted one resumes where it stopped with the same period end (the events are
 * regenerated identically and their stable ids make any overlap a no-op).
 */
export async function loadDemoData(services: Services, options: DemoLoadOptions): Promise<DemoLoadResult> {
  const started = performance.now();
  const { log } = options;
  const org = await findDemoOrganization(services.orm.em.fork());
  const marker = await claimMarker(services, org.id, options);
  const total = marker.event_count;
  const result: DemoLoadResult = { status: 'already-loaded', tenantId: org.id, total, sent: 0, accepted: 0, duplicates: 0, rejected: 0, ms: 0 };
  if (marker.completed_at) {
    log.info({ tenantId: org.id, events: total }, 'demo data already loaded');
    return result;
  }
  if (marker.seed !== (options.seed ?? DEMO_SEED) || total !== options.events) {
    log.info({ seed: marker.seed, events: total }, 'resuming the demo load that was started with these settings');
  }
  await ensureDemoAccounts(services, org);

  // An internal principal: ingest rights on the organization, as an API key of its own would have.
  const principal: Principal = { kind: 'apiKey', apiKeyId: 0, scopes: ['INGEST'], orgId: org.id, tenantId: org.id, isSubAccount: false };
  const batchSize = options.batchSize ?? 5_000;
  let loaded = marker.loaded;
  let lastLog = performance.now();
  log.info({ tenantId: org.id, from: loaded, total, periodEnd: marker.period_end }, 'loading demo data in the background');

  const send = async (batch: DemoEvent[]) => {
    const r = await services.ingestion.ingest(principal, batch);
    result.sent += batch.length;
    result.accepted += r.accepted;
    result.duplicates += r.duplicates;
    result.rejected += r.rejected.length;
    if (r.rejected.length) log.warn({ first: r.rejected[0], count: r.rejected.length }, 'demo events were rejected (a generator bug)');
    loaded += batch.length;
    await services.pool.query(`update demo_dataset set loaded = greatest(loaded, $2) where tenant_id = $1`, [org.id, loaded]);
    const eventsPerSecond = Math.round(result.sent / ((performance.now() - started) / 1000));
    options.onProgress?.({ loaded, total, eventsPerSecond });
    if (performance.now() - lastLog >= PROGRESS_LOG_MS) {
      lastLog = performance.now();
      log.info({ loaded, total, percent: Math.floor((loaded / total) * 100), eventsPerSecond, etaSeconds: Math.round((total - loaded) / Math.max(1, eventsPerSecond)) }, 'loading demo data');
    }
  };

  let batch: DemoEvent[] = [];
  for (const event of generateDemoEvents({ seed: marker.seed, count: total, end: marker.period_end }, loaded)) {
    batch.push(event);
    if (batch.length < batchSize) continue;
    if (options.signal?.aborted) return aborted(result, started, log, loaded);
    await send(batch);
    batch = [];
  }
  if (options.signal?.aborted) return aborted(result, started, log, loaded);
  if (batch.length) await send(batch);
  await services.pool.query(`update demo_dataset set completed_at = now() where tenant_id = $1`, [org.id]);
  result.status = 'loaded';
  result.ms = Math.round(performance.now() - started);
  log.info({ total, accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected, seconds: result.ms / 1000 }, 'demo data loaded');
  return result;
}

function aborted(result: DemoLoadResult, started: number, log: Logger, loaded: number): DemoLoadResult {
  result.status = 'aborted';
  result.ms = Math.round(performance.now() - started);
  log.info({ loaded, total: result.total }, 'demo data load stopped; it resumes on the next start');
  return result;
}

/** Reads this tenant's marker, creating it (and fixing the period end) on the first load. */
async function claimMarker(services: Services, tenantId: number, options: DemoLoadOptions): Promise<Marker> {
  const now = options.now ?? services.clock.now();
  // Whole seconds: the period end is stored and read back, and must regenerate identical events.
  const periodEnd = new Date(Math.floor(now.getTime() / 1000) * 1000);
  await services.pool.query(
    `insert into demo_dataset (tenant_id, seed, event_count, period_end) values ($1, $2, $3, $4) on conflict (tenant_id) do nothing`,
    [tenantId, options.seed ?? DEMO_SEED, options.events, periodEnd],
  );
  const { rows } = await services.pool.query<Marker>(`select seed, event_count, period_end, loaded, completed_at from demo_dataset where tenant_id = $1`, [tenantId]);
  return rows[0];
}
