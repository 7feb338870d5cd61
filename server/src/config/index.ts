import { z } from 'zod';

/**
 * The only reader of process.env. Parsed once; every problem is reported at once,
 * each naming the variable, so a bad deployment stops at start-up with a clear message.
 */
const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  ADMIN_EMAIL: z.email().default('admin@tokentally.local'),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('tokentally-admin'),
  ORG_NAME: z.string().min(1).default('Demo Organization'),
  SEED_DEMO: booleanString.optional(),
  DEMO_EVENTS: z.coerce.number().int().min(0).default(1_000_000),
  INGEST_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).default(24 * 14),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().default('Tokentally <reports@tokentally.local>'),
  // Scheduled reports: the Agenda scheduler runs unless turned off (off by default in tests).
  REPORT_SCHEDULER: booleanString.optional(),
  REPORT_SCHEDULER_POLL_MS: z.coerce.number().int().min(50).default(5_000),
  REPORT_RETRY_DELAY_MS: z.coerce.number().int().min(0).default(60_000),
  REPORT_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  // How often pending events are folded into the summary tables (analytics/rollups/pending.ts); 0 = never on its own.
  ROLLUP_FOLD_INTERVAL_MS: z.coerce.number().int().min(0).default(1_000),
});

export type Config = z.infer<typeof schema> & {
  /** True when no DATABASE_URL is set and the server runs its own embedded PostgreSQL. */
  embeddedDatabase: boolean;
  seedDemo: boolean;
  /** Whether this instance runs the report scheduler (Agenda); REPORT_SCHEDULER, default on except in tests. */
  reportScheduler: boolean;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // Empty (or blank) strings in .env files mean "unset", not "invalid" (and not port 0).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const embeddedDatabase = !parsed.data.DATABASE_URL;
  return {
    ...parsed.data,
    embeddedDatabase,
    seedDemo: parsed.data.SEED_DEMO ?? embeddedDatabase,
    reportScheduler: parsed.data.REPORT_SCHEDULER ?? parsed.data.NODE_ENV !== 'test',
    ...overrides,
  };
}
