import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { requirePermission, type Permission, type Principal } from '../modules/accounts/access.js';
import { DomainError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { Services } from './services.js';

export type AuthedRequest = Request & { principal: Principal | null };

/** The contract's error body: `{ "error": { "code", "message", "details"? } }`. */
export function sendError(res: Response, err: DomainError): void {
  res.status(err.httpStatus).json({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } });
}

/** Authenticates the bearer token and checks one permission before the handler runs. */
export function withPrincipal(services: Services, permission: Permission): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const em = services.orm.em.fork();
    const principal = await services.auth.authenticate(em, req.headers.authorization);
    (req as AuthedRequest).principal = requirePermission(principal, permission);
    next();
  };
}

/**
 * One structured log line per HTTP request once its answer is sent: method, path (never the
 * query string, which may carry filters or tokens), status and duration in ms. Server errors
 * log at error, refusals at info, the rest at debug so a busy ingest endpoint stays quiet.
 */
export function requestLogger(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const entry = { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 };
      if (res.statusCode >= 500) log.error(entry, 'request failed');
      else if (res.statusCode >= 400) log.info(entry, 'request refused');
      else log.debug(entry, 'request');
    });
    next();
  };
}

/** The HTTP error boundary: domain errors keep their status; body-parser errors become 400/413. */
export function httpErrorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof DomainError) return sendError(res, err);
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      return sendError(res, new DomainError('PAYLOAD_TOO_LARGE', `The body is larger than the limit of ${(err as { limit: number }).limit} bytes; split it into smaller batches.`));
    }
    if (type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported' || type === 'request.aborted') {
      return sendError(res, new DomainError('BAD_USER_INPUT', (err as Error).message));
    }
    log.error({ err }, 'unexpected error in an HTTP request');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
  };
}
