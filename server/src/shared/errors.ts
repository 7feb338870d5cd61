import { GraphQLError } from 'graphql';

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'PAYLOAD_TOO_LARGE' | 'RATE_LIMITED';

const httpStatus: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

/**
 * The one error vocabulary of the services. Anything else that escapes is an internal
 * error: logged in full and masked for the caller.
 */
export class DomainError extends Error {
  readonly isUserError = true;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
  get httpStatus(): number {
    return httpStatus[this.code];
  }
}

export const badInput = (field: string, message: string, extra: Record<string, unknown> = {}) =>
  new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { field, ...extra });
export const forbidden = (message = 'You do not have access to this.') => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in or send an API key as "Authorization: Bearer <key>".') =>
  new DomainError('UNAUTHENTICATED', message);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} was not found.`);

export function toGraphQLError(err: DomainError): GraphQLError {
  return new GraphQLError(err.message, { extensions: { code: err.code, ...err.details } });
}
