import pg from 'pg';
import { hashPassword } from '../../src/modules/accounts/passwords.js';
import type { TestServer } from './server.js';

export interface TestTenant {
  orgId: number;
  adminEmail: string;
  adminPassword: string;
}

/**
 * Creates another root organization with one ADMIN member, straight in SQL (as a second
 * customer of the same installation would be), so tests can try to cross from one to the other.
 */
export async function createTenant(t: TestServer, name: string, adminEmail = `admin@${name.toLowerCase().replace(/\W+/g, '-')}.test`, adminPassword = 'tenant-password'): Promise<TestTenant> {
  const client = new pg.Client({ connectionString: t.db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(`insert into organization (name) values ($1) returning id`, [name]);
    const orgId = rows[0].id;
    await client.query(`insert into member (org_id, email, role, password_hash) values ($1, $2, 'ADMIN', $3)`, [orgId, adminEmail, await hashPassword(adminPassword)]);
    return { orgId, adminEmail, adminPassword };
  } finally {
    await client.end();
  }
}
