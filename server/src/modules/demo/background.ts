import type { RunningServer } from '../../app/server.js';
import type { Logger } from '../../shared/logger.js';
import { loadDemoData, type DemoLoadResult } from './loader.js';

/**
 * Starts loading the demo data without delaying the server: it answers at once and the data
 * fills in behind it. On shutdown the load stops after the batch in flight has committed
 * (before the pools close), and the next start resumes it.
 */
export function loadDemoInBackground(server: RunningServer, events: number, log: Logger): Promise<DemoLoadResult | null> {
  const controller = new AbortController();
  const done = loadDemoData(server.services, { events, signal: controller.signal, log }).catch((err) => {
    if (!controller.signal.aborted) log.error({ err }, 'loading the demo data failed; it resumes on the next start');
    return null;
  });
  server.onStop(async () => {
    controller.abort();
    await done;
  });
  return done;
}
