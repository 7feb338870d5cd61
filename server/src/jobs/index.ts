import type { GraphQLSchema } from 'graphql';
import type { RunningServer } from '../app/server.js';
import { REPORT_RUN_UPDATED } from '../modules/reports/topics.js';
import { startScheduler } from './scheduler.js';

/**
 * Wires the reports module into a running server: the schema its reports execute against, the
 * dashboard address for links, the topic its run updates go to, and (unless REPORT_SCHEDULER is
 * off) the Agenda scheduler, stopped with the server.
 */
export async function startReports(server: RunningServer, schema: GraphQLSchema): Promise<void> {
  const { services, pubSub } = server;
  services.reports.attach({
    services,
    schema,
    baseUrl: server.url,
    publish: (message) => pubSub.publish(REPORT_RUN_UPDATED, message),
  });
  server.onStop(async () => services.reports.mailer?.close());
  if (!services.config.reportScheduler) return;
  const scheduler = await startScheduler(services);
  server.onStop(() => scheduler.stop());
}
