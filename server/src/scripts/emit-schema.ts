import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createSchema, schemaText } from '../graphql/schema.js';

/** Writes ../schema.graphql, or with --check fails when the committed file is stale. */
const target = fileURLToPath(new URL('../../../schema.graphql', import.meta.url));
const text = schemaText(await createSchema());
if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== text) {
    console.error('schema.graphql is stale: run `npm run schema:emit` and commit the result.');
    process.exit(1);
  }
  console.log('schema.graphql is up to date.');
} else {
  await writeFile(target, text);
  console.log(`wrote ${target}`);
}
