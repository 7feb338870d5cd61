import type { CombinedError } from '@urql/vue';

/** A user-facing message and, for BAD_USER_INPUT, the offending field (to show next to it). */
export function describeError(error: CombinedError | undefined | null): { message: string; field?: string } | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (!first) return { message: 'The server could not be reached. Try again.' };
  const ext = (first.extensions ?? {}) as { code?: string; field?: string; details?: { field?: string } };
  return { message: first.message, field: ext.field ?? ext.details?.field };
}
