import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Secrets are redacted by path so a stray log call cannot leak them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'tokentally' },
    redact: {
      paths: ['*.password', '*.authorization', '*.token', '*.key', '*.webhookUrl', '*.slackWebhookUrls', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}
