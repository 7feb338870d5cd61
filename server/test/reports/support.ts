import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import * as cheerio from 'cheerio';
import { simpleParser } from 'mailparser';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../../src/config/index.js';
import { startServer, type RunningServer } from '../../src/app/server.js';
import type { Clock } from '../../src/shared/clock.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/server.js';

export interface ReceivedEmail {
  to: string[];
  subject: string;
  html: string;
  text: string;
  receivedAt: number;
}

/** A real SMTP server on 127.0.0.1 (smtp-server), keeping every message it accepts. */
export async function startSmtp() {
  const messages: ReceivedEmail[] = [];
  let down = false;
  let refused = 0;
  let gate: Promise<void> | null = null;
  let onHeld: (() => void) | null = null;
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    async onMailFrom(_address, _session, callback) {
      if (gate) {
        onHeld?.();
        await gate;
      }
      if (down) {
        refused++;
        return callback(Object.assign(new Error('Service not available, try again later'), { responseCode: 421 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            text: mail.text ?? '',
            receivedAt: Date.now(),
          });
          for (const w of [...waiters]) {
            if (messages.length >= w.count) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve();
            }
          }
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get refused() {
      return refused;
    },
    /** While down, every transaction is answered 421 (service not available), as a relay in an outage does. */
    setDown(value: boolean) {
      down = value;
    },
    /**
     * Holds every transaction until `release()`; `held` resolves when the first one is waiting
     * (a report is then mid-flight).
     */
    hold() {
      let release!: () => void;
      gate = new Promise<void>((r) => (release = r));
      const held = new Promise<void>((r) => (onHeld = r));
      return {
        held,
        release: () => {
          gate = null;
          onHeld = null;
          release();
        },
      };
    },
    /** Resolves once `count` messages have arrived in all. */
    waitFor(count: number, timeoutMs = 20_000): Promise<void> {
      if (messages.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`waited for ${count} emails, got ${messages.length}`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type TestSmtp = Awaited<ReturnType<typeof startSmtp>>;

/** A real HTTP receiver on 127.0.0.1 standing in for Slack's incoming webhooks; `fail(n)` answers 500. */
export async function startWebhookReceiver() {
  const posts: { path: string; body: any; contentType: string | undefined }[] = [];
  let failures = 0;
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (failures > 0) {
      failures--;
      res.writeHead(500).end('internal_error');
      return;
    }
    posts.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')), contentType: req.headers['content-type'] });
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    /** A webhook URL with a secret-looking path, as Slack's are. */
    url: (secret = 'T000/B000/XXXXsecretXXXX') => `${base}/services/${secret}`,
    posts,
    fail(n: number) {
      failures = n;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
export type TestReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** Report-test settings: fast retries and polling, the scheduler on unless asked otherwise. */
export function reportEnv(opts: { smtpUrl?: string; scheduler?: boolean; retryDelayMs?: number } = {}): Record<string, string> {
  return {
    REPORT_SCHEDULER: String(opts.scheduler ?? true),
    REPORT_SCHEDULER_POLL_MS: '200',
    REPORT_RETRY_DELAY_MS: String(opts.retryDelayMs ?? 150),
    PUBLIC_URL: 'https://tokentally.example',
    ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
  };
}

export function startReportServer(opts: { clock?: Clock; smtpUrl?: string; scheduler?: boolean; retryDelayMs?: number; env?: Record<string, string> } = {}): Promise<TestServer> {
  return startTestServer({ clock: opts.clock, env: { ...reportEnv(opts), ...opts.env } });
}

/** Another server instance over the same database (a second replica, or the same one restarted). */
export async function startInstance(db: { url: string }, opts: { clock?: Clock; smtpUrl?: string; scheduler?: boolean; retryDelayMs?: number; logs?: string[] } = {}): Promise<RunningServer> {
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: opts.logs ? 'debug' : 'silent', ADMIN_EMAIL, ADMIN_PASSWORD, NODE_ENV: 'test', SEED_DEMO: 'false', ...reportEnv(opts) });
  const log = opts.logs ? captureLogger(opts.logs) : pino({ level: 'silent' });
  return startServer({ config, clock: opts.clock, log });
}

/** A logger writing into `lines`, with the same redaction as the real one. */
export function captureLogger(lines: string[]) {
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return pino(
    { level: 'debug', redact: { paths: ['*.password', '*.authorization', '*.token', '*.key', '*.webhookUrl', '*.slackWebhookUrls', 'req.headers.authorization'], censor: '[redacted]' } },
    sink,
  );
}

/** Polls until `check` returns a truthy value. */
export async function eventually<T>(check: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 20_000, stepMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await check();
      if (v) return v as T;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(`condition not met in ${timeoutMs} ms${last ? `: ${(last as Error).message}` : ''}`);
}

/** Reads the report email the way a reader's eye does: by the css-class on each figure. */
export function readEmail(html: string) {
  const $ = cheerio.load(html);
  const text = (selector: string) => $(selector).first().text().replace(/\s+/g, ' ').trim();
  return {
    $,
    figure: (key: string) => text(`.figure-${key}`),
    previous: (key: string) => text(`.previous-${key}`),
    change: (key: string) => text(`.change-${key}`),
    /** The rows of a table as objects keyed by column (`models` → {name, cost, ...}). */
    table(key: string): Record<string, string>[] {
      return $(`tr.${key}-row`)
        .toArray()
        .map((tr) => {
          const row: Record<string, string> = {};
          $(tr)
            .find('td')
            .each((_, td) => {
              const cls = ($(td).attr('class') ?? '').split(/\s+/).find((c) => c.startsWith(`${key}-`));
              if (cls) row[cls.slice(key.length + 1)] = $(td).text().trim();
            });
          return row;
        });
    },
    hints: () => $('.hint').toArray().map((el) => $(el).text().replace(/\s+/g, ' ').trim()),
    link: (cls: string) => $(`.${cls} a, a.${cls}`).first().attr('href') ?? $(`a.${cls}`).attr('href'),
  };
}

export const SCHEDULE_FIELDS = `id name frequency timezone hour weekday dayOfMonth emailRecipients slackWebhookUrls filter sections enabled nextSendAt organizationId createdAt updatedAt`;
export const RUN_FIELDS = `id kind periodFrom periodTo status attempts error startedAt finishedAt nextAttemptAt schedule { id name } deliveries { channel target status error attempts sentAt }`;

export async function createSchedule(t: TestServer, token: string, input: Record<string, unknown>) {
  const data = await t.gqlData(`mutation($input: ReportScheduleInput!) { createReportSchedule(input: $input) { ${SCHEDULE_FIELDS} } }`, { input }, token);
  return data.createReportSchedule;
}

export async function runsOf(t: TestServer, token: string, scheduleId?: string) {
  const data = await t.gqlData(`query($id: ID) { reportRuns(scheduleId: $id) { ${RUN_FIELDS} } }`, { id: scheduleId }, token);
  return data.reportRuns as any[];
}
