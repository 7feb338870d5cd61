import { build } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * Builds the dashboard once per run into client/dist, which the server serves from its own port:
 * the suite tests exactly what production ships. E2E_SKIP_BUILD=1 reuses an existing build.
 */
export default async function setup() {
  if (process.env.E2E_SKIP_BUILD === '1') return;
  const root = fileURLToPath(new URL('../..', import.meta.url));
  await build({ root, logLevel: 'warn', configFile: `${root}/vite.config.ts` });
}
