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
}
