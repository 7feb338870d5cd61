import type { Pool } from '../../db/pool.js';
import { PriceList, type TokenUsage } from './price-list.js';

export interface PriceRequest extends TokenUsage {
  orgId: number;
  model: string;
  provider?: string | null;
  timestamp: Date;
  /** A client-sent cost wins over any computed price. */
  costUsd?: number | null;
}

export interface PriceResult {
  costNanos: number | null;
  provider: string | null;
}

interface Override {
  inputNanos: number;
  outputNanos: number;
  cachedInputNanos: number;
  cacheWriteNanos: number;
}

/** The overrides of one tenant, keyed by `${orgId}\0${model}`; loaded once per ingest batch. */
export type OverrideTable = Map<string, Override>;

/**
 * Prices events: the client's own cost first, then the organization's override (a sub-account's
 * own override before its parent's), then the price list at the event's timestamp; otherwise null.
 */
export class PricingService {
  constructor(readonly priceList = new PriceList()) {}

  async loadOverrides(pool: Pool, tenantId: number): Promise<OverrideTable> {
    const { rows } = await pool.query(
      `select p.org_id, p.model, p.input_usd_per_mtok, p.output_usd_per_mtok, p.cached_input_usd_per_mtok, p.cache_write_usd_per_mtok
         from price_override p join organization o on o.id = p.org_id
        where o.root_id = $1`,
      [tenantId],
    );
    const table: OverrideTable = new Map();
    for (const r of rows) {
      // USD per million tokens = nano-dollars per thousandth of a token: × 1000 for nanos per token.
      const input = r.input_usd_per_mtok * 1000;
      table.set(`${r.org_id}\u0000${r.model}`, {
        inputNanos: input,
        outputNanos: r.output_usd_per_mtok * 1000,
        cachedInputNanos: (r.cached_input_usd_per_mtok ?? r.input_usd_per_mtok) * 1000,
        cacheWriteNanos: (r.cache_write_usd_per_mtok ?? r.input_usd_per_mtok) * 1000,
      });
    }
    return table;
  }

  price(req: PriceRequest, overrides: OverrideTable, tenantId: number): PriceResult {
    const provider = req.provider ?? this.priceList.inferProvider(req.model);
    if (req.costUsd != null) return { costNanos: Math.round(req.costUsd * 1e9), provider };
    const override = overrides.get(`${req.orgId}\u0000${req.model}`) ?? overrides.get(`${tenantId}\u0000${req.model}`);
    if (override) {
      const uncached = req.inputTokens - req.cachedInputTokens - req.cacheWriteTokens;
      const nanos = uncached * override.inputNanos + req.cachedInputTokens * override.cachedInputNanos + req.cacheWriteTokens * override.cacheWriteNanos + req.outputTokens * override.outputNanos;
      return { costNanos: Math.round(nanos), provider };
    }
    const listed = this.priceList.lookup(req.model, req.provider);
    return { costNanos: listed ? this.priceList.priceNanos(listed, req, req.timestamp) : null, provider };
  }
}
