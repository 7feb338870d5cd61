/**
 * The parts a report can hold, in the order they appear. A schedule lists the ones it wants
 * (all when it lists none); the summary figures always come first.
 */
export const reportSections = [
  'SUMMARY',
  'COST_BY_MODEL',
  'TOP_AGENTS',
  'TOP_USERS',
  'TOP_TEAMS',
  'EXPENSIVE_REQUESTS',
  'TOP_PROMPTS',
  'TOP_TOOLS',
  'AGENT_RUNS',
  'CACHE',
  'HINTS',
] as const;
export type ReportSectionName = (typeof reportSections)[number];

export function sectionsOrAll(sections: readonly string[] | null | undefined): Set<ReportSectionName> {
  return new Set(sections?.length ? (sections as ReportSectionName[]) : reportSections);
}
