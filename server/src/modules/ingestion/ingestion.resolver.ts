import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { IngestResultType, UsageEventInput } from './ingestion.types.js';

@Resolver()
export class IngestionResolver {
  @Authorized('ingest')
  @Mutation(() => IngestResultType, { description: 'Stores LLM usage events; same rules and answer as POST /v1/events.' })
  ingestUsageEvents(@Arg('events', () => [UsageEventInput]) events: UsageEventInput[], @Ctx() { principal, services }: Context): Promise<IngestResultType> {
    const caller = services.ingestion.admit(principal);
    // GraphQL hands over class instances with undefined fields; the service wants plain JSON.
    return services.ingestion.ingest(caller, events.map((e) => ({ ...e })));
  }
}
