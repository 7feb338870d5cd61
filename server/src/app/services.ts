import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/index.js';
import type { Pool } from '../db/pool.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { AuthService } from '../modules/accounts/auth.service.js';
import { IngestionService } from '../modules/ingestion/ingestion.service.js';
import { OrganizationsService } from '../modules/organizations/organizations.service.js';
import { PriceOverridesService } from '../modules/pricing/price-overrides.service.js';
import { PricingService } from '../modules/pricing/pricing.service.js';
import { LiveService } from '../modules/live/live.service.js';
import { UsageService } from '../modules/usage/usage.service.js';
import { SessionsService } from '../modules/sessions/sessions.service.js';
import { RequestsService } from '../modules/requests/requests.service.js';
import { ReportsService } from '../modules/reports/reports.service.js';
import { AlertsService } from '../modules/alerts/alerts.service.js';
import { AuditLogService } from '../modules/audit/audit-log.service.js';
import { createFolder, registerRollups } from '../analytics/rollups/register.js';
import type { RollupFolder } from '../analytics/rollups/pending.js';

/** Every service, built once per process. They know nothing of HTTP, GraphQL or WebSockets. */
export interface Services {
  config: Config;
  log: Logger;
  clock: Clock;
  orm: MikroORM;
  pool: Pool;
  auth: AuthService;
  accounts: AccountsService;
  organizations: OrganizationsService;
  pricing: PricingService;
  priceOverrides: PriceOverridesService;
  ingestion: IngestionService;
  live: LiveService;
  usage: UsageService;
  sessions: SessionsService;
  requests: RequestsService;
  reports: ReportsService;
  alerts: AlertsService;
  auditLog: AuditLogService;
  /** Folds ingested events into the summary tables in the background. */
  rollups: RollupFolder;
}

export function createServices(deps: { config: Config; log: Logger; clock: Clock; orm: MikroORM; pool: Pool }): Services {
  const pricing = new PricingService();
  const services: Services = {
    ...deps,
    auth: new AuthService(deps.clock, deps.config.SESSION_TTL_HOURS),
    accounts: new AccountsService(),
    organizations: new OrganizationsService(),
    pricing,
    priceOverrides: new PriceOverridesService(),
    ingestion: new IngestionService(deps.pool, pricing, deps.clock, { ratePerMinute: deps.config.INGEST_RATE_LIMIT_PER_MINUTE }),
    live: new LiveService(deps.pool, deps.clock, deps.log),
    usage: new UsageService(deps.pool, deps.clock),
    sessions: new SessionsService(deps.pool),
    requests: new RequestsService(deps.pool),
    reports: new ReportsService(deps),
    // Alerts go out through the report channels (the same SMTP mailer), read when a delivery is sent.
    alerts: new AlertsService({ ...deps, mailer: () => services.reports.mailer }),
    auditLog: new AuditLogService(deps.pool),
    rollups: createFolder(deps.pool, deps.config.ROLLUP_FOLD_INTERVAL_MS, deps.log),
  };
  // Each batch is parked for the summary tables in the events' own statement; the folder adds it.
  registerRollups(services.ingestion);
  // Live views follow every committed batch (after the commit, off the ingest path).
  services.live.watch(services.ingestion);
  return services;
}
