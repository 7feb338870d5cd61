export interface BenchCase {
  name: string;
  graphql: string;
  rawSql: { text: string; values: unknown[] }[];
}
export function dashboardQueries(_rootId: number): BenchCase[] {
  return [];
}
