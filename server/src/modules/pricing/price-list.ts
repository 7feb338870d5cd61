import { calcPrice, findProvider, type ModelInfo, type ModelPrice, type Provider } from '@pydantic/genai-prices';

/** Token counts of one request, in the contract's convention (input includes cached tokens). */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
}

/** Nano-dollars per token of each kind, plus a fixed per-request fee, for a linearly priced model. */
export interface LinearPrice {
  requestNanos: number;
  inputNanos: number;
  cachedInputNanos: number;
  cacheWriteNanos: number;
  outputNanos: number;
}

/** A linear price in force from `startsAt` (ms since the epoch; null: from the beginning). */
export interface LinearPeriod {
  startsAt: number | null;
  price: LinearPrice;
}

export interface ListedModel {
  providerId: string;
  /** A provider narrowed to the one matched model: pricing against it skips the catalogue scan. */
  narrowed: Provider;
  model: ModelInfo;
  /**
   * Set when every price of the model is plain per-token (no tiers, no time-of-day windows),
   * possibly changing on dated `start_date`s: the fast path. Null sends each event through
   * the library's own calculation.
   */
  linear: LinearPeriod[] | null;
}

const MAX_REMEMBERED = 20_000;

/**
 * The offline price list (@pydantic/genai-prices, bundled data; its auto-update is never enabled,
 * so no network is used). Matching a model name against ~1,700 models costs ~30 µs, so each
 * (model, provider) pair is matched once and remembered.
 */
export class PriceList {
  private readonly matches = new Map<string, ListedModel | null>();
  private readonly providers = new Map<string, string | null>();

  lookup(model: string, providerId?: string | null): ListedModel | null {
    const key = `${providerId ?? ''}\u0000${model}`;
    let hit = this.matches.get(key);
    if (hit === undefined) {
      hit = this.match(model, providerId ?? undefined);
      // Model names come from clients: a flood of made-up names must not grow memory forever.
      if (this.matches.size >= MAX_REMEMBERED) this.matches.clear();
      this.matches.set(key, hit);
    }
    return hit;
  }

  /** The provider id the price list associates with a model name, if any. */
  inferProvider(model: string): string | null {
    let id = this.providers.get(model);
    if (id === undefined) {
      id = this.lookup(model)?.providerId ?? findProvider({ modelId: model })?.id ?? null;
      if (this.providers.size >= MAX_REMEMBERED) this.providers.clear();
      this.providers.set(model, id);
    }
    return id;
  }

  /** Nano-dollars for one request at the price in force at `at`, or null when the model has no price. */
  priceNanos(listed: ListedModel, usage: TokenUsage, at: Date): number | null {
    const l = listed.linear && periodAt(listed.linear, at.getTime());
    if (l) {
      const uncached = usage.inputTokens - usage.cachedInputTokens - usage.cacheWriteTokens;
      return Math.round(
        l.requestNanos + uncached * l.inputNanos + usage.cachedInputTokens * l.cachedInputNanos + usage.cacheWriteTokens * l.cacheWriteNanos + usage.outputTokens * l.outputNanos,
      );
    }
    const usd = this.priceUsd(listed, usage, at);
    return usd === null ? null : Math.round(usd * 1e9);
  }

  /**
   * USD through the library itself: the reference the fast path is derived from and tested
   * against. A usage the library refuses (it validates more strictly than needed) prices as
   * unknown rather than failing the batch.
   */
  priceUsd(listed: ListedModel, usage: TokenUsage, at?: Date): number | null {
    try {
      const result = calcPrice(
        {
          input_tokens: usage.inputTokens,
          output_tokens: usage.outputTokens,
          cache_read_tokens: usage.cachedInputTokens,
          cache_write_tokens: usage.cacheWriteTokens,
        },
        listed.model.id,
        { provider: listed.narrowed, timestamp: at },
      );
      return result ? result.total_price : null;
    } catch {
      return null;
    }
  }

  /**
   * calcPrice costs ~10-40 µs a call. For plainly priced models the price is linear in each
   * token kind, so the coefficients are read off the library once per model and dated variant.
   */
  private lineariseModel(narrowed: Provider, model: ModelInfo): LinearPeriod[] | null {
    if (!Array.isArray(model.prices)) {
      const price = this.linearise(narrowed, model, model.prices);
      return price && [{ startsAt: null, price }];
    }
    const periods: LinearPeriod[] = [];
    for (const variant of model.prices) {
      const c = variant.constraint;
      if (c && c.type !== 'start_date') return null; // time-of-day windows: priced by the library
      const price = this.linearise(narrowed, model, variant.prices);
      if (!price) return null;
      periods.push({ startsAt: c ? Date.parse(c.start_date) : null, price });
    }
    return periods.length && periods.every((p) => p.startsAt === null || Number.isFinite(p.startsAt)) ? periods : null;
  }

  private linearise(narrowed: Provider, model: ModelInfo, prices: ModelPrice): LinearPrice | null {
    if (Object.values(prices).some((v) => typeof v === 'object' && v !== null)) return null; // tiers
    const single = { ...model, prices };
    const provider = { ...narrowed, models: [single] };
    const M = 1_000_000;
    const at = (usage: Record<string, number>) => (calcPrice(usage, model.id, { provider })?.total_price ?? NaN) * 1e9;
    const requestNanos = at({ input_tokens: 0, output_tokens: 0 });
    const perToken = (usage: Record<string, number>) => (at(usage) - requestNanos) / M;
    const result = {
      requestNanos,
      inputNanos: perToken({ input_tokens: M }),
      cachedInputNanos: perToken({ input_tokens: M, cache_read_tokens: M }),
      cacheWriteNanos: perToken({ input_tokens: M, cache_write_tokens: M }),
      outputNanos: perToken({ output_tokens: M }),
    };
    return Object.values(result).every(Number.isFinite) ? result : null;
  }

  private match(model: string, providerId?: string): ListedModel | null {
    const usage = { input_tokens: 1, output_tokens: 1 };
    let result = null;
    try {
      result = calcPrice(usage, model, providerId ? { providerId } : undefined);
      // An unknown provider name should not hide a price the model name alone finds.
      if (!result && providerId) result = calcPrice(usage, model);
    } catch {
      result = null;
    }
    if (!result) return null;
    const narrowed = { ...result.provider, models: [result.model] };
    let linear: LinearPeriod[] | null = null;
    try {
      linear = this.lineariseModel(narrowed, result.model);
    } catch {
      linear = null;
    }
    return { providerId: result.provider.id, model: result.model, narrowed, linear };
  }
}

/** The period in force at `at`, chosen exactly as the library does: the last one whose start has passed. */
function periodAt(periods: LinearPeriod[], at: number): LinearPrice {
  for (let i = periods.length - 1; i >= 0; i--) {
    const { startsAt, price } = periods[i];
    if (startsAt === null || at >= startsAt) return price;
  }
  return periods[0].price;
}
