import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Services } from '../../app/services.js';
import type { Context } from '../../graphql/context.js';
import type { Clock } from '../../shared/clock.js';
import type { Principal } from '../accounts/access.js';

/**
 * Reports read their figures by executing the dashboard's own GraphQL operations in-process,
 * against the same schema, as an ADMIN of the schedule's organization: the same resolvers, the
 * same tenant scoping, the same numbers as the dashboard. The operation documents live in
 * `shared/operations/` at the repository root, where the dashboard's codegen reads them too.
 */
// graphql ships CommonJS and ESM builds whose classes do not mix; the schema is built by
// type-graphql with the CommonJS one, so execution must use that one too (a bundler or test
// runner resolving `import 'graphql'` to the ESM build would otherwise reject the schema).
const { execute, parse, validate } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export function loadOperations(file: string): DocumentNode {
  // src/modules/reports (or dist/modules/reports) → the repository root is four levels up.
  return parse(readFileSync(new URL(`../../../../shared/operations/${file}`, import.meta.url), 'utf8'));
}

/** The caller a report runs as: a synthetic admin of the organization, who exists in no table. */
export function reportPrincipal(org: { orgId: number; tenantId: number }): Principal {
  return { kind: 'member', memberId: 0, email: 'reports@tokentally.system', role: 'ADMIN', orgId: org.orgId, tenantId: org.tenantId, isSubAccount: org.orgId !== org.tenantId };
}

export class OperationError extends Error {}

const validated = new WeakMap<DocumentNode, GraphQLSchema>();

/**
 * Executes one named operation of `document`. `clock` stands in for the services' clock, so
 * relative timeframes (LAST_WEEK) resolve at the instant the report is about.
 */
export async function executeOperation<T>(
  deps: { schema: GraphQLSchema; services: Services },
  document: DocumentNode,
  operationName: string,
  variables: Record<string, unknown>,
  principal: Principal,
  clock?: Clock,
): Promise<T> {
  if (validated.get(document) !== deps.schema) {
    const errors = validate(deps.schema, document);
    if (errors.length) throw new OperationError(`The report operations do not match the schema: ${errors.map((e) => e.message).join('; ')}`);
    validated.set(document, deps.schema);
  }
  const services = clock ? { ...deps.services, clock } : deps.services;
  const contextValue: Context = { em: services.orm.em.fork(), principal, authError: null, token: null, services };
  const result = await execute({ schema: deps.schema, document, operationName, variableValues: variables, contextValue });
  if (result.errors?.length) {
    throw new OperationError(`${operationName}: ${result.errors.map((e) => `${e.message}${e.path ? ` (at ${e.path.join('.')})` : ''}`).join('; ')}`);
  }
  return result.data as T;
}
