import { DateTimeResolver, JSONObjectResolver, SafeIntResolver } from 'graphql-scalars';

/** An instant, as an ISO 8601 string with offset (the contract's DateTime). */
export const DateTime = DateTimeResolver;
/** Integers up to 2^53 - 1: token sums pass 2^31 quickly. */
export const SafeInt = SafeIntResolver;
export const JSONObject = JSONObjectResolver;
