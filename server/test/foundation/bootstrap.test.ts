import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapFirstAdmin } from '../../src/app/bootstrap.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestServer, type TestServer } from '../support/server.js';
import { sql } from './helpers.js';

/** The first start creates one organization and its admin from ADMIN_EMAIL/ADMIN_PASSWORD; later starts change nothing. */
describe('bootstrap of the first organization', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t?.stop());

  it('created one root organization with one ADMIN from the settings', async () => {
    expect(await sql(t, `select o.name, m.email, m.role from member m join organization o on o.id = m.org_id`)).toEqual([
      { name: t.server.services.config.ORG_NAME, email: ADMIN_EMAIL, role: 'ADMIN' },
    ]);
  });

  it('leaves an existing installation alone on the next start, even with other settings', async () => {
    const config = { ...t.server.services.config, ADMIN_EMAIL: 'someone-else@test.local', ADMIN_PASSWORD: 'another-password' };
    const { created } = await bootstrapFirstAdmin(t.server.services.orm.em.fork(), config);
    expect(created).toBe(false);
    expect(await sql(t, `select count(*)::int as orgs, (select count(*)::int from member) as members from organization`)).toEqual([{ orgs: 1, members: 1 }]);
    expect(await t.login(ADMIN_EMAIL, ADMIN_PASSWORD)).toMatch(/^tts_/);
  });
});
