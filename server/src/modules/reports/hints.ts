import { formatCount, formatPercent, formatUsd } from '../../emails/format.js';
import { NONE_KEY, OTHER_KEY, type ReportUsageData } from './report-data.js';
import type { ReportHint } from './report-model.js';

/**
 * Optimization hints computed from the report's own figures. Each rule looks at one pattern,
 * estimates what is at stake in dollars, and the three largest make the report. Thresholds are
 * deliberately conservative: a hint that fires every week for pennies is noise.
 */
interface Candidate extends ReportHint {
  /** US dollars at stake, to rank hints. */
  stakeUsd: number;
}

const MAX_HINTS = 3;
/** Prompts this short (average input tokens) rarely need a frontier model. */
const SHORT_PROMPT_TOKENS = 1_000;
/** A model is premium when its cost per token is at least this many times the cheapest model's. */
const PREMIUM_FACTOR = 4;

export function computeHints(data: ReportUsageData): ReportHint[] {
  const totalCost = data.usage.totals.costUsd;
  if (!(totalCost > 0)) return [];
  const candidates = [premiumModelsOnShortPrompts(data, totalCost), uncachedRepeatedPrompt(data), failedRequestsCost(data, totalCost)].filter((c): c is Candidate => c !== null);
  return candidates
    .sort((a, b) => b.stakeUsd - a.stakeUsd)
    .slice(0, MAX_HINTS)
    .map(({ key, text }) => ({ key, text }));
}

/** Spend on expensive models for requests whose prompts are short. */
function premiumModelsOnShortPrompts(data: ReportUsageData, totalCost: number): Candidate | null {
  const models = data.usageByModel.rows
    .filter((m) => m.requests > 0 && m.costUsd > 0 && m.inputTokensTotal + m.outputTokensTotal > 0)
    .map((m) => ({ ...m, perToken: m.costUsd / (m.inputTokensTotal + m.outputTokensTotal), avgInput: m.inputTokensTotal / m.requests }));
  if (models.length < 2) return null;
  const cheapest = models.reduce((a, b) => (b.perToken < a.perToken ? b : a));
  const premium = models.filter((m) => m.perToken >= cheapest.perToken * PREMIUM_FACTOR && m.avgInput < SHORT_PROMPT_TOKENS);
  const spend = premium.reduce((s, m) => s + m.costUsd, 0);
  if (premium.length === 0 || spend / totalCost < 0.2) return null;
  const requests = premium.reduce((s, m) => s + m.requests, 0);
  const avgInput = premium.reduce((s, m) => s + m.inputTokensTotal, 0) / requests;
  const names = premium.slice(0, 3).map((m) => m.model).join(', ');
  const premiumTokens = premium.reduce((s, m) => s + m.inputTokensTotal + m.outputTokensTotal, 0);
  const factor = Math.round(spend / premiumTokens / cheapest.perToken);
  // If a quarter of those requests moved to the cheapest model in use, this is what it would save.
  const stakeUsd = spend * 0.25 * (1 - 1 / Math.max(factor, 1));
  return {
    key: 'premium-short-prompts',
    stakeUsd,
    text:
      `${formatUsd(spend)} (${formatPercent(spend / totalCost)} of spend) went to premium models (${names}) on requests averaging ` +
      `${formatCount(avgInput)} input tokens. Short prompts like these often do as well on ${cheapest.model}, about ${factor}× cheaper per token; ` +
      `moving a quarter of them would save about ${formatUsd(stakeUsd)}.`,
  };
}

/** A prompt sent again and again with little of it read from a cache. */
function uncachedRepeatedPrompt(data: ReportUsageData): Candidate | null {
  const prompts = data.usage.prompts
    .filter((p) => p.key !== OTHER_KEY && p.key !== NONE_KEY && p.requests >= 20 && (p.inputTokens ?? 0) > 0)
    .map((p) => ({ ...p, cachedShare: (p.cachedInputTokens ?? 0) / (p.inputTokens ?? 1), hitRate: (p.cacheHits ?? 0) / p.requests }))
    .filter((p) => p.cachedShare < 0.2 && p.hitRate < 0.1)
    .sort((a, b) => b.costUsd - a.costUsd);
  const p = prompts[0];
  if (!p || p.costUsd <= 0) return null;
  // Provider prompt caches bill cached input at roughly a tenth to a half: half the input share is a fair middle.
  const stakeUsd = p.costUsd * 0.5 * 0.5;
  return {
    key: 'repeated-prompt',
    stakeUsd,
    text:
      `Prompt “${p.label ?? p.key}” ran ${formatCount(p.requests)} times for ${formatUsd(p.costUsd)}, with only ${formatPercent(p.cachedShare)} of its input ` +
      `tokens read from the prompt cache. Keeping its fixed part first (prompt caching) or answering repeats from a response cache could save up to about ${formatUsd(stakeUsd)}.`,
  };
}

/** Money spent on requests that failed. */
function failedRequestsCost(data: ReportUsageData, totalCost: number): Candidate | null {
  const failed = data.usage.statuses.filter((s) => Number(s.key) >= 400);
  const cost = failed.reduce((s, r) => s + r.costUsd, 0);
  const requests = failed.reduce((s, r) => s + r.requests, 0);
  if (requests === 0 || (cost / totalCost < 0.02 && data.usage.totals.errorRate < 0.05)) return null;
  const top = failed.reduce((a, b) => (b.requests > a.requests ? b : a));
  return {
    key: 'failed-requests',
    stakeUsd: cost,
    text:
      `${formatCount(requests)} requests failed (${formatPercent(data.usage.totals.errorRate)} of all), most often with status ${top.key}, and still cost ${formatUsd(cost)}. ` +
      `Retries with backoff, lower concurrency near rate limits, or a fallback model would recover most of it.`,
  };
}
