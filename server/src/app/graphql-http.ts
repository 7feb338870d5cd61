import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express, { type RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import { formatError } from '../graphql/errors.js';
import type { Context } from '../graphql/context.js';
import { DomainError } from '../shared/errors.js';
import { parseBearer } from '../modules/accounts/auth.service.js';
import type { Services } from './services.js';

/** Batched HTTP operations are allowed, up to this many per request. */
export const MAX_BATCH = 10;
/** Large ingest batches belong in variables; a document itself stays small. */
export const MAX_TOKENS = 10_000;

/**
 * Abuse limits, each refused with a GraphQL validation error that names the limit. Introspection
 * stays on: integrators explore the schema with it.
 */
export const armor = new ApolloArmor({
  maxDepth: { n: 12, ignoreIntrospection: true, flattenFragments: true },
  costLimit: { maxCost: 20_000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
  maxAliases: { n: 30 },
  maxDirectives: { n: 30 },
  maxTokens: { n: MAX_TOKENS },
  blockFieldSuggestion: { enabled: false },
});

/** The depth, cost, alias and directive limits as plain validation rules (graphql-ws uses them too). */
export const armorRules = () => armor.protect().validationRules;

/** Builds the per-operation context: a fresh EntityManager fork and the authenticated caller. */
export async function createContext(services: Services, authorization: string | undefined | null): Promise<Context> {
  const em = services.orm.em.fork();
  let token: string | null = null;
  try {
    token = parseBearer(authorization);
    const principal = await services.auth.authenticate(em, authorization);
    return { em, principal, authError: null, token, services };
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { em, principal: null, authError: err, token, services };
  }
}

export async function createGraphQLHandler(
  schema: GraphQLSchema,
  services: Services,
  httpServer: Server,
  extraPlugins: ApolloServerPlugin<Context>[],
): Promise<{ apollo: ApolloServer<Context>; handler: RequestHandler[] }> {
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    // The process owns signal handling (main.ts) so shutdown happens once, in order.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: true,
    includeStacktraceInErrorResponses: false,
    validationRules: protection.validationRules,
    // graphql-armor ships CommonJS typings of Apollo's plugin type; the runtime objects are the same.
    plugins: [...(protection.plugins as unknown as ApolloServerPlugin<Context>[]), ApolloServerPluginDrainHttpServer({ httpServer }), ...extraPlugins],
    formatError: formatError(services.log),
  });
  await apollo.start();
  // Answered the GraphQL way (an `errors` list), since GraphQL clients read nothing else here.
  const capBatch: RequestHandler = (req, res, next) => {
    if (Array.isArray(req.body) && req.body.length > MAX_BATCH) {
      const message = `A batched request may carry at most ${MAX_BATCH} operations; this one has ${req.body.length}.`;
      res.status(400).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    next();
  };
  const handler = [
    express.json({ limit: '10mb' }),
    capBatch,
    expressMiddleware(apollo, { context: async ({ req }) => createContext(services, req.headers.authorization) }),
  ];
  return { apollo, handler };
}
