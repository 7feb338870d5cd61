import type { Period } from './periods.js';

const LIST_FIELDS = ['subAccountIds', 'teamIds', 'userIds', 'models', 'providers', 'agentIds', 'agentTypes', 'features'] as const;

/**
 * A dashboard URL showing `page` over the report's period with the schedule's filter. The query
 * parameters are the UsageFilter field names, as the dashboard's filter bar and the CSV endpoints
 * read them (lists as repeated parameters, custom properties as `property.<key>`).
 */
export function dashboardLink(baseUrl: string, page: string, filter: Record<string, unknown>, period: Period, timezone: string): string {
  const params = new URLSearchParams();
  params.set('timeframe', 'CUSTOM');
  params.set('from', period.from.toISOString());
  params.set('to', period.to.toISOString());
  params.set('timezone', timezone);
  for (const field of LIST_FIELDS) {
    const values = filter[field];
    if (Array.isArray(values)) for (const v of values) params.append(field, String(v));
  }
  if (Array.isArray(filter.properties)) {
    for (const p of filter.properties as { key: string; value: string }[]) params.append(`property.${p.key}`, p.value);
  }
  if (typeof filter.status === 'string') params.set('status', filter.status);
  if (filter.includeSubAccounts === false) params.set('includeSubAccounts', 'false');
  return `${baseUrl.replace(/\/+$/, '')}${page}?${params.toString()}`;
}

/** The filter in words, for the report header: "Models: gpt-4o, o1 · Status: ERROR". */
export function describeFilter(filter: Record<string, unknown>): string[] {
  const names: Record<string, string> = {
    subAccountIds: 'Sub-accounts',
    teamIds: 'Teams',
    userIds: 'Users',
    models: 'Models',
    providers: 'Providers',
    agentIds: 'Agents',
    agentTypes: 'Agent types',
    features: 'Features',
  };
  const out: string[] = [];
  for (const field of LIST_FIELDS) {
    const values = filter[field];
    if (Array.isArray(values) && values.length) out.push(`${names[field]}: ${values.join(', ')}`);
  }
  if (Array.isArray(filter.properties)) for (const p of filter.properties as { key: string; value: string }[]) out.push(`${p.key} = ${p.value}`);
  if (typeof filter.status === 'string') out.push(`Status: ${filter.status}`);
  if (filter.includeSubAccounts === false) out.push('Without sub-accounts');
  return out;
}
