import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { notFound } from '../../shared/errors.js';
import { parseInput } from '../../shared/validation.js';
import { audit } from '../audit/audit.service.js';
import { requirePermission, scopeOf, type Principal } from '../accounts/access.js';
import { resolveOrgInScope } from '../accounts/accounts.service.js';
import { PriceOverride } from './price-override.entity.js';

const usdPerMtok = z.number().min(0, 'must be >= 0').max(1_000_000, 'must be <= 1000000');
const overrideInput = z.object({
  model: z.string().trim().min(1, 'must not be empty').max(200),
  inputUsdPerMtok: usdPerMtok,
  outputUsdPerMtok: usdPerMtok,
  cachedInputUsdPerMtok: usdPerMtok.nullish(),
  cacheWriteUsdPerMtok: usdPerMtok.nullish(),
  subAccountId: z.string().nullish(),
});

/**
 * An organization's own prices. They apply to events ingested after the change. A sub-account
 * may have its own, which beat its parent's for its events.
 */
export class PriceOverridesService {
  /** The overrides the caller can see: its organization's and, for a parent, its sub-accounts'. */
  async list(em: EntityManager, actor: Principal): Promise<PriceOverride[]> {
    requirePermission(actor, 'read');
    const scope = scopeOf(actor);
    const org = scope.orgIds ? { id: { $in: scope.orgIds } } : { rootId: scope.tenantId };
    return em.find(PriceOverride, { org }, { orderBy: { org: { id: 'asc' }, model: 'asc' }, populate: ['org'] });
  }

  async set(em: EntityManager, actor: Principal, raw: unknown): Promise<PriceOverride> {
    requirePermission(actor, 'admin');
    const input = parseInput(overrideInput, raw);
    const org = await resolveOrgInScope(em, actor, input.subAccountId);
    let row = await em.findOne(PriceOverride, { org, model: input.model });
    if (!row) {
      row = em.create(PriceOverride, { org, model: input.model, inputUsdPerMtok: 0, outputUsdPerMtok: 0 });
    }
    Object.assign(row, {
      inputUsdPerMtok: input.inputUsdPerMtok,
      outputUsdPerMtok: input.outputUsdPerMtok,
      cachedInputUsdPerMtok: input.cachedInputUsdPerMtok ?? null,
      cacheWriteUsdPerMtok: input.cacheWriteUsdPerMtok ?? null,
    });
    em.persist(row);
    audit(em, actor, { action: 'priceOverride.set', targetType: 'priceOverride', targetId: input.model, details: { ...input, orgId: org.id } });
    await em.flush();
    return row;
  }

  async remove(em: EntityManager, actor: Principal, model: string, subAccountId?: string | null): Promise<boolean> {
    requirePermission(actor, 'admin');
    const org = await resolveOrgInScope(em, actor, subAccountId);
    const row = await em.findOne(PriceOverride, { org, model });
    if (!row) throw notFound(`A price override for model "${model}"`);
    audit(em, actor, { action: 'priceOverride.delete', targetType: 'priceOverride', targetId: model, details: { orgId: org.id } });
    em.remove(row);
    await em.flush();
    return true;
  }
}
