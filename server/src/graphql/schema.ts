import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { AccountsResolver } from '../modules/accounts/accounts.resolver.js';
import { AuthResolver } from '../modules/accounts/auth.resolver.js';
import { IngestionResolver } from '../modules/ingestion/ingestion.resolver.js';
import { LiveResolver } from '../modules/live/live.resolver.js';
import { OrganizationsResolver } from '../modules/organizations/organizations.resolver.js';
import { PricingResolver } from '../modules/pricing/pricing.resolver.js';
import { ReportsResolver } from '../modules/reports/reports.resolver.js';
import { UsageResolver } from '../modules/usage/usage.resolver.js';
import { UsagePagesResolver, usagePageTotalsResolvers } from '../modules/usage/usage-pages.resolver.js';
import { AlertsResolver } from '../modules/alerts/alerts.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { SessionsResolver } from '../modules/sessions/sessions.resolver.js';
import { RequestsResolver } from '../modules/requests/requests.resolver.js';
import { authChecker } from './auth-checker.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const resolvers: NonEmptyArray<Function> = [AuthResolver, AccountsResolver, OrganizationsResolver, PricingResolver, IngestionResolver, UsageResolver, UsagePagesResolver, ...usagePageTotalsResolvers, SessionsResolver, RequestsResolver, ReportsResolver, LiveResolver, AlertsResolver, AuditResolver];

/** Typed topics for subscriptions; the live and report modules publish here. */
export type PubSubTopics = Record<string, [unknown]>;
export const createTopics = () => createPubSub<PubSubTopics>();
export type PubSub = ReturnType<typeof createTopics>;

export async function createSchema(pubSub: PubSub = createTopics()): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, authChecker, pubSub, validate: false });
}

/** The schema as committed in schema.graphql: sorted, so the file only changes when the API does. */
export function schemaText(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
