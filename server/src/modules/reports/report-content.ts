import { computeHints } from './hints.js';
import { dashboardLink, describeFilter } from './links.js';
import { periodLabel, type Period, type Timing } from './periods.js';
import { NONE_KEY, OTHER_KEY, type BreakdownRowData, type ReportFiguresData, type ReportUsageData } from './report-data.js';
import type { ReportFigure, ReportModel, ReportTable } from './report-model.js';
import { sectionsOrAll, type ReportSectionName } from './sections.js';

export interface ContentContext {
  title: string;
  organizationName: string;
  timing: Timing;
  filter: Record<string, unknown>;
  sections: readonly string[] | null;
  period: Period;
  previousPeriod: Period;
  baseUrl: string;
}

/** Turns the GraphQL answer into what the report says. Pure: the same answer gives the same report. */
export function toReportModel(data: ReportUsageData, ctx: ContentContext): ReportModel {
  const sections = sectionsOrAll(ctx.sections);
  const now = data.usage.totals;
  const before = data.previousUsage.totals;
  const link = (page: string) => dashboardLink(ctx.baseUrl, page, ctx.filter, ctx.period, ctx.timing.timezone);
  const fig = (key: string, label: string, field: keyof ReportFiguresData, format: ReportFigure['format'], better: ReportFigure['better']): ReportFigure => ({
    key,
    label,
    value: now[field],
    previous: before[field],
    format,
    better,
  });

  const tables: ReportTable[] = [];
  const add = (section: ReportSectionName, table: () => ReportTable) => {
    if (sections.has(section)) tables.push(table());
  };
  add('COST_BY_MODEL', () => ({
    section: 'COST_BY_MODEL',
    key: 'models',
    title: 'Cost by model',
    columns: [
      { key: 'name', label: 'Model', format: 'text' },
      { key: 'cost', label: 'Cost', format: 'usd' },
      { key: 'share', label: 'Share', format: 'percent' },
      { key: 'requests', label: 'Requests', format: 'count' },
      { key: 'costPerRequest', label: 'Per request', format: 'usd' },
    ],
    rows: data.usageByModel.rows.map((r) => ({ name: r.model, cost: r.costUsd, share: r.costShare, requests: r.requests, costPerRequest: r.costPerRequest })),
    link: link('/reports/models'),
    empty: 'No requests in this period.',
  }));
  add('TOP_AGENTS', () => ({
    section: 'TOP_AGENTS',
    key: 'agents',
    title: 'Top agents',
    columns: [
      { key: 'name', label: 'Agent', format: 'text' },
      { key: 'cost', label: 'Cost', format: 'usd' },
      { key: 'runs', label: 'Runs', format: 'count' },
      { key: 'errorRate', label: 'Error rate', format: 'percent' },
    ],
    // The row of requests made without an agent is not an agent.
    rows: data.usageByAgent.rows.filter((r) => r.agentId !== null).map((r) => ({ name: r.agentName ?? r.agentId, cost: r.costUsd, runs: r.totalRuns, errorRate: r.errorRate })),
    link: link('/reports/agents'),
    empty: 'No agent requests in this period.',
  }));
  add('TOP_USERS', () => ({
    section: 'TOP_USERS',
    key: 'users',
    title: 'Top users',
    columns: [
      { key: 'name', label: 'User', format: 'text' },
      { key: 'cost', label: 'Cost', format: 'usd' },
      { key: 'requests', label: 'Requests', format: 'count' },
    ],
    rows: data.usageByUser.rows.filter((r) => r.userId !== null).map((r) => ({ name: r.userEmail ?? r.userId, cost: r.costUsd, requests: r.requests })),
    link: link('/reports/users'),
    empty: 'No user requests in this period.',
  }));
  add('TOP_TEAMS', () => breakdownTable('TOP_TEAMS', 'teams', 'Top teams', 'Team', data.usage.teams, null, 'No team requests in this period.'));
  add('EXPENSIVE_REQUESTS', () => ({
    section: 'EXPENSIVE_REQUESTS',
    key: 'requests',
    title: 'Most expensive requests',
    columns: [
      { key: 'model', label: 'Model', format: 'text' },
      { key: 'cost', label: 'Cost', format: 'usd' },
      { key: 'tokens', label: 'Tokens', format: 'count' },
      { key: 'who', label: 'User / agent', format: 'text' },
      { key: 'when', label: 'When', format: 'text' },
    ],
    rows: data.expensiveRequests.map((r) => ({
      model: r.model,
      cost: r.costUsd,
      tokens: r.inputTokens + r.outputTokens,
      who: [r.userId, r.agentId].filter(Boolean).join(' / ') || null,
      when: requestTime(r.ts, ctx.timing.timezone),
    })),
    // No dashboard page lists single requests yet: no link rather than a page that shows something else.
    link: null,
    empty: 'No priced requests in this period.',
  }));
  add('TOP_PROMPTS', () => breakdownTable('TOP_PROMPTS', 'prompts', 'Top prompts', 'Prompt', data.usage.prompts, link('/prompts-tools'), 'No prompt ids in this period.'));
  add('TOP_TOOLS', () => breakdownTable('TOP_TOOLS', 'tools', 'Top tools', 'Tool', data.usage.tools, link('/prompts-tools'), 'No tool calls in this period.'));

  return {
    title: ctx.title,
    organizationName: ctx.organizationName,
    frequency: ctx.timing.frequency,
    timezone: ctx.timing.timezone,
    period: ctx.period,
    previousPeriod: ctx.previousPeriod,
    periodLabel: periodLabel(ctx.timing, ctx.period),
    dashboardUrl: link('/'),
    filterSummary: describeFilter(ctx.filter),
    summary: [
      fig('total-cost', 'Total cost', 'costUsd', 'usd', 'down'),
      fig('requests', 'Requests', 'requests', 'count', 'none'),
      fig('error-rate', 'Error rate', 'errorRate', 'percent', 'down'),
      fig('active-users', 'Active users', 'activeUsers', 'count', 'up'),
      fig('threats', 'Security threats', 'threats', 'count', 'down'),
      fig('sessions', 'Sessions', 'sessions', 'count', 'none'),
      fig('avg-cost-per-session', 'Avg cost per session', 'avgCostPerSession', 'usd', 'down'),
    ],
    agentRuns: sections.has('AGENT_RUNS') ? [fig('agent-runs', 'Agent runs', 'agentRuns', 'count', 'none'), fig('agent-success-rate', 'Success rate', 'agentSuccessRate', 'percent', 'up')] : null,
    cache: sections.has('CACHE')
      ? [
          fig('cache-hits', 'Cache hits', 'cacheHits', 'count', 'up'),
          fig('cache-hit-rate', 'Cache hit rate', 'cacheHitRate', 'percent', 'up'),
          fig('cache-savings', 'Saved by the cache', 'cacheSavingsUsd', 'usd', 'up'),
        ]
      : null,
    tables,
    unpricedRequests: now.costNotSupportedRequests,
    hints: sections.has('HINTS') ? computeHints(data) : [],
  };
}

function breakdownTable(section: ReportSectionName, key: string, title: string, label: string, rows: BreakdownRowData[], link: string | null, empty: string): ReportTable {
  return {
    section,
    key,
    title,
    columns: [
      { key: 'name', label, format: 'text' },
      { key: 'cost', label: 'Cost', format: 'usd' },
      { key: 'requests', label: 'Requests', format: 'count' },
    ],
    // "(other)" sums everything below the top rows and "(none)" requests without a value: neither is a top item.
    rows: rows.filter((r) => r.key !== OTHER_KEY && r.key !== NONE_KEY).map((r) => ({ name: r.label ?? r.key, cost: r.costUsd, requests: r.requests })),
    link,
    empty,
  };
}

/** When a request started, in the report's timezone ("Nov 18, 13:00"). */
export function requestTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
}
