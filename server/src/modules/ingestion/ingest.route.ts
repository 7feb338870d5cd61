import express, { type Request, type Response, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { DomainError } from '../../shared/errors.js';
import type { Services } from '../../app/services.js';
import { sendError, withPrincipal, type AuthedRequest } from '../../app/http.js';
import { MAX_BODY_BYTES } from './event.schema.js';

/** Parses the three body forms of the contract: a JSON array, {"events": [...]}, or NDJSON. */
export function parseEventsBody(body: string, contentType: string | undefined): unknown[] {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl') {
    const events: unknown[] = [];
    const lines = body.split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        events.push(JSON.parse(line));
      } catch (err) {
        throw new DomainError('BAD_USER_INPUT', `Line ${i + 1} of the NDJSON body is not valid JSON: ${(err as Error).message}`, { line: i + 1 });
      }
    });
    return events;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    throw new DomainError('BAD_USER_INPUT', `The body is not valid JSON: ${(err as Error).message}`);
  }
  if (Array.isArray(parsed)) return parsed;
  if (parsed && typeof parsed === 'object' && Array.isArray((parsed as { events?: unknown }).events)) return (parsed as { events: unknown[] }).events;
  throw new DomainError('BAD_USER_INPUT', 'The body must be a JSON array of events, an object {"events": [...]}, or NDJSON (Content-Type: application/x-ndjson).');
}

export function ingestRouter(services: Services, ratePerMinute: number): Router {
  const router = express.Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: ratePerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const p = (req as AuthedRequest).principal!;
      return p.kind === 'apiKey' ? `key:${p.apiKeyId}` : `member:${p.memberId}`;
    },
    handler: (_req, res, _next, options) => {
      res.setHeader('Retry-After', String(Math.ceil(options.windowMs / 1000)));
      sendError(res, new DomainError('RATE_LIMITED', `Too many requests: at most ${ratePerMinute} ingest requests a minute per key. Retry after the Retry-After header's seconds.`));
    },
  });

  router.post(
    '/v1/events',
    withPrincipal(services, 'ingest'),
    limiter,
    express.text({ type: () => true, limit: MAX_BODY_BYTES }),
    async (req: Request, res: Response) => {
      const body = typeof req.body === 'string' ? req.body : '';
      if (body.trim() === '') throw new DomainError('BAD_USER_INPUT', 'The body is empty: send a JSON array of events, {"events": [...]}, or NDJSON.');
      const events = parseEventsBody(body, req.headers['content-type']);
      const result = await services.ingestion.ingest((req as AuthedRequest).principal, events);
      // 200 even when some events were rejected: the body says which, and the rest are committed.
      res.status(200).json(result);
    },
  );
  return router;
}
