/** Collects bound values: every value in analytics SQL goes through here, never into the text. */
export class Params {
  readonly values: unknown[] = [];
  add = (value: unknown): string => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}

export interface CompiledSql {
  /** A short name for logs and benchmarks. */
  name: string;
  text: string;
  values: unknown[];
  /** Turns the statement's rows into one row per key (e.g. histogram buckets into percentiles). */
  post?: (rows: Record<string, any>[]) => Record<string, any>[];
  /** When this says the rows cannot be trusted (e.g. units mixing attributes), `fallback` answers instead. */
  fallbackWhen?: (rows: Record<string, any>[]) => boolean;
  fallback?: CompiledSql;
}
