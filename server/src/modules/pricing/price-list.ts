import { calcPrice, findProvider, type ModelInfo, type Provider } from '@pydantic/genai-prices';

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

export interface ListedModel {
  providerId: string;
  /** A provider narrowed to the one matched model: pricing against it skips the catalogue scan. */
  narrowed: Provider;
  model: ModelInfo;
  /** Set when the price is plain per-token (no tiers, no dated variants): the fast path. */
  linear: LinearPrice | null;
}

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
      this.matches.set(key, hit);
    }
    return hit;
  }

  /** The provider id the price list associates with a model name, if any. */
  inferProvider(model: string): string | null {
    let id = this.providers.get(model);
    if (id === undefined) {
      id = this.lookup(model)?.providerId ?? findProvider({ modelId: model })?.id ?? null;
      this.providers.set(model, id);
    }
    return id;
  }

  /** Nano-dollars for one request at the price in force at `at`, or null when the model has no price. */
  priceNanos(listed: ListedModel, usage: TokenUsage, at: Date): number | null {
    const l = listed.linear;
    if (l) {
      const uncached = usage.inputTokens - usage.cachedInputTokens - usage.cacheWriteTokens;
      return Math.round(
        l.requestNanos + uncached * l.inputNanos + usage.cachedInputTokens * l.cachedInputNanos + usage.cacheWriteTokens * l.cacheWriteNanos + usage.outputTokens * l.outputNanos,
      );
    }
    const usd = this.priceUsd(listed, usage, at);
    return usd === null ? null : Math.round(usd * 1e9);
  }

  /** USD through the library itself: the reference the fast path is derived from and tested against. */
  priceUsd(listed: ListedModel, usage: TokenUsage, at?: Date): number | null {
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
  }

  /**
   * calcPrice costs ~10 µs a call even on a narrowed provider. For plainly priced models the
   * price is linear in each token kind, so the coefficients are read off the library once.
   */
  private linearise(narrowed: Provider, model: ModelInfo): LinearPrice | null {
    const prices = model.prices;
    if (Array.isArray(prices)) return null; // dated or time-of-day variants
    if (Object.values(prices).some((v) => typeof v === 'object' && v !== null)) return null; // tiers
    const M = 1_000_000;
    const at = (usage: Record<string, number>) => (calcPrice(usage, model.id, { provider: narrowed })?.total_price ?? NaN) * 1e9;
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
    let linear: LinearPrice | null = null;
    try {
      linear = this.linearise(narrowed, result.model);
    } catch {
      linear = null;
    }
    return { providerId: result.provider.id, model: result.model, narrowed, linear };
  }
}
