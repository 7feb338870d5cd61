import { calcPrice, findProvider } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import { PriceList, type TokenUsage } from './price-list.js';

// The providers of @pydantic/genai-prices 0.1.8 (the package exports no list of them).
const PROVIDER_IDS = [
  'anthropic', 'arcee', 'avian', 'aws', 'azure', 'baseten', 'cerebras', 'cloudflare', 'cohere', 'cursor', 'deepseek',
  'doubleword', 'fireworks', 'github-copilot', 'google', 'groq', 'huggingface_cerebras', 'huggingface_fireworks-ai',
  'huggingface_groq', 'huggingface_hyperbolic', 'huggingface_nebius', 'huggingface_novita', 'huggingface_nscale',
  'huggingface_ovhcloud', 'huggingface_publicai', 'huggingface_sambanova', 'huggingface_together', 'minimax', 'mistral',
  'modal', 'moonshotai', 'novita', 'openai', 'openrouter', 'ovhcloud', 'perplexity', 'quicksilverpro', 'together',
  'typesafe', 'voyageai', 'x-ai', 'zai', 'zhipuai',
];

const usage = (inputTokens: number, outputTokens: number, cachedInputTokens = 0, cacheWriteTokens = 0): TokenUsage => ({
  inputTokens,
  outputTokens,
  cachedInputTokens,
  cacheWriteTokens,
});

const USAGES = [usage(0, 0), usage(1_000, 500), usage(1_000, 500, 800), usage(5_000, 0, 1_000, 2_000), usage(300_000, 40_000, 100_000, 50_000)];
// Before, at and after the dated price changes in the list, and both sides of daily price windows.
const INSTANTS = ['2024-01-01T12:00:00Z', '2025-06-09T23:59:59Z', '2025-06-10T00:00:00Z', '2026-03-13T00:00:00Z', '2026-08-17T03:00:00Z', '2026-08-21T20:00:00Z', '2027-01-02T00:15:00Z'].map(
  (s) => new Date(s),
);

/**
 * The library's own answer, called the plain way (no narrowing, no caching), in nano-dollars.
 * Like PriceList, it falls back to the model name alone when the provider does not know it.
 */
function reference(model: string, providerId: string, u: TokenUsage, at: Date): number | null {
  const tokens = { input_tokens: u.inputTokens, output_tokens: u.outputTokens, cache_read_tokens: u.cachedInputTokens, cache_write_tokens: u.cacheWriteTokens };
  try {
    const r = calcPrice(tokens, model, { providerId, timestamp: at }) ?? calcPrice(tokens, model, { timestamp: at });
    return r ? r.total_price * 1e9 : null;
  } catch {
    return null;
  }
}

describe('PriceList', () => {
  const list = new PriceList();
  const nanos = (model: string, u: TokenUsage, at = new Date('2026-11-20T00:00:00Z'), provider?: string) => {
    const listed = list.lookup(model, provider);
    return listed ? list.priceNanos(listed, u, at) : null;
  };

  it('prices gpt-4o-mini as OpenAI does, cached input tokens at the cache-read price', () => {
    expect(nanos('gpt-4o-mini', usage(1_000, 500))).toBe(450_000); // $0.00045
    expect(nanos('gpt-4o-mini', usage(1_000, 500, 800))).toBe(390_000); // $0.00039
    expect(list.inferProvider('gpt-4o-mini')).toBe('openai');
  });

  it('knows nothing of a made-up model', () => {
    expect(list.lookup('my-own-finetune-v9')).toBeNull();
    expect(list.inferProvider('my-own-finetune-v9')).toBeNull();
  });

  it('prices o3 at the price in force at the event time (it dropped 80% on 2025-06-10)', () => {
    const million = usage(1_000_000, 1_000_000);
    expect(list.lookup('o3')!.linear).toHaveLength(2);
    expect(nanos('o3', million, new Date('2025-06-09T23:59:59Z'))).toBe(50e9);
    expect(nanos('o3', million, new Date('2025-06-10T00:00:00Z'))).toBe(10e9);
  });

  it('prices time-of-day windows through the library (DeepSeek peak and off-peak hours)', () => {
    expect(list.lookup('deepseek-chat', 'deepseek')!.linear).toBeNull();
    const peak = nanos('deepseek-chat', usage(1_000_000, 0), new Date('2026-11-20T10:00:00Z'), 'deepseek');
    const offPeak = nanos('deepseek-chat', usage(1_000_000, 0), new Date('2026-11-20T20:00:00Z'), 'deepseek');
    expect(peak).toBe(2 * offPeak!);
  });

  it('agrees with the library for every listed model, several usages and instants', () => {
    let compared = 0;
    let fast = 0;
    const mismatches: string[] = [];
    for (const providerId of PROVIDER_IDS) {
      const provider = findProvider({ providerId });
      expect(provider, providerId).toBeDefined();
      for (const model of provider!.models) {
        const listed = list.lookup(model.id, providerId);
        if (listed?.linear) fast++;
        for (const u of USAGES) {
          for (const at of INSTANTS) {
            const want = reference(model.id, providerId, u, at);
            const got = listed ? list.priceNanos(listed, u, at) : null;
            compared++;
            const ok = want === null ? got === null : got !== null && Math.abs(got - want) <= 1 + want * 1e-9;
            if (!ok) mismatches.push(`${providerId}/${model.id} ${JSON.stringify(u)} at ${at.toISOString()}: ${got} vs ${want}`);
          }
        }
      }
    }
    expect({ count: mismatches.length, first: mismatches.slice(0, 5) }).toEqual({ count: 0, first: [] });
    expect(compared).toBeGreaterThan(50_000);
    expect(fast).toBeGreaterThan(1_500); // nearly every model takes the fast path
  });
});
