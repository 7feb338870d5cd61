/**
 * Every dimension, once: the SQL of its key over raw events (alias `e`), the UsageFilter list that
 * filters on it, the rollup column carrying it (same name in every rollup that has it) and how its
 * display label is found. The GraphQL `Dimension` enum and the breakdown compiler derive from this.
 */
export type DimensionName = 'MODEL' | 'PROVIDER' | 'USER' | 'TEAM' | 'AGENT' | 'AGENT_TYPE' | 'SUB_ACCOUNT' | 'FEATURE' | 'PROMPT' | 'TOOL' | 'STATUS' | 'PROPERTY';

/** Lists of UsageFilter that are plain `column = any(values)` conditions. */
export type ListFilter = 'teamIds' | 'userIds' | 'models' | 'providers' | 'agentIds' | 'agentTypes' | 'features';

export type LabelSource = 'user' | 'agent' | 'team' | 'organization';

export interface Dimension {
  name: DimensionName;
  description: string;
  /** Column of usage_event (and of the rollups that carry the dimension), when the key is one. */
  column?: string;
  /** The key as text over raw events; `param` binds a value (the property key). */
  raw(param: (v: unknown) => string, propertyKey?: string): string;
  /** FROM-clause addition the key needs (tools are an array: one row per tool). */
  lateral?: string;
  filter?: ListFilter;
  label?: LabelSource;
}

const col = (name: DimensionName, column: string, description: string, extra: Partial<Dimension> = {}): Dimension => ({
  name,
  description,
  column,
  raw: () => `e.${column}`,
  ...extra,
});

export const dimensions: Dimension[] = [
  col('MODEL', 'model', 'The model of the request.', { filter: 'models' }),
  col('PROVIDER', 'provider', 'The model provider.', { filter: 'providers' }),
  col('USER', 'user_id', 'The user the request was made for (external id); label: email or name.', { filter: 'userIds', label: 'user' }),
  col('TEAM', 'team_id', "The user's team (external id).", { filter: 'teamIds', label: 'team' }),
  col('AGENT', 'agent_id', 'The agent (external id); label: its name.', { filter: 'agentIds', label: 'agent' }),
  col('AGENT_TYPE', 'agent_type', 'The agent type, such as single_task.', { filter: 'agentTypes' }),
  {
    name: 'SUB_ACCOUNT',
    description: 'The organization or sub-account the event belongs to; key: its externalId (the id for the root), label: its name.',
    column: 'org_id',
    raw: () => 'e.org_id::text',
    label: 'organization',
  },
  col('FEATURE', 'feature', 'The product feature (chat, agents, …).', { filter: 'features' }),
  col('PROMPT', 'prompt_id', 'The prompt id.'),
  {
    name: 'TOOL',
    description: 'Each tool the request offered; a request with several tools counts once per tool, so shares may exceed the totals.',
    column: 'tool', // in rollup_tool_day only: raw events have an array (see `raw`)
    raw: () => 'tool.k',
    lateral: 'cross join lateral unnest(coalesce(e.tools, array[null]::text[])) as tool(k)',
  },
  { name: 'STATUS', description: 'The HTTP-like status code.', column: 'status', raw: () => 'e.status::text' },
  {
    name: 'PROPERTY',
    description: 'The value of the custom property named by `propertyKey`.',
    raw: (param, key) => `e.properties ->> ${param(key)}`,
  },
];

export const dimensionByName = new Map(dimensions.map((d) => [d.name, d]));

/** Custom property keys are bound as values, but must still look like keys. */
export const PROPERTY_KEY = /^[A-Za-z0-9_.:-]{1,64}$/;
