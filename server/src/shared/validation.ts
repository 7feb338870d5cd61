import type { z } from 'zod';
import { DomainError } from './errors.js';

/** Field-level problems of an input, keyed by dotted path. */
export interface FieldError {
  field: string;
  message: string;
}

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(input)', message: i.message }));
}

/** Parses an input or throws BAD_USER_INPUT naming every offending field. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error).map((e) => ({ ...e, field: prefix + e.field }));
  const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  throw new DomainError('BAD_USER_INPUT', summary, { field: errors[0].field, errors });
}
