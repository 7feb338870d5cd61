import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

// Codes produced by GraphQL itself or by our limits: safe and useful to show as they are.
const PUBLIC_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
]);

/** The one boundary that turns domain errors into GraphQL errors and masks everything else. */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return { ...formatted, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && PUBLIC_CODES.has(code)) return formatted;
    // Input coercion errors (a bad enum value, a wrong scalar) are the caller's to fix.
    if (!code && /^(Variable|Argument|Expected|Field|Unknown|Syntax)\b/.test(formatted.message)) {
      return { ...formatted, extensions: { code: 'BAD_USER_INPUT' } };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
