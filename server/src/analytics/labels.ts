import type { Pool } from '../db/pool.js';
import type { Dimension } from './catalog/dimensions.js';

export interface KeyInfo {
  /** The public key (a sub-account's externalId rather than its internal id). */
  key: string | null;
  label: string | null;
  attrs: Record<string, unknown>;
}

/** Display names (and page attributes) for the keys of one dimension, in one query per dimension. */
export async function describeKeys(pool: Pool, tenantId: number, dimension: Dimension, keys: (string | null)[]): Promise<Map<string | null, KeyInfo>> {
  const out = new Map<string | null, KeyInfo>();
  for (const k of keys) out.set(k, { key: k, label: dimension.name === 'MODEL' ? k : null, attrs: {} });
  const named = keys.filter((k): k is string => k !== null);
  if (named.length === 0) return out;
  switch (dimension.label) {
    case 'user': {
      const { rows } = await pool.query(
        `select u.external_id, u.email, u.name, m.role,
                (select count(*) from agent a where a.tenant_id = u.tenant_id and a.creator_user_id = u.external_id) as agents_created
           from app_user u left join member m on m.email = u.email and m.org_id in (select id from organization where root_id = u.tenant_id)
          where u.tenant_id = $1 and u.external_id = any($2::text[])`,
        [tenantId, named],
      );
      for (const r of rows) out.set(r.external_id, { key: r.external_id, label: r.email ?? r.name ?? null, attrs: { email: r.email, name: r.name, role: r.role ?? null, agentsCreated: r.agents_created } });
      break;
    }
    case 'agent': {
      const { rows } = await pool.query('select external_id, name, type from agent where tenant_id = $1 and external_id = any($2::text[])', [tenantId, named]);
      for (const r of rows) out.set(r.external_id, { key: r.external_id, label: r.name, attrs: { name: r.name, type: r.type } });
      break;
    }
    case 'team': {
      const { rows } = await pool.query('select external_id, name from team where tenant_id = $1 and external_id = any($2::text[])', [tenantId, named]);
      for (const r of rows) out.set(r.external_id, { key: r.external_id, label: r.name, attrs: {} });
      break;
    }
    case 'organization': {
      const { rows } = await pool.query('select id, external_id, name from organization where root_id = $1 and id = any($2::int[])', [tenantId, named.map(Number)]);
      for (const r of rows) out.set(String(r.id), { key: r.external_id ?? String(r.id), label: r.name, attrs: { organizationId: String(r.id), externalId: r.external_id } });
      break;
    }
  }
  return out;
}
