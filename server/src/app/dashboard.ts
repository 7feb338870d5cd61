import express, { type Router } from 'express';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../shared/logger.js';

/**
 * Serves the built dashboard (client/dist) from the API's port, so production is one URL.
 * Registered after the API routes: /graphql, /v1 and /healthz are never shadowed, and any other
 * GET that wants HTML gets index.html (the SPA's router owns deep links like /reports/users).
 * The path is the same from src/app and from a tsc build in dist/app.
 */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../../client/dist', import.meta.url));

const API_PREFIXES = ['/graphql', '/v1/', '/healthz'];

export function dashboardRouter(log: Logger, dir = DEFAULT_DASHBOARD_DIR): Router {
  const router = express.Router();
  const index = `${dir}/index.html`;
  if (!existsSync(index)) {
    log.info('dashboard not built (npm run build -w client): serving the API only');
    return router;
  }
  // Hashed assets never change under their name; index.html must always be revalidated.
  router.use('/assets', express.static(`${dir}/assets`, { immutable: true, maxAge: '1y', index: false, fallthrough: false }));
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PREFIXES.some((p) => req.path.startsWith(p)) || !req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
