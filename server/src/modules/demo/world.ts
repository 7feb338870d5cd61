import { Prng, WeightedPicker } from './prng.js';

/**
 * The demo organization's cast: sub-accounts, teams, users, agents and models. Built from the
 * seed alone, so the generator, the loader and the tests all agree on who exists.
 */

export interface DemoSubAccount {
  externalId: string;
  name: string;
}

export interface DemoTeam {
  id: string;
  name: string;
  /** External id of the sub-account the team works in; null = the parent organization itself. */
  subAccountId: string | null;
  /** Relative headcount. */
  size: number;
  /** Features this team calls directly (not through agents), most used first. */
  features: string[];
}

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  team: DemoTeam;
  tier: 'free' | 'pro' | 'enterprise';
  region: string;
}

export type AgentType = 'single_task' | 'multi_step' | 'conversational';

export interface DemoAgent {
  id: string;
  name: string;
  type: AgentType;
  model: DemoModel;
  team: DemoTeam;
  creator: DemoUser;
  tools: string[];
  promptId: string;
}

export interface DemoModel {
  name: string;
  provider: 'openai' | 'anthropic' | 'google' | 'mistral';
  /** False for the deliberately unpriced models (a fine-tune and an internal deployment). */
  priced: boolean;
  /** Latency profile: fixed overhead, time per output token, median time to first token (ms). */
  baseMs: number;
  msPerOutputToken: number;
  ttftMs: number;
  /** Supports provider-side prompt caching (cached input tokens). */
  promptCache: boolean;
}

export const SUB_ACCOUNTS: DemoSubAccount[] = [
  { externalId: 'acme-eu', name: 'Acme Europe' },
  { externalId: 'acme-us', name: 'Acme Americas' },
  { externalId: 'acme-labs', name: 'Acme Labs' },
];

export const TEAMS: DemoTeam[] = [
  { id: 'support', name: 'Customer Support', subAccountId: 'acme-eu', size: 80, features: ['Chat', 'Document Chat', 'Summarization', 'Translation'] },
  { id: 'sales', name: 'Sales', subAccountId: 'acme-us', size: 55, features: ['Chat', 'Summarization', 'Search'] },
  { id: 'engineering', name: 'Engineering', subAccountId: 'acme-labs', size: 70, features: ['Code Review', 'Chat', 'Search'] },
  { id: 'data-science', name: 'Data Science', subAccountId: 'acme-labs', size: 30, features: ['Document Chat', 'Classification', 'Chat'] },
  { id: 'marketing', name: 'Marketing', subAccountId: null, size: 40, features: ['Chat', 'Translation', 'Summarization'] },
  { id: 'legal', name: 'Legal', subAccountId: 'acme-us', size: 25, features: ['Document Chat', 'Summarization'] },
];

/** Most used first: the generator draws them Zipf-like in this order. */
export const MODELS: DemoModel[] = [
  { name: 'gpt-4o-mini', provider: 'openai', priced: true, baseMs: 250, msPerOutputToken: 9, ttftMs: 280, promptCache: true },
  { name: 'claude-sonnet-4-20250514', provider: 'anthropic', priced: true, baseMs: 450, msPerOutputToken: 17, ttftMs: 650, promptCache: true },
  { name: 'gpt-4o', provider: 'openai', priced: true, baseMs: 350, msPerOutputToken: 14, ttftMs: 420, promptCache: true },
  { name: 'gemini-2.5-flash', provider: 'google', priced: true, baseMs: 220, msPerOutputToken: 6, ttftMs: 330, promptCache: true },
  { name: 'claude-3-5-haiku-20241022', provider: 'anthropic', priced: true, baseMs: 300, msPerOutputToken: 10, ttftMs: 420, promptCache: true },
  { name: 'gpt-4.1', provider: 'openai', priced: true, baseMs: 380, msPerOutputToken: 15, ttftMs: 480, promptCache: true },
  { name: 'mistral-small-latest', provider: 'mistral', priced: true, baseMs: 200, msPerOutputToken: 8, ttftMs: 260, promptCache: false },
  { name: 'ft:gpt-4o-mini:acme:support-v2', provider: 'openai', priced: false, baseMs: 260, msPerOutputToken: 9, ttftMs: 300, promptCache: false },
  { name: 'gemini-2.5-pro', provider: 'google', priced: true, baseMs: 900, msPerOutputToken: 16, ttftMs: 1400, promptCache: true },
  { name: 'mistral-large-latest', provider: 'mistral', priced: true, baseMs: 420, msPerOutputToken: 18, ttftMs: 520, promptCache: false },
  { name: 'claude-opus-4-1', provider: 'anthropic', priced: true, baseMs: 800, msPerOutputToken: 30, ttftMs: 1300, promptCache: true },
  { name: 'acme-mistral-7b-internal', provider: 'mistral', priced: false, baseMs: 120, msPerOutputToken: 7, ttftMs: 150, promptCache: false },
];

const AGENT_BLUEPRINTS: { name: string; type: AgentType; team: string; tools: string[] }[] = [
  { name: 'Ticket triage', type: 'single_task', team: 'support', tools: ['search_kb'] },
  { name: 'Refund assistant', type: 'conversational', team: 'support', tools: ['lookup_order', 'issue_refund'] },
  { name: 'Support copilot', type: 'conversational', team: 'support', tools: ['search_kb', 'lookup_order'] },
  { name: 'Reply drafter', type: 'single_task', team: 'support', tools: [] },
  { name: 'Escalation summarizer', type: 'single_task', team: 'support', tools: ['fetch_ticket'] },
  { name: 'Lead enricher', type: 'multi_step', team: 'sales', tools: ['web_search', 'crm_lookup', 'crm_update'] },
  { name: 'Proposal writer', type: 'multi_step', team: 'sales', tools: ['crm_lookup', 'doc_search'] },
  { name: 'Sales coach', type: 'conversational', team: 'sales', tools: ['crm_lookup'] },
  { name: 'Call notes', type: 'single_task', team: 'sales', tools: [] },
  { name: 'PR reviewer', type: 'multi_step', team: 'engineering', tools: ['git_diff', 'read_file', 'post_comment'] },
  { name: 'Incident responder', type: 'multi_step', team: 'engineering', tools: ['query_logs', 'query_metrics', 'page_oncall'] },
  { name: 'Test writer', type: 'multi_step', team: 'engineering', tools: ['read_file', 'run_tests', 'write_file'] },
  { name: 'Commit message bot', type: 'single_task', team: 'engineering', tools: ['git_diff'] },
  { name: 'Dev assistant', type: 'conversational', team: 'engineering', tools: ['read_file', 'web_search'] },
  { name: 'SQL helper', type: 'conversational', team: 'data-science', tools: ['run_sql', 'describe_table'] },
  { name: 'Report builder', type: 'multi_step', team: 'data-science', tools: ['run_sql', 'make_chart'] },
  { name: 'Anomaly explainer', type: 'single_task', team: 'data-science', tools: ['query_metrics'] },
  { name: 'Campaign planner', type: 'multi_step', team: 'marketing', tools: ['web_search', 'doc_search'] },
  { name: 'Copywriter', type: 'conversational', team: 'marketing', tools: [] },
  { name: 'SEO auditor', type: 'single_task', team: 'marketing', tools: ['fetch_url'] },
  { name: 'Localizer', type: 'single_task', team: 'marketing', tools: [] },
  { name: 'Contract reviewer', type: 'multi_step', team: 'legal', tools: ['doc_search', 'clause_library'] },
  { name: 'Policy Q&A', type: 'conversational', team: 'legal', tools: ['doc_search'] },
  { name: 'NDA checker', type: 'single_task', team: 'legal', tools: ['clause_library'] },
  { name: 'Meeting summarizer', type: 'single_task', team: 'marketing', tools: [] },
];

const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Noah', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wei', 'Xena', 'Yusuf', 'Zoe', 'Aiko', 'Bruno', 'Carla', 'Dmitri'];
const LAST_NAMES = ['Silva', 'Meyer', 'Dubois', 'Kowalski', 'Rossi', 'Nakamura', 'Okafor', 'Jensen', 'Garcia', 'Novak', 'Haddad', 'Larsen', 'Moreau', 'Schmidt', 'Ivanova', 'Chen', 'Patel', 'Murphy', 'Costa', 'Berg'];
const REGIONS: Record<string, string[]> = { 'acme-eu': ['eu-west', 'eu-central'], 'acme-us': ['us-east', 'us-west'], 'acme-labs': ['us-east', 'eu-west'], root: ['eu-west', 'us-east'] };

export interface DemoWorld {
  users: DemoUser[];
  agents: DemoAgent[];
  /** Users ranked by activity (a shuffled order), drawn Zipf-like: a few heavy users. */
  userPicker: WeightedPicker<DemoUser>;
  modelPicker: WeightedPicker<DemoModel>;
  agentPicker: WeightedPicker<DemoAgent>;
  /** Each team mostly runs its own agents. */
  teamAgents: Map<string, WeightedPicker<DemoAgent>>;
}

export const USER_COUNT = 300;

export function buildWorld(seed: number): DemoWorld {
  const rng = Prng.derive(seed, 'world');
  const teamPicker = new WeightedPicker(TEAMS, TEAMS.map((t) => t.size));
  const users: DemoUser[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < USER_COUNT; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    let local = `${first}.${last}`.toLowerCase();
    for (let n = 2; taken.has(local); n++) local = `${first}.${last}${n}`.toLowerCase();
    taken.add(local);
    const team = teamPicker.pick(rng);
    const tierRoll = rng.next();
    users.push({
      id: `u-${String(i + 1).padStart(4, '0')}`,
      email: `${local}@acme.test`,
      name: `${first} ${last}`,
      team,
      tier: tierRoll < 0.55 ? 'free' : tierRoll < 0.88 ? 'pro' : 'enterprise',
      region: rng.pick(REGIONS[team.subAccountId ?? 'root']),
    });
  }
  const modelPicker = WeightedPicker.zipf(MODELS, 1.1);
  const agents = AGENT_BLUEPRINTS.map((b, i): DemoAgent => {
    const team = TEAMS.find((t) => t.id === b.team)!;
    const members = users.filter((u) => u.team === team);
    const slug = b.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
    return {
      id: `ag-${String(i + 1).padStart(2, '0')}-${slug}`,
      name: b.name,
      type: b.type,
      model: modelPicker.pick(rng),
      team,
      creator: rng.pick(members),
      tools: b.tools,
      promptId: `${slug}-v${rng.int(1, 4)}`,
    };
  });
  const ranked = shuffle(users, rng);
  const teamAgents = new Map(TEAMS.map((t) => [t.id, WeightedPicker.zipf(shuffle(agents.filter((a) => a.team === t), rng), 0.8)]));
  return {
    users,
    agents,
    userPicker: WeightedPicker.zipf(ranked, 0.7),
    modelPicker,
    agentPicker: WeightedPicker.zipf(shuffle(agents, rng), 0.8),
    teamAgents,
  };
}

function shuffle<T>(items: readonly T[], rng: Prng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
