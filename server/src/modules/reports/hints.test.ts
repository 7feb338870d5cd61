import { describe, expect, it } from 'vitest';
import { computeHints } from './hints.js';
import type { ReportFiguresData, ReportUsageData } from './report-data.js';

const totals = (over: Partial<ReportFiguresData>): ReportFiguresData => ({
  costUsd: 0, requests: 0, errors: 0, errorRate: 0, activeUsers: 0, threats: 0, sessions: 0, avgCostPerSession: null, agentRuns: 0, agentSuccessRate: null,
  cacheHits: 0, cacheHitRate: 0, cacheSavingsUsd: 0, costNotSupportedRequests: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0, totalTokens: 0, ...over,
});
const model = (name: string, requests: number, costUsd: number, inputTokensTotal: number, outputTokensTotal: number) =>
  ({ model: name, provider: 'openai', requests, costUsd, costShare: 0, inputTokensTotal, outputTokensTotal, costPerRequest: costUsd / requests, errorRate: 0 });

function data(over: { models?: ReturnType<typeof model>[]; prompts?: ReportUsageData['usage']['prompts']; statuses?: ReportUsageData['usage']['statuses']; totals?: Partial<ReportFiguresData> }): ReportUsageData {
  return {
    usage: { range: { from: '', to: '', timezone: 'UTC' }, totals: totals({ costUsd: 100, requests: 1000, ...over.totals }), teams: [], prompts: over.prompts ?? [], tools: [], statuses: over.statuses ?? [] },
    previousUsage: { totals: totals({}) },
    usageByModel: { rows: over.models ?? [] },
    usageByAgent: { rows: [] },
    usageByUser: { rows: [] },
    expensiveRequests: [],
  };
}

describe('optimization hints', () => {
  it('flags spend on premium models for short prompts, naming the cheaper model in use', () => {
    const hints = computeHints(data({ models: [model('claude-opus', 400, 80, 400 * 300, 400 * 100), model('haiku', 600, 20, 600 * 2000, 600 * 200)] }));
    expect(hints[0].key).toBe('premium-short-prompts');
    expect(hints[0].text).toMatch(/^\$80\.00 \(80\.0% of spend\) went to premium models \(claude-opus\) on requests averaging 300 input tokens\. .* haiku, about \d+× cheaper/);
  });

  it('leaves premium models alone when their prompts are long or their share is small', () => {
    expect(computeHints(data({ models: [model('claude-opus', 400, 80, 400 * 5000, 400 * 100), model('haiku', 600, 20, 600 * 2000, 600 * 200)] }))).toEqual([]);
    expect(computeHints(data({ models: [model('claude-opus', 10, 5, 10 * 300, 10 * 100), model('haiku', 990, 95, 990 * 2000, 990 * 2000)] }))).toEqual([]);
  });

  it('flags a repeated prompt that is barely cached, and failed requests that still cost money', () => {
    const hints = computeHints(
      data({
        prompts: [
          { key: 'refund-policy', label: null, requests: 500, costUsd: 30, inputTokens: 500_000, cachedInputTokens: 10_000, cacheHits: 0 },
          { key: 'cached-one', label: null, requests: 500, costUsd: 50, inputTokens: 500_000, cachedInputTokens: 400_000, cacheHits: 0 },
        ],
        statuses: [{ key: '200', label: null, requests: 900, costUsd: 90 }, { key: '429', label: null, requests: 80, costUsd: 8 }, { key: '500', label: null, requests: 20, costUsd: 2 }],
        totals: { errorRate: 0.1 },
      }),
    );
    expect(hints.map((h) => h.key)).toEqual(['failed-requests', 'repeated-prompt']);
    expect(hints[0].text).toMatch(/^100 requests failed \(10\.0% of all\), most often with status 429, and still cost \$10\.00/);
    expect(hints[1].text).toMatch(/^Prompt “refund-policy” ran 500 times for \$30\.00, with only 2\.0% of its input tokens read from the prompt cache/);
  });

  it('says nothing when nothing was spent', () => {
    expect(computeHints(data({ totals: { costUsd: 0 } }))).toEqual([]);
  });
});
