import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { DomainError } from '../../shared/errors.js';
import type { Services } from '../../app/services.js';
import { withPrincipal, type AuthedRequest } from '../../app/http.js';
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
    const hint = body.trimStart().startsWith('{') && body.includes('\n{') ? ' For NDJSON, send Content-Type: application/x-ndjson.' : '';
    throw new DomainError('BAD_USER_INPUT', `The body is not valid JSON: ${(err as Error).message}.${hint}`);
  }
  if (Array.isArray(parsed)) return parsed;
  if (parsed && typeof parsed === 'object' && Array.isArray((parsed as { events?: unknown }).events)) return (parsed as { events: unknown[] }).events;
  throw new DomainError('BAD_USER_INPUT', 'The body must be a JSON array of events, an object {"events": [...]}, or NDJSON (Content-Type: application/x-ndjson).');
}

/**
 * `POST /v1/events`: authenticate → rate-limit the key → read the body (at most 10 MB) → parse
 * → ingest. Limits are checked before the body is read, so a refused client costs little.
 */
export function ingestRouter(services: Services): Router {
  const router = express.Router();
  const admit: RequestHandler = (req, res, next) => {
    try {
      services.ingestion.admit((req as AuthedRequest).principal);
      next();
    } catch (err) {
      const retryAfter = err instanceof DomainError ? err.details?.retryAfterSeconds : undefined;
      if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
      next(err);
    }
  };

  router.post(
    '/v1/events',
    withPrincipal(services, 'ingest'),
    admit,
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
